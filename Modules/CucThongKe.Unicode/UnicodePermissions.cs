using CucThongKe.Core.Admin;
using CucThongKe.Core.Security;

namespace CucThongKe.Unicode;

/// <summary>Who sees the Unicode health report of all stored text (the converter is open to every back-office user).</summary>
public sealed class UnicodePermissions : IPermissionProvider
{
    public static readonly Permission ViewUnicodeReport = new("ViewUnicodeReport", "Xem báo cáo Unicode của toàn bộ dữ liệu", "Hệ thống");

    public IEnumerable<Permission> GetPermissions() => [ViewUnicodeReport];
}

/// <summary>The back office's entries for the converter and the report.</summary>
internal sealed class UnicodeAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Nội dung", "Chuyển mã tiếng Việt", "/admin/unicode/chuyen-ma", null, 30),
        new("Hệ thống", "Báo cáo Unicode", "/admin/unicode/bao-cao", UnicodePermissions.ViewUnicodeReport.Name, 85),
    ];
}
