using CucThongKe.Core.Admin;
using CucThongKe.Core.Auditing;
using CucThongKe.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Core.Pages.Admin.Audit;

/// <summary>One entry as the log page shows it: the subject and the values named as people read them where they are
/// codes of roles, permissions or units; a stored JSON document shown as recorded (<see cref="Document"/>).</summary>
public sealed record AuditRow(AdminAuditEntry Entry, string Subject, string? SubjectCode, string? Before, string? After, bool Document);

/// <summary>The admin-audit log, newest first: read-only (the page has no form; the log refuses changes anyway).</summary>
[Authorize(Policy = "ViewAdminAudit")]
public sealed class IndexModel(AdminAuditLog log, DisplayNames names, PermissionCatalog permissions) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public bool HasMore { get; private set; }

    public async Task OnGetAsync(int trang = 1, CancellationToken cancellationToken = default)
    {
        PageNumber = Math.Clamp(trang, 1, 100_000);
        var (entries, hasMore) = await log.PageAsync(PageNumber, PageSize, cancellationToken);
        HasMore = hasMore;
        var roles = await names.AllAsync(DisplayNameKinds.Role, cancellationToken);
        var units = await names.AllAsync(DisplayNameKinds.Unit, cancellationToken);
        Rows = [.. entries.Select(e => Name(e, roles, units))];
    }

    /// <summary>The entry's codes by name; the stored entry itself is never changed (the log is append-only).</summary>
    private AuditRow Name(AdminAuditEntry entry, IReadOnlyDictionary<string, string> roles, IReadOnlyDictionary<string, string> units)
    {
        string? Each(string? value, string separator, Func<string, string> name) =>
            value is null ? null : string.Join(separator == "," ? ", " : separator, value.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(name));
        string Role(string code) => roles.GetValueOrDefault(code, code);
        string Unit(string code) => units.GetValueOrDefault(code, code);
        string Permission(string code) => permissions.Find(code)?.DisplayName ?? code;

        return entry.Action switch
        {
            AdminAuditActions.RolePermissions => new AuditRow(entry, Role(entry.Subject), null, Each(entry.Before, "\n", Permission), Each(entry.After, "\n", Permission), false),
            AdminAuditActions.UserRoles => new AuditRow(entry, entry.Subject, null, Each(entry.Before, ",", Role), Each(entry.After, ",", Role), false),
            AdminAuditActions.UnitMerge => new AuditRow(entry, Unit(entry.Subject), null, Each(entry.Before, "\n", Unit), Each(entry.After, "\n", Unit), false),
            AdminAuditActions.ContentUnitTransfer => new AuditRow(entry, "Nội dung", entry.Subject, Each(entry.Before, "\n", Unit), Each(entry.After, "\n", Unit), false),
            // Definitions, settings and windows are recorded as the JSON documents they were: shown as recorded, as code.
            _ => new AuditRow(entry, "", entry.Subject, entry.Before, entry.After, IsDocument(entry.Before) || IsDocument(entry.After)),
        };
    }

    private static bool IsDocument(string? value) => value?.TrimStart() is ['{' or '[', ..];
}
