using CucThongKe.Core.Admin;

namespace CucThongKe.Contents.TaxonomyAdmin;

internal sealed class TaxonomiesAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Nội dung", "Danh mục phân loại", "/admin/danh-muc", "ManageTaxonomies", 15),
    ];
}
