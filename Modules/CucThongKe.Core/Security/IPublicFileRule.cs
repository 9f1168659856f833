namespace CucThongKe.Core.Security;

/// <summary>Whether an anonymous reader may have a media library file (or an image variant of it).</summary>
/// <remarks>A narrow interface: the media library serves the files, the module that knows which items are published and
/// what they show decides (the public theme: a file shown by a published, not confidential item). With no rule
/// registered, only staff get library files.</remarks>
public interface IPublicFileRule
{
    /// <param name="path">The file's path in the library, as stored (<c>tin-tuc/anh.png</c>).</param>
    Task<bool> IsPublicAsync(string path, CancellationToken cancellationToken);
}
