namespace CucThongKe.Contents.Admin;

/// <summary>Which file paths the media library holds; the media module provides it, so the editor can refuse a path that is not there.</summary>
public interface IMediaCatalog
{
    Task<IReadOnlySet<string>> ExistingAsync(IReadOnlyCollection<string> paths, CancellationToken cancellationToken);
}
