using CucThongKe.Core.Admin;
using CucThongKe.Core.Security;

namespace CucThongKe.Statistics;

/// <summary>Who loads indicator values and who keeps the release calendar (the board and the administrator).</summary>
public sealed class StatisticsPermissions : IPermissionProvider
{
    public static readonly Permission ImportIndicatorValues = new("ImportIndicatorValues", "Nhập số liệu chỉ số thống kê", "Số liệu thống kê");

    public static readonly Permission ManageReleaseCalendar = new("ManageReleaseCalendar", "Quản lý lịch phổ biến thông tin thống kê", "Số liệu thống kê");

    public IEnumerable<Permission> GetPermissions() => [ImportIndicatorValues, ManageReleaseCalendar];
}

/// <summary>The back office's entries for indicators and the calendar.</summary>
internal sealed class StatisticsAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Nội dung", "Chỉ số thống kê", "/admin/chi-so", StatisticsPermissions.ImportIndicatorValues.Name, 40),
        new("Nội dung", "Lịch công bố", "/admin/lich-cong-bo", StatisticsPermissions.ManageReleaseCalendar.Name, 41),
    ];
}
