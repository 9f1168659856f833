using System.ComponentModel.DataAnnotations;
using CucThongKe.Core.Data;
using CucThongKe.Users.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Users.Pages.Admin.Units;

/// <summary>The organisation tree: units, their heads and official contacts, their dates and successors.</summary>
[Authorize(Policy = "ManageUnits")]
public sealed class IndexModel(CmsDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Unit> Units { get; private set; } = [];

    [BindProperty]
    public UnitInput Input { get; set; } = new();

    public bool IsNew { get; private set; } = true;

    /// <summary>The renames and merges of the unit being edited, newest first.</summary>
    public IReadOnlyList<UnitChange> History { get; private set; } = [];

    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(string? id)
    {
        await LoadAsync();
        if (id is not null)
        {
            var unit = Units.FirstOrDefault(u => u.Id == id);
            if (unit is null)
            {
                return NotFound();
            }

            IsNew = false;
            Input = UnitInput.From(unit);
            History = await HistoryAsync(unit.Id);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id, bool isNew)
    {
        await LoadAsync();
        IsNew = isNew;
        var unit = await db.Set<Unit>().FirstOrDefaultAsync(u => u.Id == Input.Id);
        if (!isNew && (unit is null || (id is not null && id != Input.Id)))
        {
            return NotFound();
        }

        if (isNew && unit is not null)
        {
            Errors.Add($"Mã đơn vị '{Input.Id}' đã có.");
        }

        if (!Input.Id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            Errors.Add("Mã đơn vị chỉ gồm chữ thường không dấu, chữ số và '-'.");
        }

        if (Input.ParentId is not null && (Units.All(u => u.Id != Input.ParentId) || IsDescendant(Input.ParentId, Input.Id)))
        {
            Errors.Add("Đơn vị cấp trên không hợp lệ (không có, hoặc tạo thành vòng).");
        }

        if (Input.SucceededById is not null && Units.All(u => u.Id != Input.SucceededById))
        {
            Errors.Add("Đơn vị sáp nhập vào không tồn tại.");
        }

        if (Input.EffectiveFrom is not null && Input.EffectiveTo < Input.EffectiveFrom)
        {
            Errors.Add("Ngày hết hiệu lực phải sau ngày bắt đầu.");
        }

        if (Input.SucceededById == Input.Id)
        {
            Errors.Add("Một đơn vị không sáp nhập vào chính nó.");
        }

        Errors.AddRange(ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        if (Errors.Count > 0)
        {
            History = unit is null ? [] : await HistoryAsync(unit.Id);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (unit is null)
        {
            db.Add(unit = new Unit { Id = Input.Id, Name = "", Order = Units.Count });
        }
        else
        {
            RecordChanges(unit);
        }

        Input.ApplyTo(unit);
        await db.SaveChangesAsync();
        TempData["Message"] = $"Đã lưu đơn vị {unit.Name}.";
        return Redirect($"/admin/units/{unit.Id}");
    }

    /// <summary>A new name or a new merge becomes history, dated by the change date the administrator gave (today by default).</summary>
    private void RecordChanges(Unit unit)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var newName = Input.Name.Trim();
        var mergedInto = string.IsNullOrEmpty(Input.SucceededById) ? null : Input.SucceededById;
        if (newName != unit.Name)
        {
            db.Add(Change(unit, UnitChangeKind.Renamed, Input.ChangeDate ?? today, c => c.NewName = newName));
        }

        if (mergedInto is not null && mergedInto != unit.SucceededById)
        {
            db.Add(Change(unit, UnitChangeKind.Merged, Input.EffectiveTo ?? Input.ChangeDate ?? today, c => c.MergedIntoId = mergedInto));
        }
    }

    private UnitChange Change(Unit unit, UnitChangeKind kind, DateOnly effective, Action<UnitChange> details)
    {
        var change = new UnitChange
        {
            UnitId = unit.Id, Kind = kind, OldName = unit.Name, EffectiveDate = effective,
            RecordedUtc = clock.GetUtcNow().UtcDateTime, RecordedBy = User.Identity?.Name,
        };
        details(change);
        return change;
    }

    private async Task<IReadOnlyList<UnitChange>> HistoryAsync(string unitId) =>
        await db.Set<UnitChange>().AsNoTracking().Where(c => c.UnitId == unitId || c.MergedIntoId == unitId)
            .OrderByDescending(c => c.EffectiveDate).ThenByDescending(c => c.Id).ToListAsync();

    /// <summary>A unit's name in the history view.</summary>
    public string NameOf(string? id) => Units.FirstOrDefault(u => u.Id == id)?.Name ?? id ?? "";

    private bool IsDescendant(string candidate, string ancestor)
    {
        for (var current = Units.FirstOrDefault(u => u.Id == candidate); current is not null; current = Units.FirstOrDefault(u => u.Id == current.ParentId))
        {
            if (current.Id == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    private async Task LoadAsync() => Units = await db.Set<Unit>().AsNoTracking().OrderBy(u => u.Order).ToListAsync();

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
}
