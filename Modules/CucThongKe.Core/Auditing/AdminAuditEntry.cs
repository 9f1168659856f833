using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.Core.Auditing;

/// <summary>One recorded change of who may do what (nhật ký quản trị): roles' permissions, a user's roles, a workflow definition, an item's unit.</summary>
/// <remarks>Append-only: <see cref="AppendOnlyGuard"/> refuses any save that changes or deletes an entry.</remarks>
public sealed class AdminAuditEntry : IAppendOnlyRecord
{
    string IAppendOnlyRecord.RecordName => "Nhật ký quản trị";

    public long Id { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>Who made the change; null for the system (a recipe run at setup).</summary>
    public string? UserName { get; set; }

    /// <summary>What kind of change: one of <see cref="AdminAuditActions"/>.</summary>
    public string Action { get; set; } = "";

    /// <summary>What was changed: a role, a user name, a workflow's name, a content item's id.</summary>
    public string Subject { get; set; } = "";

    /// <summary>The change in one Vietnamese sentence, as the board reads it in its notification.</summary>
    public string Summary { get; set; } = "";

    /// <summary>The state before the change (text or JSON); null when the thing did not exist.</summary>
    public string? Before { get; set; }

    /// <summary>The state after the change (text or JSON).</summary>
    public string? After { get; set; }

    /// <summary>Why, where the action asks for a reason (a transfer of an item to another unit).</summary>
    public string? Reason { get; set; }
}

/// <summary>The kinds of change the admin-audit log records.</summary>
public static class AdminAuditActions
{
    public const string RolePermissions = "role-permissions";
    public const string UserRoles = "user-roles";
    public const string WorkflowDefinition = "workflow-definition";
    public const string ContentUnitTransfer = "content-unit-transfer";
    public const string MaintenanceWindow = "maintenance-window";
    public const string AccountActivation = "account-activation";
    public const string SiteSettings = "site-settings";
    public const string UnitMerge = "unit-merge";
    public const string TaxonomyMerge = "taxonomy-merge";

    /// <summary>The Vietnamese name of an action, for the log's page.</summary>
    public static string DisplayName(string action) => action switch
    {
        RolePermissions => "Quyền của vai trò",
        UserRoles => "Vai trò của tài khoản",
        WorkflowDefinition => "Định nghĩa quy trình duyệt",
        ContentUnitTransfer => "Chuyển nội dung sang đơn vị khác",
        MaintenanceWindow => "Lịch bảo trì (tạm ngừng trang)",
        AccountActivation => "Ngừng hoặc cho hoạt động lại tài khoản",
        SiteSettings => "Cài đặt trang",
        UnitMerge => "Sáp nhập đơn vị (chuyển tài khoản và nội dung chưa đăng)",
        TaxonomyMerge => "Gộp mục danh mục phân loại",
        "media-replace" => "Thay nội dung tệp của thư viện",
        "media-delete" => "Xoá tệp của thư viện",
        _ => action,
    };
}

internal sealed class AdminAuditEntryConfiguration : IEntityTypeConfiguration<AdminAuditEntry>
{
    public void Configure(EntityTypeBuilder<AdminAuditEntry> builder)
    {
        builder.ToTable("AdminAuditEntries");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.UserName).HasMaxLength(256);
        builder.Property(x => x.Action).HasMaxLength(50).IsRequired();
        builder.Property(x => x.Subject).HasMaxLength(256).IsRequired();
        builder.Property(x => x.Summary).HasMaxLength(1000).IsRequired();
        builder.Property(x => x.Reason).HasMaxLength(2000);
        builder.HasIndex(x => x.CreatedUtc);
    }
}
