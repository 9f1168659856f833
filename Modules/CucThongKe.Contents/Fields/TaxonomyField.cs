using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Taxonomies;
using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Contents.Fields;

/// <summary>Terms of a taxonomy (categories, fields of statistics...).</summary>
public sealed class TaxonomyField : ContentField
{
    public List<string> TermIds { get; set; } = [];

    public override void Prepare(ContentElementContext context) =>
        TermIds = [.. TermIds.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.Ordinal)];

    /// <remarks>That each term exists in the taxonomy is checked with the database by <see cref="Services.FieldReferenceChecks"/>.</remarks>
    public override ValueTask ValidateAsync(ContentElementContext context)
    {
        var settings = context.Settings<TaxonomyFieldSettings>();
        if (TermIds.Count == 0)
        {
            FieldChecks.Missing(context, nameof(TermIds), settings.Required);
        }
        else if (!settings.Multiple && TermIds.Count > 1)
        {
            context.AddError(nameof(TermIds), $"{context.DisplayName} chỉ chọn một mục.");
        }

        return ValueTask.CompletedTask;
    }
}

public sealed class TaxonomyFieldSettings : ContentFieldSettings
{
    public string Taxonomy { get; init; } = "";

    public bool Multiple { get; init; } = true;
}

/// <summary>The editor of a taxonomy field: a list of the taxonomy's terms, children marked under their parent.</summary>
public sealed class TaxonomyFieldEditorDriver(CmsDbContext db) : ContentFieldEditorDriver<TaxonomyField>
{
    public override async Task<EditorShape?> EditAsync(EditorContext context, CancellationToken cancellationToken)
    {
        var settings = context.Settings<TaxonomyFieldSettings>();
        var terms = await db.Set<TaxonomyTerm>().AsNoTracking().Where(t => t.Taxonomy == settings.Taxonomy).OrderBy(t => t.Order).ToListAsync(cancellationToken);
        var options = terms.Select(t => new EditorOption(t.TermId, t.ParentId is null ? t.Name : "— " + t.Name)).ToList();
        var selected = context.Strings(nameof(TaxonomyField.TermIds));
        return new EditorShape("ContentEditors/Choice", new EditorChoice(FieldInput(context, nameof(TaxonomyField.TermIds), ""), settings.Multiple, options, selected));
    }

    protected override void Update(EditorUpdateContext context) => context.Set(nameof(TaxonomyField.TermIds), context.ReadChoices(nameof(TaxonomyField.TermIds)));
}
