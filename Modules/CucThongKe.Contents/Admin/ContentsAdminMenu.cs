using CucThongKe.Core.Admin;

namespace CucThongKe.Contents.Admin;

internal sealed class ContentsAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Nội dung", "Tất cả nội dung", "/admin/contents", null, 10),
        // Whoever may open the trash (ContentAccess.CanCreate): writers see their unit's items there, the board every unit's.
        new("Nội dung", "Thùng rác", "/admin/contents/thung-rac", ContentsPermissions.EditContent.Name, 12, ContentsPermissions.EditAllContent.Name),
    ];
}
