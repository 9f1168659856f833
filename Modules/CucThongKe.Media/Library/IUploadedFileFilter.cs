namespace CucThongKe.Media.Library;

/// <summary>
/// A step every accepted upload goes through before it is stored: it may rewrite the file in place (another module
/// converting a spreadsheet's text, say) and returns notes shown to the user with the upload's answer.
/// </summary>
public interface IUploadedFileFilter
{
    /// <param name="path">The uploaded file, already checked by <see cref="FileInspector"/>; rewrite it in place to change it.</param>
    /// <param name="type">What the file really is.</param>
    /// <returns>Notes for the user (in Vietnamese); empty when the filter had nothing to say.</returns>
    Task<IReadOnlyList<string>> FilterAsync(string path, FileInspector.FileType type, CancellationToken cancellationToken);
}
