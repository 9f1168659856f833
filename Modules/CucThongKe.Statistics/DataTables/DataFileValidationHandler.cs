using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Media;

namespace CucThongKe.Statistics.DataTables;

/// <summary>Refuses to save an item whose data files (its type's <see cref="DataTablesTypeSettings"/>) are not readable XLSX or CSV tables, saying why.</summary>
internal sealed class DataFileValidationHandler(MediaFiles files) : IContentHandler
{
    public async Task SavingAsync(ContentContext context, ICollection<ContentValidationError> errors, CancellationToken cancellationToken)
    {
        if (DataFiles.Of(context.Type, context.Item) is not var (field, attachments))
        {
            return;
        }

        for (var i = 0; i < attachments.Count; i++)
        {
            var path = $"{field}.Items[{i}]";
            var file = attachments[i];
            if (!StatTableReader.IsDataFile(file.Path))
            {
                errors.Add(new ContentValidationError(path, $"Bảng số liệu '{Path.GetFileName(file.Path)}' phải là tệp XLSX hoặc CSV."));
                continue;
            }

            if (await files.ResolveAsync(file.Path, cancellationToken) is not { } full)
            {
                errors.Add(new ContentValidationError(path, $"Không tìm thấy tệp '{file.Path}' trong thư viện tệp."));
                continue;
            }

            try
            {
                StatTableReader.Read(full, file.Title ?? Path.GetFileName(full));
            }
            catch (StatTableException e)
            {
                errors.Add(new ContentValidationError(path, e.Message));
            }
        }
    }
}
