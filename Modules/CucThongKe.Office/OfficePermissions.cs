using CucThongKe.Core.Admin;
using CucThongKe.Core.Security;

namespace CucThongKe.Office;

/// <summary>Permissions of the office's running: reporting obligations (Điều 9.1, 17.1) and the incident log (Điều 11.6).</summary>
public sealed class OfficePermissions : IPermissionProvider
{
    private const string Group = "Điều hành";

    /// <summary>Every unit's obligations and entries; without it a user sees only their own unit's.</summary>
    public static readonly Permission ViewAllObligations = new("ViewAllObligations", "Xem nghĩa vụ báo cáo của mọi đơn vị", Group);

    /// <summary>Defining what each unit must report, how often and by when.</summary>
    public static readonly Permission ManageObligations = new("ManageObligations", "Quản lý danh mục nghĩa vụ báo cáo của các đơn vị", Group);

    /// <summary>The technical staff's: the incident log, its updates and the detailed health page.</summary>
    public static readonly Permission ManageIncidents = new("ManageIncidents", "Ghi, xử lý sự cố kỹ thuật và xem tình trạng hệ thống", Group);

    /// <summary>Every person's royalty entries and reports (nhuận bút, Điều 6.2c); without it a user reads only their own.</summary>
    public static readonly Permission ViewAllRoyalties = new("ViewAllRoyalties", "Xem sổ nhuận bút của mọi người", Group);

    /// <summary>The accountant's: review and adjust entries (with a reason), close a month.</summary>
    public static readonly Permission ManageRoyalties = new("ManageRoyalties", "Duyệt, điều chỉnh và khóa sổ nhuận bút", Group);

    /// <summary>The rate table: kinds of work and what they earn, with validity dates.</summary>
    public static readonly Permission ManageRoyaltyRates = new("ManageRoyaltyRates", "Sửa bảng mức nhuận bút", Group);

    /// <summary>Every unit's contribution and timeliness figures (Điều 16, 17); without it a user sees their own unit's.</summary>
    public static readonly Permission ViewAllContributions = new("ViewAllContributions", "Xem thống kê đóng góp, đúng hạn của mọi đơn vị", Group);

    public IEnumerable<Permission> GetPermissions() => [ViewAllObligations, ManageObligations, ManageIncidents, ViewAllRoyalties, ManageRoyalties, ManageRoyaltyRates, ViewAllContributions];
}

/// <summary>The back office's entries for obligations, incidents and the health page.</summary>
internal sealed class OfficeAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new(GroupName, "Nghĩa vụ báo cáo", "/admin/nghia-vu-bao-cao", null, 10),
        new(GroupName, "Danh mục nghĩa vụ", "/admin/nghia-vu-bao-cao/danh-muc", OfficePermissions.ManageObligations.Name, 20),
        new(GroupName, "Sự cố kỹ thuật", "/admin/su-co", OfficePermissions.ManageIncidents.Name, 30),
        new(GroupName, "Tình trạng hệ thống", "/admin/tinh-trang-he-thong", OfficePermissions.ManageIncidents.Name, 40),
        new(GroupName, "Sổ nhuận bút", "/admin/nhuan-but", null, 50),
        new(GroupName, "Báo cáo nhuận bút", "/admin/nhuan-but/bao-cao", null, 55),
        new(GroupName, "Bảng mức nhuận bút", "/admin/nhuan-but/muc", OfficePermissions.ManageRoyaltyRates.Name, 60),
        new(GroupName, "Thống kê đóng góp", "/admin/thong-ke-dong-gop", null, 70),
    ];

    private const string GroupName = "Điều hành";
}
