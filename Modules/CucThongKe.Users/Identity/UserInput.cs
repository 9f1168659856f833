using System.ComponentModel.DataAnnotations;

namespace CucThongKe.Users.Identity;

/// <summary>An account as the back office's form edits it; an empty <see cref="Password"/> keeps the current one.</summary>
public sealed class UserInput
{
    [Required(ErrorMessage = "Hãy nhập tên đăng nhập.")]
    [StringLength(100, ErrorMessage = "Tên đăng nhập dài tối đa 100 ký tự.")]
    public string UserName { get; set; } = "";

    [StringLength(200)]
    public string? DisplayName { get; set; }

    [StringLength(200)]
    public string? Position { get; set; }

    [EmailAddress(ErrorMessage = "Email không hợp lệ.")]
    [StringLength(256)]
    public string? Email { get; set; }

    public string? UnitId { get; set; }

    public List<string> Roles { get; set; } = [];

    [StringLength(256)]
    public string? Password { get; set; }
}
