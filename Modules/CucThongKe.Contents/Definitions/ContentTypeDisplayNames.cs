using CucThongKe.Core.Admin;

namespace CucThongKe.Contents.Definitions;

/// <summary>Content types by name ("News" is "Tin tức").</summary>
internal sealed class ContentTypeDisplayNames(ContentDefinitionManager definitions) : IDisplayNameSource
{
    public string Kind => DisplayNameKinds.ContentType;

    public async Task<IReadOnlyDictionary<string, string>> LoadAsync(CancellationToken cancellationToken) =>
        (await definitions.ListTypesAsync(cancellationToken)).ToDictionary(t => t.Name, t => t.DisplayName, StringComparer.Ordinal);
}
