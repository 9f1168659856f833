using CucThongKe.Core.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Office.Royalties;

/// <summary>A rate as the back-office form and the <c>Royalties</c> recipe step give it.</summary>
public sealed class RoyaltyRateInput
{
    public long? Id { get; set; }

    public string? Kind { get; set; }

    public string? Name { get; set; }

    /// <summary>Not bound from a form (the page reads the typed text with <see cref="TextEncoding.VietnameseNumber"/>, whatever the culture).</summary>
    [BindNever]
    public decimal? Points { get; set; }

    [BindNever]
    public long? Amount { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public static RoyaltyRateInput From(RoyaltyRate rate) => new()
    {
        Id = rate.Id, Kind = rate.Kind, Name = rate.Name, Points = rate.Points, Amount = rate.Amount, ValidFrom = rate.ValidFrom, ValidTo = rate.ValidTo,
    };
}

/// <summary>The rate table (Điều 6.2c): checked the same way from the back office and from a recipe; every change recorded.</summary>
public sealed class RoyaltyRates(CmsDbContext db, UnitOfWork unitOfWork, TimeProvider clock)
{
    public const int MaxRates = 500;

    /// <summary>The change record's page shows this many, newest first.</summary>
    public const int MaxChangesShown = 100;

    public async Task<IReadOnlyList<RoyaltyRate>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Set<RoyaltyRate>().AsNoTracking().OrderBy(r => r.Kind).ThenByDescending(r => r.ValidFrom).Take(MaxRates).ToListAsync(cancellationToken);

    public Task<RoyaltyRate?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        db.Set<RoyaltyRate>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    public async Task<IReadOnlyList<RoyaltyRateChange>> ChangesAsync(CancellationToken cancellationToken = default) =>
        await db.Set<RoyaltyRateChange>().AsNoTracking().OrderByDescending(c => c.Id).Take(MaxChangesShown).ToListAsync(cancellationToken);

    /// <summary>The kinds of work the table prices, each with its latest name, for the editor's choice.</summary>
    public async Task<IReadOnlyList<(string Kind, string Name)>> KindsAsync(CancellationToken cancellationToken = default) =>
        [.. (await ListAsync(cancellationToken)).GroupBy(r => r.Kind).Select(g => (g.Key, g.First().Name))];

    /// <summary>The rate of <paramref name="kind"/> valid on <paramref name="date"/> (Vietnam), or null.</summary>
    public Task<RoyaltyRate?> RateOnAsync(string kind, DateOnly date, CancellationToken cancellationToken = default) =>
        db.Set<RoyaltyRate>().AsNoTracking()
            .Where(r => r.Kind == kind && r.ValidFrom <= date && (r.ValidTo == null || r.ValidTo >= date))
            .OrderByDescending(r => r.ValidFrom).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Checks <paramref name="input"/>, adds or updates the rate and records the change with who and when.</summary>
    /// <exception cref="RoyaltyInputException">The first problem found; nothing is stored.</exception>
    public async Task<RoyaltyRate> SaveAsync(RoyaltyRateInput input, string actor, CancellationToken cancellationToken = default)
    {
        Check(input);
        return await unitOfWork.RunAsync(async ct =>
        {
            RoyaltyRate? rate = null;
            if (input.Id is { } id)
            {
                rate = await db.Set<RoyaltyRate>().FirstOrDefaultAsync(r => r.Id == id, ct)
                    ?? throw new RoyaltyInputException(nameof(input.Id), $"Không có mức nhuận bút số {id}.");
            }
            else if (await db.Set<RoyaltyRate>().CountAsync(ct) >= MaxRates)
            {
                throw new RoyaltyInputException(nameof(input.Id), $"Bảng đã có {MaxRates} mức nhuận bút, không thêm được nữa.");
            }

            var (kind, from, to) = (input.Kind!, input.ValidFrom!.Value, input.ValidTo);
            var overlapping = await db.Set<RoyaltyRate>().AsNoTracking()
                .Where(r => r.Kind == kind && r.Id != (input.Id ?? 0) && (to == null || r.ValidFrom <= to) && (r.ValidTo == null || r.ValidTo >= from))
                .FirstOrDefaultAsync(ct);
            if (overlapping is not null)
            {
                throw new RoyaltyInputException(nameof(input.ValidFrom), $"Thời gian áp dụng trùng với mức đã có: {overlapping.Describe()}. Hãy cho mức cũ hết hạn trước ngày bắt đầu của mức mới.");
            }

            var before = rate?.Describe();
            if (rate is null)
            {
                rate = new RoyaltyRate { Kind = kind, Name = "" };
                db.Add(rate);
            }

            rate.Kind = kind;
            rate.Name = input.Name!.Trim().Normalize();
            rate.Points = input.Points;
            rate.Amount = input.Amount;
            rate.ValidFrom = from;
            rate.ValidTo = to;
            rate.ModifiedUtc = clock.GetUtcNow().UtcDateTime;
            rate.ModifiedBy = actor;
            await db.SaveChangesAsync(ct);
            if (before != rate.Describe())
            {
                db.Add(new RoyaltyRateChange { RateId = rate.Id, ChangedUtc = rate.ModifiedUtc, ChangedBy = actor, Before = before, After = rate.Describe() });
                await db.SaveChangesAsync(ct);
            }

            return rate;
        }, cancellationToken);
    }

    private static void Check(RoyaltyRateInput input)
    {
        if (input.Kind is null || input.Kind.Length > 50 || !RoyaltyCreditsPart.KindPattern().IsMatch(input.Kind))
        {
            throw new RoyaltyInputException(nameof(input.Kind), "Mã loại tác phẩm gồm chữ thường không dấu, chữ số và dấu gạch ngang (tối đa 50 ký tự), ví dụ tin, bai, anh, dich.");
        }

        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 200)
        {
            throw new RoyaltyInputException(nameof(input.Name), "Tên loại tác phẩm không được để trống (tối đa 200 ký tự).");
        }

        if ((input.Points is null) == (input.Amount is null))
        {
            throw new RoyaltyInputException(nameof(input.Points), "Mức nhuận bút ghi bằng điểm hoặc bằng số tiền (đồng), một trong hai.");
        }

        if (input.Points is <= 0 or > 10_000 || input.Amount is <= 0 or > 1_000_000_000)
        {
            throw new RoyaltyInputException(nameof(input.Points), "Số điểm phải lớn hơn 0 và không quá 10.000; số tiền lớn hơn 0 và không quá 1 tỷ đồng.");
        }

        if (input.ValidFrom is not { Year: >= 2000 and <= 2100 })
        {
            throw new RoyaltyInputException(nameof(input.ValidFrom), "Cần ngày bắt đầu áp dụng (từ năm 2000 đến 2100).");
        }

        if (input.ValidTo is { } to && to < input.ValidFrom)
        {
            throw new RoyaltyInputException(nameof(input.ValidTo), "Ngày hết hạn không được trước ngày bắt đầu áp dụng.");
        }
    }
}
