using System.Text.Json;
using System.Text.Json.Nodes;
using CucThongKe.Core.Settings;

namespace CucThongKe.Statistics.OpenData;

/// <summary>A dataset's schema.org <c>Dataset</c> description (JSON-LD), for search engines' dataset search.</summary>
public static class DatasetJsonLd
{
    /// <summary>The JSON text, safe inside a <c>&lt;script type="application/ld+json"&gt;</c> element: the default encoder
    /// escapes <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c>, so no text of the data can close the element.</summary>
    public static string Of(DatasetDetail detail, string baseUrl, SiteSettings site)
    {
        var dataset = detail.Dataset;
        var publisher = new JsonObject { ["@type"] = "GovernmentOrganization", ["name"] = site.OwnerName ?? site.SiteName, ["url"] = baseUrl + "/" };
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Dataset",
            ["@id"] = baseUrl + dataset.Url,
            ["url"] = baseUrl + dataset.Url,
            ["identifier"] = dataset.Key,
            ["name"] = dataset.Title,
            ["description"] = dataset.Description is { Length: >= 50 } description ? description : $"{dataset.KindName}: {dataset.Title}. {dataset.Description}".Trim(),
            ["inLanguage"] = "vi",
            ["isAccessibleForFree"] = true,
            ["license"] = baseUrl + OpenDataLicence.Url,
            ["creditText"] = site.Citation,
            ["citation"] = site.Citation,
            ["creator"] = publisher.DeepClone(),
            ["publisher"] = publisher,
            ["spatialCoverage"] = new JsonObject { ["@type"] = "Place", ["name"] = "Tỉnh Thái Nguyên, Việt Nam" },
            ["isBasedOn"] = baseUrl + dataset.SourceUrl,
            ["distribution"] = new JsonArray([.. dataset.Formats.Select(f => (JsonNode)new JsonObject
            {
                ["@type"] = "DataDownload",
                ["name"] = f.Name,
                ["encodingFormat"] = f.MediaType,
                ["contentUrl"] = baseUrl + f.Url,
            })]),
        };
        if (dataset.Theme is { Length: > 0 } theme)
        {
            json["keywords"] = new JsonArray(theme, "thống kê", "Thái Nguyên");
        }

        if (detail.Temporal is { } temporal)
        {
            json["temporalCoverage"] = temporal;
        }

        if (detail.Modified is { } modified)
        {
            json["dateModified"] = modified.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        }

        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
