using Microsoft.AspNetCore.Identity;

namespace CucThongKe.Users.Identity;

/// <summary>A person who signs in to the back office; belongs to one unit (đơn vị).</summary>
public sealed class CmsUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>The unit the user belongs to; external collaborators belong to the unit they write for.</summary>
    public string? UnitId { get; set; }

    /// <summary>The user's position (chức vụ), e.g. "Trưởng phòng".</summary>
    public string? Position { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>When an administrator deactivated the account (ngừng hoạt động); null while it may sign in. A deactivated
    /// account keeps its history and its content's authorship, and can be reactivated.</summary>
    public DateTime? DeactivatedUtc { get; set; }
}

/// <summary>A role of the regulation (Administrator, BoardHead, Contributor...); its permissions are role claims.</summary>
public sealed class CmsRole : IdentityRole
{
    public string? DisplayName { get; set; }

    public string? Description { get; set; }
}
