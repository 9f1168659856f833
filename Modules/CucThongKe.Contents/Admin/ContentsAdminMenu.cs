using CucThongKe.Core.Admin;

namespace CucThongKe.Contents.Admin;

internal sealed class ContentsAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Nội dung", "Tất cả nội dung", "/admin/contents", null, 10),
    ];
}
