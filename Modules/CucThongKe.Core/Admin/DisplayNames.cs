using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CucThongKe.Core.Admin;

/// <summary>The kinds of code the back office shows by name.</summary>
public static class DisplayNameKinds
{
    public const string Unit = "unit";
    public const string Role = "role";
    public const string ContentType = "content-type";
}

/// <summary>The names of one kind of code (units by id, roles by name, content types by name), given by the module
/// that owns them (Users, Contents); registered with <c>AddDisplayNameSource&lt;T&gt;()</c>.</summary>
public interface IDisplayNameSource
{
    string Kind { get; }

    Task<IReadOnlyDictionary<string, string>> LoadAsync(CancellationToken cancellationToken);
}

/// <summary>Codes as people read them: the back office shows "Phòng Thống kê Tổng hợp", "Cộng tác viên", "Tin tức",
/// never <c>phong-tong-hop</c>, <c>Contributor</c>, <c>News</c> (codes stay in URLs and the API).</summary>
/// <remarks>Each kind is read once a minute at most (a few dozen rows), shared by every request of the node.</remarks>
public sealed class DisplayNames(IEnumerable<IDisplayNameSource> sources, IMemoryCache cache)
{
    private static readonly TimeSpan Duration = TimeSpan.FromMinutes(1);

    /// <summary>The name of <paramref name="code"/>, the code itself when the owner knows no name for it, "" for none.</summary>
    public async Task<string> OfAsync(string kind, string? code, CancellationToken cancellationToken = default) =>
        string.IsNullOrEmpty(code) ? "" : (await AllAsync(kind, cancellationToken)).GetValueOrDefault(code, code);

    /// <summary>Every name of one kind by code (retired units included), for a page that names many rows at once.</summary>
    public async Task<IReadOnlyDictionary<string, string>> AllAsync(string kind, CancellationToken cancellationToken = default)
    {
        var names = await cache.GetOrCreateAsync("display-names:" + kind, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Duration;
            var merged = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var source in sources.Where(s => s.Kind == kind))
            {
                foreach (var (key, value) in await source.LoadAsync(cancellationToken))
                {
                    merged[key] = value;
                }
            }

            return merged;
        });
        return names!;
    }

    public Task<string> UnitAsync(string? id) => OfAsync(DisplayNameKinds.Unit, id);

    public Task<string> RoleAsync(string? name) => OfAsync(DisplayNameKinds.Role, name);

    public Task<string> ContentTypeAsync(string? name) => OfAsync(DisplayNameKinds.ContentType, name);

    /// <summary>The names of several codes of one kind, in their order (a definition's roles, its content types).</summary>
    public async Task<IReadOnlyList<string>> AllOfAsync(string kind, IEnumerable<string> codes)
    {
        var names = new List<string>();
        foreach (var code in codes)
        {
            names.Add(await OfAsync(kind, code));
        }

        return names;
    }

    public Task<IReadOnlyList<string>> RolesAsync(IEnumerable<string> names) => AllOfAsync(DisplayNameKinds.Role, names);

    public Task<IReadOnlyList<string>> ContentTypesAsync(IEnumerable<string> names) => AllOfAsync(DisplayNameKinds.ContentType, names);
}

public static class DisplayNameServiceCollectionExtensions
{
    public static IServiceCollection AddDisplayNameSource<TSource>(this IServiceCollection services) where TSource : class, IDisplayNameSource
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IDisplayNameSource, TSource>());
        return services;
    }
}
