using System.Security.Claims;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Admin;
using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using CucThongKe.Core.Settings;

namespace CucThongKe.CitizenServices.Screening;

/// <summary>A list the editor cannot save (too long, a domain that is not one), in Vietnamese (400).</summary>
public sealed class ScreeningListException(string message) : Exception(message);

/// <summary>Screening (sàng lọc, Điều 4.1, 7): the list of prohibited words, phrases and link domains, and the checks against it.</summary>
public sealed class ContentScreening(SettingsStore settings, CmsDbContext db, UnitOfWork unitOfWork)
{
    public Task<ScreeningList> ListAsync(CancellationToken cancellationToken) => settings.GetAsync<ScreeningList>(ScreeningList.DocumentName, cancellationToken);

    /// <summary>The first entry any of <paramref name="texts"/> hits, or null.</summary>
    public async Task<ScreeningHit?> CheckAsync(CancellationToken cancellationToken, params string?[] texts)
    {
        var list = await ListAsync(cancellationToken);
        return texts.Select(t => ScreeningRules.Find(t, list)).FirstOrDefault(h => h is not null);
    }

    /// <summary>Replaces the list with the lines of <paramref name="terms"/> and <paramref name="domains"/> (one entry a line).</summary>
    /// <exception cref="ScreeningListException">Too many or too long entries, or a domain that is not one.</exception>
    public Task SaveAsync(string? terms, string? domains, CancellationToken cancellationToken)
    {
        var termList = Lines(terms);
        var domainList = new List<string>();
        foreach (var line in Lines(domains))
        {
            domainList.Add(ScreeningRules.NormalizeDomain(line) ?? throw new ScreeningListException($"“{line}” không phải là tên miền (ví dụ: trang-xau.example)."));
        }

        if (termList.Count > ScreeningList.MaxEntries || domainList.Count > ScreeningList.MaxEntries)
        {
            throw new ScreeningListException($"Danh sách có tối đa {ScreeningList.MaxEntries} từ, cụm từ và {ScreeningList.MaxEntries} tên miền.");
        }

        if (termList.FirstOrDefault(t => t.Length > ScreeningList.MaxEntryLength) is { } tooLong)
        {
            throw new ScreeningListException($"Mỗi từ, cụm từ dài không quá {ScreeningList.MaxEntryLength} ký tự: “{tooLong[..20]}…”.");
        }

        return unitOfWork.RunAsync(async ct =>
        {
            await settings.MergeAsync(ScreeningList.DocumentName, new JsonObject
            {
                [nameof(ScreeningList.Terms)] = new JsonArray([.. termList.Distinct(StringComparer.Ordinal).Select(t => (JsonNode)t)]),
                [nameof(ScreeningList.Domains)] = new JsonArray([.. domainList.Distinct(StringComparer.Ordinal).Select(d => (JsonNode)d)]),
            }, ct);
            await db.SaveChangesAsync(ct);
        }, cancellationToken);
    }

    private static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];
}

/// <summary>Who keeps the list (the board's head and the administrator).</summary>
public sealed class ScreeningPermissions : IPermissionProvider
{
    public static readonly Permission ManageScreening = new("ManageScreening", "Quản lý danh sách từ ngữ, tên miền bị cấm", "Ý kiến bạn đọc");

    /// <summary>Moderators accept or reject readers' comments and clear a screened submission's hit.</summary>
    public static readonly Permission ModerateComments = new("ModerateComments", "Kiểm duyệt ý kiến bạn đọc", "Ý kiến bạn đọc");

    public IEnumerable<Permission> GetPermissions() => [ManageScreening, ModerateComments];
}

internal sealed class ScreeningAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Nội dung", "Sàng lọc từ ngữ, liên kết", "/admin/sang-loc", ScreeningPermissions.ManageScreening.Name, 46),
    ];
}

/// <summary>Refuses to save an item with a link to a listed domain, naming it (Contents' save validation): such a link is never
/// published by any path.</summary>
internal sealed class OutboundLinkHandler(ContentScreening screening) : IContentHandler
{
    public async Task SavingAsync(ContentContext context, ICollection<ContentValidationError> errors, CancellationToken cancellationToken)
    {
        var list = await screening.ListAsync(cancellationToken);
        if (list.Domains.Count == 0)
        {
            return;
        }

        foreach (var (path, text) in Strings(context.Item.Content, ""))
        {
            foreach (var host in ScreeningRules.LinkHosts(text))
            {
                if (ScreeningRules.ListedDomain(host, list) is { } domain)
                {
                    errors.Add(new ContentValidationError(path, $"Liên kết tới “{host}” thuộc tên miền bị cấm ({domain}); xin bỏ liên kết này."));
                }
            }
        }
    }

    private static IEnumerable<(string Path, string Text)> Strings(JsonNode? node, string path) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Strings(p.Value, path.Length == 0 ? p.Key : path + "." + p.Key)),
        JsonArray array => array.SelectMany((n, i) => Strings(n, $"{path}[{i}]")),
        JsonValue value when value.TryGetValue<string>(out var text) => [(path, text)],
        _ => [],
    };
}

/// <summary>On the edit page of a citizen's question or feedback that hits the list: the hit, so that whoever handles it sees it;
/// for a held citizen's item, whether it is cleared and, for a moderator, the form that clears it.</summary>
internal sealed class ScreeningEditorPanel(ContentScreening screening, ScreeningHolds holds) : IEditorPanelProvider
{
    public async Task<EditorPanel?> BuildAsync(ContentItem item, ResolvedContentType type, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await screening.CheckAsync(cancellationToken, [.. Texts(item.Content)]) is not { } hit)
        {
            return null;
        }

        var hold = await holds.HoldAsync(item, type, cancellationToken);
        return new EditorPanel("EditorPanels/Screening",
            new ScreeningPanel(hit, item.ContentItemId, hold, hold is not null && user.HasPermission(ScreeningPermissions.ModerateComments.Name)), Position: 5);
    }

    private static IEnumerable<string?> Texts(JsonObject content) =>
        content.Where(p => p.Key is not ("TitlePart" or "AutoroutePart")).SelectMany(p => p.Value is JsonObject part
            ? part.Select(f => f.Value is JsonObject field && field["Text"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null)
            : []);
}

/// <summary>What the screening panel shows: the first hit, and the hold of a citizen's item (null for other items).</summary>
public sealed record ScreeningPanel(ScreeningHit Hit, string ContentItemId, ScreeningHold? Hold, bool CanClear)
{
    public static string ClearUrl(string contentItemId) => $"/admin/sang-loc/xem-xet/{contentItemId}";
}
