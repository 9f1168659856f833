using System.ComponentModel.DataAnnotations;

namespace CucThongKe.Theme.Public.Forms;

/// <summary>The sender's part of a citizen's form: who writes, to which unit, consent, and the anti-spam fields.</summary>
public abstract class CitizenFormInput
{
    [Required(ErrorMessage = "Xin vui lòng nhập họ và tên.")]
    [StringLength(100, ErrorMessage = "Họ và tên không quá 100 ký tự.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Xin vui lòng nhập địa chỉ thư điện tử để nhận trả lời.")]
    [EmailAddress(ErrorMessage = "Địa chỉ thư điện tử không hợp lệ.")]
    [StringLength(200, ErrorMessage = "Địa chỉ thư điện tử không quá 200 ký tự.")]
    public string? Email { get; set; }

    [RegularExpression(@"^\+?[0-9 .\-]{8,20}$", ErrorMessage = "Số điện thoại chỉ gồm chữ số (8 đến 20 ký tự).")]
    public string? Phone { get; set; }

    [StringLength(100)]
    public string? UnitId { get; set; }

    public bool Consent { get; set; }

    /// <summary>The honeypot: must stay empty.</summary>
    [StringLength(200)]
    public string? Website { get; set; }

    [StringLength(1000)]
    public string? Token { get; set; }
}
