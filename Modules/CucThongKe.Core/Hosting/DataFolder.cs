using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace CucThongKe.Core.Hosting;

/// <summary>The site's data folder (<c>Cms:DataPath</c>) as an absolute path, for services that keep files there.</summary>
public sealed class DataFolder(IOptions<CmsOptions> options, IWebHostEnvironment environment)
{
    public string FullPath { get; } = options.Value.ResolveDataPath(environment.ContentRootPath);
}
