using CucThongKe.Core.Admin;
using CucThongKe.Core.Security;

namespace CucThongKe.CitizenServices;

/// <summary>Permissions of the citizen services beyond Contents' unit rules (a unit handles its own feedback with those).</summary>
public sealed class CitizenServicesPermissions : IPermissionProvider
{
    private const string Group = "Hỏi đáp, góp ý";

    /// <summary>The periodic summary of feedback (Điều 14.4) and its export: the board's.</summary>
    public static readonly Permission ViewFeedbackReport = new("ViewFeedbackReport", "Xem và tải tổng hợp góp ý theo kỳ", Group);

    /// <summary>The list of feedback categories.</summary>
    public static readonly Permission ManageFeedbackCategories = new("ManageFeedbackCategories", "Quản lý danh mục chủ đề góp ý", Group);

    /// <summary>The export of everything held about an e-mail address (Điều 7.6): the operator's.</summary>
    public static readonly Permission ExportPersonalData = new("ExportPersonalData", "Xuất dữ liệu cá nhân của người gửi theo thư điện tử", Group);

    /// <summary>The satisfaction ratings' report (only aggregates; no vote is ever listed): the board's.</summary>
    public static readonly Permission ViewSatisfactionReport = new("ViewSatisfactionReport", "Xem tổng hợp đánh giá mức độ hài lòng", Group);

    public IEnumerable<Permission> GetPermissions() => [ViewFeedbackReport, ManageFeedbackCategories, ExportPersonalData, ViewSatisfactionReport];
}

/// <summary>The back office's entries for feedback.</summary>
internal sealed class CitizenServicesAdminMenu : IAdminMenuProvider
{
    private const string GroupName = "Hỏi đáp, góp ý";

    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new(GroupName, "Góp ý nhận được", "/admin/gop-y", null, 10),
        new(GroupName, "Tổng hợp góp ý", "/admin/gop-y/tong-hop", CitizenServicesPermissions.ViewFeedbackReport.Name, 20),
        new(GroupName, "Chủ đề góp ý", "/admin/gop-y/chu-de", CitizenServicesPermissions.ManageFeedbackCategories.Name, 30),
        new(GroupName, "Dữ liệu cá nhân", "/admin/du-lieu-ca-nhan", CitizenServicesPermissions.ExportPersonalData.Name, 40),
        new(GroupName, "Đánh giá hài lòng", "/admin/danh-gia-hai-long", CitizenServicesPermissions.ViewSatisfactionReport.Name, 50),
    ];
}
