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

    /// <summary>Moving an item to another unit: an explicit act with a reason, recorded in its history and the admin-audit log.</summary>
    public static readonly Permission TransferContent = new("TransferContent", "Chuyển nội dung sang đơn vị khác (ghi lý do, được ghi nhật ký)", "Nội dung");

    public IEnumerable<Permission> GetPermissions() =>
        [EditContent, ViewAllContent, EditAllContent, PublishUngovernedContent, ManageContentTypes, ManageTaxonomies, TransferContent];
}
