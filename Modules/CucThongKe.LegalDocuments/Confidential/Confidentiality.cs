using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Fields;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;

namespace CucThongKe.LegalDocuments.Confidential;

/// <summary>
/// The LegalDocuments section of a content type's settings: the boolean field that marks an item confidential
/// (tài liệu mật, Điều 9.2), e.g. <c>"Confidentiality": { "Field": "LegalDocument.Confidential" }</c>. An item with it set is
/// never published, by any path, and never shown to readers nor indexed for search.
/// </summary>
public sealed class ConfidentialityTypeSettings
{
    /// <summary>The section's name in a type's settings.</summary>
    public const string SectionName = "Confidentiality";

    /// <summary>The boolean field, as <c>Part.Field</c>.</summary>
    [ContentFieldReference(nameof(BooleanField))]
    public required string Field { get; init; }
}

/// <summary>The one rule of confidentiality: an item is confidential when its type names a confidential field and the field is set.</summary>
public static class Confidentiality
{
    /// <summary>Whether <paramref name="item"/>, of <paramref name="type"/>, is marked confidential.</summary>
    public static bool IsConfidential(ContentItem item, ResolvedContentType type) =>
        type.Section<ConfidentialityTypeSettings>() is { } settings && type.FieldValue<BooleanField>(item, settings.Field)?.Value == true;
}

/// <summary>A confidential item (tài liệu mật, Điều 9.2) is never published, by any path: workflow, import, schedule or direct.</summary>
/// <remarks>Also answers the approval chain's "could this ever be published?" (<see cref="IContentPublisher.NeverPublishableReasonAsync"/>), so a confidential item never enters review.</remarks>
internal sealed class ConfidentialDocumentGuard : IPublishGuard
{
    public Task<string?> CheckAsync(ContentItem version, ResolvedContentType type, PublishRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(Confidentiality.IsConfidential(version, type) ? "Tài liệu mật (Điều 9.2) không bao giờ được đăng." : null);
}
