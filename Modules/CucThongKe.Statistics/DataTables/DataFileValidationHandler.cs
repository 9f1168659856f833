using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Contents.Published;
using CucThongKe.Media;

namespace CucThongKe.Statistics.DataTables;

/// <summary>Refuses to save a socio-economic report whose data files are not readable XLSX or CSV tables, saying why.</summary>
internal sealed class DataFileValidationHandler(MediaFiles files) : IContentHandler
{
    public Task SavingAsync(ContentContext context, ICollection<ContentValidationError> errors, CancellationToken cancellationToken)
    {
        if (context.Item.ContentType != StatisticsTypes.SocioEconomicReport)
        {
            return Task.CompletedTask;
        }

        var attachments = FieldReader.Attachments(context.Item, StatisticsTypes.SocioEconomicReport, "DataFiles");
        for (var i = 0; i < attachments.Count; i++)
        {
            var path = $"{StatisticsTypes.SocioEconomicReport}.DataFiles.Items[{i}]";
            var file = attachments[i];
            if (!StatTableReader.IsDataFile(file.Path))
            {
                errors.Add(new ContentValidationError(path, $"Bảng số liệu '{Path.GetFileName(file.Path)}' phải là tệp XLSX hoặc CSV."));
                continue;
            }

            if (files.Resolve(file.Path) is not { } full)
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

        return Task.CompletedTask;
    }
}
