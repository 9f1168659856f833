using CucThongKe.Contents;
using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Indexing;
using CucThongKe.Core.Admin;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Modules;
using CucThongKe.Core.Recipes;
using CucThongKe.Core.Security;
using CucThongKe.Media.Files;
using CucThongKe.Media.Library;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CucThongKe.Media;

/// <summary>The media library: checked uploads of images and documents, folders, search, resized image variants.</summary>
public sealed class MediaModule : CmsModule
{
    public override IReadOnlyList<Type> Dependencies => [typeof(ContentsModule)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MediaOptions>().Bind(configuration.GetSection(MediaOptions.SectionName))
            .Validate(o => o.Widths.Count <= 12 && o.Widths.All(w => w is >= 16 and <= 4096) && MediaOptions.RequiredImageWidths.All(o.Widths.Contains),
                $"Cms:Media:ImageWidths: at most 12 widths between 16 and 4096, including {string.Join(", ", MediaOptions.RequiredImageWidths)} (the back office's thumbnails and the editor's images).")
            .Validate(o => Enum.IsDefined(o.Store) && o.StoreCacheMegabytes >= 16, "Cms:Media:Store: Folder or Database; Cms:Media:StoreCacheMegabytes: at least 16.")
            .ValidateOnStart();
        services.AddSingleton<MediaRoot>();
        // Where files are kept (Cms:Media:Store); both stores are registered for `media move`.
        services.AddSingleton<MediaStoreCache>();
        services.AddScoped<FolderMediaStore>();
        services.AddScoped<DatabaseMediaStore>();
        services.AddScoped<IMediaStore>(s => s.GetRequiredService<IOptions<MediaOptions>>().Value.Store == MediaStoreKind.Database
            ? s.GetRequiredService<DatabaseMediaStore>()
            : s.GetRequiredService<FolderMediaStore>());
        services.AddCommand<MediaStoreCommand>();
        services.AddScoped<MediaLibrary>();
        services.AddRecipeStep<MediaRecipeStep>();
        services.AddScoped<IMediaCatalog, MediaCatalog>();
        services.AddSingleton<ImageVariants>();
        services.AddPermissions<MediaPermissions>();
        services.AddAdminMenu<MediaAdminMenu>();

        // Readers get a library file (/tep/, /anh/) only while a published item they may see shows it.
        services.AddContentIndexProvider<MediaReferenceIndexProvider>();
        services.AddScoped<MediaFiles>();
        services.AddScoped<IPublicFileRule, PublishedFileRule>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/anh/{width:int}/{**path}", (int width, string? path, HttpContext http, ImageVariants variants, IMediaStore store, IAuthorizationService authorization, [FromServices] IPublicFileRule? rule) =>
            variants.ServeAsync(width, path, http, store, rule, authorization));
        endpoints.MapGet("/tep/{**path}", async (string? path, MediaFiles files, IPublicFileRule rule, CancellationToken cancellationToken) =>
            path is not null && await rule.IsPublicAsync(path, cancellationToken) ? await files.ServeAsync(path, cancellationToken) : Results.NotFound());
    }
}

/// <summary>Who may upload to the library.</summary>
public sealed class MediaPermissions : IPermissionProvider
{
    public static readonly Permission UploadMedia = new("UploadMedia", "Tải tệp, ảnh lên thư viện", "Thư viện tệp");

    public IEnumerable<Permission> GetPermissions() => [UploadMedia];
}

internal sealed class MediaAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() => [new("Nội dung", "Thư viện tệp", "/admin/media", MediaPermissions.UploadMedia.Name, 20)];
}
