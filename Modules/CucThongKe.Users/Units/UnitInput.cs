using System.ComponentModel.DataAnnotations;

namespace CucThongKe.Users.Units;

/// <summary>A unit as the back office's form edits it.</summary>
public sealed class UnitInput
{
    [Required(ErrorMessage = "Hãy nhập mã đơn vị.")]
    [StringLength(100)]
    public string Id { get; set; } = "";

    [Required(ErrorMessage = "Hãy nhập tên đơn vị.")]
    [StringLength(300)]
    public string Name { get; set; } = "";

    [StringLength(100)]
    public string? ShortName { get; set; }

    public UnitKind Kind { get; set; } = UnitKind.Department;

    public string? ParentId { get; set; }

    [StringLength(200)]
    public string? HeadName { get; set; }

    [StringLength(200)]
    public string? HeadPosition { get; set; }

    [EmailAddress(ErrorMessage = "Email thủ trưởng không hợp lệ.")]
    [StringLength(256)]
    public string? HeadEmail { get; set; }

    [StringLength(50)]
    public string? HeadPhone { get; set; }

    [EmailAddress(ErrorMessage = "Email đơn vị không hợp lệ.")]
    [StringLength(256)]
    public string? Email { get; set; }

    [StringLength(50)]
    public string? Phone { get; set; }

    [StringLength(500)]
    public string? Address { get; set; }

    public DateOnly? EffectiveFrom { get; set; }

    public DateOnly? EffectiveTo { get; set; }

    public string? SucceededById { get; set; }

    /// <summary>From when a rename (or a merge without an end date) takes effect; not stored on the unit, only in its history.</summary>
    public DateOnly? ChangeDate { get; set; }

    public static UnitInput From(Unit unit) => new()
    {
        Id = unit.Id, Name = unit.Name, ShortName = unit.ShortName, Kind = unit.Kind, ParentId = unit.ParentId,
        HeadName = unit.HeadName, HeadPosition = unit.HeadPosition, HeadEmail = unit.HeadEmail, HeadPhone = unit.HeadPhone,
        Email = unit.Email, Phone = unit.Phone, Address = unit.Address,
        EffectiveFrom = unit.EffectiveFrom, EffectiveTo = unit.EffectiveTo, SucceededById = unit.SucceededById,
    };

    public void ApplyTo(Unit unit)
    {
        unit.Name = Name.Trim();
        unit.ShortName = ShortName?.Trim();
        unit.Kind = Kind;
        unit.ParentId = string.IsNullOrEmpty(ParentId) ? null : ParentId;
        unit.HeadName = HeadName?.Trim();
        unit.HeadPosition = HeadPosition?.Trim();
        unit.HeadEmail = HeadEmail?.Trim();
        unit.HeadPhone = HeadPhone?.Trim();
        unit.Email = Email?.Trim();
        unit.Phone = Phone?.Trim();
        unit.Address = Address?.Trim();
        unit.EffectiveFrom = EffectiveFrom;
        unit.EffectiveTo = EffectiveTo;
        unit.SucceededById = string.IsNullOrEmpty(SucceededById) ? null : SucceededById;
    }
}
