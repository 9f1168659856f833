using System.Text.RegularExpressions;
using CucThongKe.Contents.Definitions;
using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Office.Obligations;

/// <summary>An obligation as the back-office form and the <c>ReportingObligations</c> recipe step give it.</summary>
public sealed class ObligationInput
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? UnitId { get; set; }

    public ObligationFrequency Frequency { get; set; }

    public DueRuleKind DueRule { get; set; }

    public int DueDay { get; set; }

    public int? DueMonth { get; set; }

    public int MonthsAfter { get; set; } = 1;

    public string? ContentType { get; set; }

    /// <summary>The first period due is the one containing this date; today's when empty.</summary>
    public DateOnly? StartsOn { get; set; }

    public bool Active { get; set; } = true;

    public string? Note { get; set; }

    public static ObligationInput From(ReportingObligation o) => new()
    {
        Id = o.Id, Title = o.Title, UnitId = o.UnitId, Frequency = o.Frequency, DueRule = o.DueRule, DueDay = o.DueDay,
        DueMonth = o.DueMonth, MonthsAfter = o.MonthsAfter, ContentType = o.ContentType, StartsOn = o.StartsOn, Active = o.Active, Note = o.Note,
    };
}

/// <summary>A refused obligation (bad input): 400, with the sentence and the input it concerns.</summary>
public sealed class ObligationInputException(string field, string message) : Exception(message)
{
    /// <summary>The input's property (<c>DueDay</c>...), so a recipe names its JSON path and a form the field.</summary>
    public string Field { get; } = field;
}

/// <summary>The catalogue of obligations: checked the same way from the back office and from a recipe, then stored.</summary>
public sealed partial class ObligationCatalog(CmsDbContext db, IUnitDirectory units, ContentDefinitionManager types, ObligationsSignal signal, UnitOfWork unitOfWork, TimeProvider clock)
{
    public const int MaxObligations = 500;

    public async Task<IReadOnlyList<ReportingObligation>> ListAsync(string? unitId, CancellationToken cancellationToken = default) =>
        await db.Set<ReportingObligation>().AsNoTracking().Where(o => unitId == null || o.UnitId == unitId)
            .OrderBy(o => o.UnitId).ThenBy(o => o.Title).Take(MaxObligations).ToListAsync(cancellationToken);

    public Task<ReportingObligation?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        db.Set<ReportingObligation>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);

    /// <summary>Checks <paramref name="input"/> and adds or updates the obligation (its past entries stay as they were).</summary>
    /// <exception cref="ObligationInputException">The first problem found; nothing is stored.</exception>
    public async Task<ReportingObligation> SaveAsync(ObligationInput input, CancellationToken cancellationToken = default)
    {
        await CheckAsync(input, cancellationToken);
        return await unitOfWork.RunAsync(async ct =>
        {
            var obligation = await db.Set<ReportingObligation>().FirstOrDefaultAsync(o => o.Id == input.Id, ct);
            if (obligation is null)
            {
                if (await db.Set<ReportingObligation>().CountAsync(ct) >= MaxObligations)
                {
                    throw new ObligationInputException(nameof(input.Id), $"Đã có {MaxObligations} nghĩa vụ, không thêm được nữa.");
                }

                obligation = new ReportingObligation { Id = input.Id!, Title = "", UnitId = "", ContentType = "" };
                db.Add(obligation);
            }

            obligation.Title = input.Title!.Trim();
            obligation.UnitId = input.UnitId!;
            obligation.Frequency = input.Frequency;
            obligation.DueRule = input.DueRule;
            obligation.DueDay = input.DueDay;
            obligation.DueMonth = input.DueRule == DueRuleKind.FixedDate ? input.DueMonth : null;
            obligation.MonthsAfter = input.DueRule == DueRuleKind.DayOfMonth ? input.MonthsAfter : 0;
            obligation.ContentType = input.ContentType!;
            // A recipe run again without a start date keeps the one the obligation has.
            obligation.StartsOn = input.StartsOn ?? (obligation.StartsOn == default ? ObligationSchedule.VietnamDate(clock.GetUtcNow().UtcDateTime) : obligation.StartsOn);
            obligation.Active = input.Active;
            obligation.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
            await db.SaveChangesAsync(ct);

            // The scheduler makes the new obligation's entries at once rather than at its next poll.
            unitOfWork.AfterCommit(signal.Raise);
            return obligation;
        }, cancellationToken);
    }

    private async Task CheckAsync(ObligationInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Id) || input.Id.Length > 100 || !IdPattern().IsMatch(input.Id))
        {
            throw new ObligationInputException(nameof(input.Id), "Mã nghĩa vụ gồm chữ thường không dấu, chữ số và dấu gạch ngang (tối đa 100 ký tự), ví dụ bao-cao-kt-xh-thang.");
        }

        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > 300)
        {
            throw new ObligationInputException(nameof(input.Title), "Tên nghĩa vụ không được để trống (tối đa 300 ký tự).");
        }

        if (input.Note is { Length: > 1000 })
        {
            throw new ObligationInputException(nameof(input.Note), "Ghi chú tối đa 1000 ký tự.");
        }

        if (!Enum.IsDefined(input.Frequency) || !Enum.IsDefined(input.DueRule))
        {
            throw new ObligationInputException(nameof(input.Frequency), "Kỳ báo cáo hoặc cách tính hạn không hợp lệ.");
        }

        var (min, max, what) = input.DueRule == DueRuleKind.WorkingDaysAfter ? (1, 60, "Số ngày làm việc") : (1, 31, "Ngày trong tháng");
        if (input.DueDay < min || input.DueDay > max)
        {
            throw new ObligationInputException(nameof(input.DueDay), $"{what} phải từ {min} đến {max}.");
        }

        if (input.DueRule == DueRuleKind.DayOfMonth && input.MonthsAfter is < 0 or > 12)
        {
            throw new ObligationInputException(nameof(input.MonthsAfter), "Số tháng sau kỳ phải từ 0 đến 12.");
        }

        if (input.DueRule == DueRuleKind.FixedDate)
        {
            if (input.Frequency != ObligationFrequency.Yearly)
            {
                throw new ObligationInputException(nameof(input.DueRule), "Hạn vào một ngày cố định trong năm chỉ dùng cho nghĩa vụ hằng năm.");
            }

            if (input.DueMonth is not (>= 1 and <= 12) || input.DueDay > DateTime.DaysInMonth(2024, input.DueMonth.Value))
            {
                throw new ObligationInputException(nameof(input.DueMonth), "Ngày, tháng của hạn cố định không có thật.");
            }
        }

        if ((await units.ListActiveAsync(cancellationToken)).All(u => u.Id != input.UnitId))
        {
            throw new ObligationInputException(nameof(input.UnitId), $"Không có đơn vị '{input.UnitId}'.");
        }

        if (string.IsNullOrEmpty(input.ContentType) || await types.GetTypeAsync(input.ContentType, cancellationToken) is null)
        {
            throw new ObligationInputException(nameof(input.ContentType), $"Không có loại nội dung '{input.ContentType}'.");
        }

        if (input.StartsOn is { Year: < 2000 or > 2100 })
        {
            throw new ObligationInputException(nameof(input.StartsOn), "Ngày bắt đầu phải trong khoảng năm 2000 đến 2100.");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
