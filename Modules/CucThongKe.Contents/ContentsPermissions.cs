using CucThongKe.Core.Security;

namespace CucThongKe.Contents;

/// <summary>Permissions over content; the workflow module adds the approval steps' own.</summary>
public sealed class ContentsPermissions : IPermissionProvider
{
    public static readonly Permission EditContent = new("EditContent", "Soạn và sửa nội dung của đơn vị mình", "Nội dung");
    public static readonly Permission ViewAllContent = new("ViewAllContent", "Xem nội dung của mọi đơn vị", "Nội dung");
    public static readonly Permission EditAllContent = new("EditAllContent", "Sửa nội dung của mọi đơn vị", "Nội dung");
    public static readonly Permission PublishUngovernedContent = new("PublishUngovernedContent", "Đăng nội dung không thuộc quy trình duyệt (trang giới thiệu...)", "Nội dung");
    public static readonly Permission ManageContentTypes = new("ManageContentTypes", "Quản lý loại nội dung", "Nội dung");
    public static readonly Permission ManageTaxonomies = new("ManageTaxonomies", "Quản lý danh mục phân loại", "Nội dung");

    public IEnumerable<Permission> GetPermissions() =>
        [EditContent, ViewAllContent, EditAllContent, PublishUngovernedContent, ManageContentTypes, ManageTaxonomies];
}
