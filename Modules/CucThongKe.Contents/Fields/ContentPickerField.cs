using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Contents.Fields;

/// <summary>Links to other content items.</summary>
public sealed class ContentPickerField : ContentField
{
    public List<string> ContentItemIds { get; set; } = [];

    public override void Prepare(ContentElementContext context) =>
        ContentItemIds = [.. ContentItemIds.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal)];

    /// <remarks>That each item exists and is of an allowed type is checked with the database by <see cref="Services.FieldReferenceChecks"/>.</remarks>
    public override ValueTask ValidateAsync(ContentElementContext context)
    {
        var settings = context.Settings<ContentPickerFieldSettings>();
        if (ContentItemIds.Count == 0)
        {
            FieldChecks.Missing(context, nameof(ContentItemIds), settings.Required);
        }
        else if (!settings.Multiple && ContentItemIds.Count > 1)
        {
            context.AddError(nameof(ContentItemIds), $"{context.DisplayName} chỉ chọn một mục.");
        }

        return ValueTask.CompletedTask;
    }
}

public sealed class ContentPickerFieldSettings : ContentFieldSettings
{
    public bool Multiple { get; init; } = true;

    public List<string> DisplayedContentTypes { get; init; } = [];
}

/// <summary>The editor of a content picker: a list of the latest 200 items of the allowed types, newest change first.</summary>
public sealed class ContentPickerFieldEditorDriver(CmsDbContext db) : ContentFieldEditorDriver<ContentPickerField>
{
    public override async Task<EditorShape?> EditAsync(EditorContext context, CancellationToken cancellationToken)
    {
        var allowed = context.Settings<ContentPickerFieldSettings>().DisplayedContentTypes;
        var candidates = await db.Set<ContentItem>().AsNoTracking()
            .Where(c => c.Latest && (allowed.Count == 0 || allowed.Contains(c.ContentType)))
            .OrderByDescending(c => c.ModifiedUtc).Take(200)
            .Select(c => new EditorOption(c.ContentItemId, c.DisplayText ?? c.ContentItemId))
            .ToListAsync(cancellationToken);
        var input = FieldInput(context, nameof(ContentPickerField.ContentItemIds), "");

        // Always a multiple list, whatever the setting: the validator refuses a second item where only one is allowed.
        return new EditorShape("ContentEditors/Choice", new EditorChoice(input, Multiple: true, candidates, context.Strings(nameof(ContentPickerField.ContentItemIds))));
    }

    protected override void Update(EditorUpdateContext context) =>
        context.Set(nameof(ContentPickerField.ContentItemIds), context.ReadChoices(nameof(ContentPickerField.ContentItemIds)));
}
