using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using CucThongKe.Contents.Published;
using CucThongKe.LegalDocuments.Confidential;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.LegalDocuments.Indexing;

/// <summary>The columns the document lookup (/van-ban) filters and sorts on, one row per legal document version.</summary>
public sealed class LegalDocumentIndex : ContentIndex
{
    /// <summary>Số/ký hiệu, as written.</summary>
    public string Number { get; set; } = "";

    /// <summary>The number folded by <see cref="SearchText"/>, for a lookup that ignores case.</summary>
    public string NumberKey { get; set; } = "";

    public string? DocumentType { get; set; }

    public string? IssuingBody { get; set; }

    public string? Field { get; set; }

    public DateOnly? IssueDate { get; set; }

    public int? Year { get; set; }

    /// <summary>Tài liệu mật (<see cref="Confidentiality"/>): never shown, whatever its flags say (Điều 9.2).</summary>
    public bool Confidential { get; set; }

    /// <summary>Number, title, issuer and summary folded by <see cref="SearchText"/>.</summary>
    public string SearchText { get; set; } = "";
}

internal sealed class LegalDocumentIndexProvider(CmsDbContext db) : ContentIndexProvider<LegalDocumentIndex>(db)
{
    public const int SearchTextLength = 2000;

    protected override IEnumerable<LegalDocumentIndex> Map(ContentItem version, ResolvedContentType type)
    {
        if (version.ContentType != LegalDocumentTypes.LegalDocument)
        {
            return [];
        }

        const string part = LegalDocumentTypes.LegalDocument;
        var number = FieldReader.Text(version, part, "Number") ?? "";
        var issuer = FieldReader.Text(version, part, "IssuingBody");
        var issued = FieldReader.Date(version, part, "IssueDate");
        var summary = version.Content["SummaryPart"]?["Summary"]?.GetValue<string>();
        return
        [
            new LegalDocumentIndex
            {
                Number = number.Length > 100 ? number[..100] : number,
                NumberKey = SearchText.Build(100, number),
                DocumentType = FieldReader.Term(version, part, "DocumentType"),
                IssuingBody = issuer is { Length: > 300 } ? issuer[..300] : issuer,
                Field = FieldReader.Term(version, part, "Field"),
                IssueDate = issued,
                Year = issued?.Year,
                Confidential = Confidentiality.IsConfidential(version, type),
                SearchText = SearchText.Build(SearchTextLength, number, version.DisplayText, issuer, summary),
            },
        ];
    }

    protected override bool SameValues(LegalDocumentIndex stored, LegalDocumentIndex wanted) =>
        stored.Number == wanted.Number && stored.NumberKey == wanted.NumberKey && stored.DocumentType == wanted.DocumentType && stored.IssuingBody == wanted.IssuingBody
        && stored.Field == wanted.Field && stored.IssueDate == wanted.IssueDate && stored.Confidential == wanted.Confidential
        && stored.SearchText == wanted.SearchText;
}

internal sealed class LegalDocumentIndexConfiguration : IEntityTypeConfiguration<LegalDocumentIndex>
{
    public void Configure(EntityTypeBuilder<LegalDocumentIndex> builder)
    {
        builder.ToTable("LegalDocumentIndex");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.ContentItemId).HasMaxLength(32);
        builder.Property(x => x.ContentType).HasMaxLength(100);
        builder.HasOne<ContentItem>().WithMany().HasForeignKey(x => x.ContentItemVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => x.ContentItemVersionId);
        builder.Property(x => x.Number).HasMaxLength(100);
        builder.Property(x => x.NumberKey).HasMaxLength(100);
        builder.Property(x => x.DocumentType).HasMaxLength(150);
        builder.Property(x => x.IssuingBody).HasMaxLength(300);
        builder.Property(x => x.Field).HasMaxLength(150);
        builder.Property(x => x.SearchText).HasMaxLength(LegalDocumentIndexProvider.SearchTextLength);
        builder.HasIndex(x => new { x.Published, x.Confidential, x.IssueDate });
    }
}
