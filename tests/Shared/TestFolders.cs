namespace CucThongKe.Tests;

/// <summary>Temporary folders of the tests.</summary>
internal static class TestFolders
{
    /// <summary>Deletes a test's temporary folder. A site that was just disposed may still be closing a file in it (a
    /// background loop ending, the search index's last flush), which makes a recursive delete fail with "directory not
    /// empty" on a loaded machine; the clean-up is not what a test asserts, so it tries again for a moment and then
    /// leaves the rest to the system's temporary-folder cleaning.</summary>
    public static void Delete(string path)
    {
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }

                return;
            }
            catch (IOException)
            {
                Thread.Sleep(100);
            }
            catch (UnauthorizedAccessException)
            {
                Thread.Sleep(100);
            }
        }
    }
}
