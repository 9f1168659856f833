using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Definitions;
using CucThongKe.Core.Data;
using CucThongKe.TextEncoding;
using CucThongKe.Users.Identity;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Office.Royalties;

/// <summary>One person credited on a paid item: an account of the site, or an external collaborator (Điều 14.5) by name with their unit of attachment.</summary>
public sealed class RoyaltyCredit
{
    public RoyaltyRole Role { get; set; }

    /// <summary>The rate's kind (<c>tin</c>, <c>bai</c>, <c>anh</c>, <c>dich</c>).</summary>
    public string? Kind { get; set; }

    /// <summary>The account credited; empty for an external collaborator.</summary>
    public string? UserName { get; set; }

    /// <summary>An external collaborator's full name.</summary>
    public string? Name { get; set; }

    /// <summary>An external collaborator's unit of attachment (đơn vị công tác).</summary>
    public string? Unit { get; set; }

    public int Quantity { get; set; } = 1;
}

/// <summary>
/// Who is paid for an item (nhuận bút, Điều 6.2c): the authors, photographers and translators, each with the kind of work
/// the rate table prices. A type is paid when it has this part; its publication drafts the ledger's entries.
/// </summary>
public sealed partial class RoyaltyCreditsPart : ContentPart
{
    public const int MaxCredits = 20;

    public List<RoyaltyCredit> Credits { get; set; } = [];

    public override void Prepare(ContentElementContext context)
    {
        foreach (var credit in Credits)
        {
            credit.Kind = Clean(credit.Kind);
            credit.UserName = Clean(credit.UserName);
            credit.Name = Clean(credit.Name);
            credit.Unit = Clean(credit.Unit);
        }

        Credits.RemoveAll(c => c.Kind is null && c.UserName is null && c.Name is null && c.Unit is null);
    }

    public override ValueTask ValidateAsync(ContentElementContext context)
    {
        if (Credits.Count > MaxCredits)
        {
            context.AddError(nameof(Credits), $"Một nội dung ghi tối đa {MaxCredits} người hưởng nhuận bút.");
            return ValueTask.CompletedTask;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Credits.Count; i++)
        {
            var credit = Credits[i];
            var at = $"{nameof(Credits)}[{i}]";
            if (!Enum.IsDefined(credit.Role))
            {
                context.AddError($"{at}.{nameof(RoyaltyCredit.Role)}", "Vai trò phải là tác giả, người chụp ảnh hoặc người dịch.");
            }

            if (credit.Kind is null || credit.Kind.Length > 50 || !KindPattern().IsMatch(credit.Kind))
            {
                context.AddError($"{at}.{nameof(RoyaltyCredit.Kind)}", "Chọn loại tác phẩm theo bảng mức nhuận bút (ví dụ tin, bai, anh, dich).");
            }

            if ((credit.UserName is null) == (credit.Name is null))
            {
                context.AddError($"{at}.{nameof(RoyaltyCredit.UserName)}", "Mỗi dòng ghi một người: tài khoản của cán bộ, hoặc họ tên của cộng tác viên bên ngoài.");
            }
            else if (credit.Name is not null && credit.Unit is null)
            {
                context.AddError($"{at}.{nameof(RoyaltyCredit.Unit)}", "Cộng tác viên bên ngoài cần ghi đơn vị công tác (Điều 14.5).");
            }

            if (credit.UserName is { Length: > 256 } || credit.Name is { Length: > 200 } || credit.Unit is { Length: > 200 })
            {
                context.AddError(at, "Tài khoản tối đa 256 ký tự; họ tên và đơn vị công tác tối đa 200 ký tự.");
            }

            if (credit.Quantity is < 1 or > 100)
            {
                context.AddError($"{at}.{nameof(RoyaltyCredit.Quantity)}", "Số lượng phải từ 1 đến 100.");
            }

            if (!seen.Add(credit.Kind + "|" + PersonKeyOf(credit)))
            {
                context.AddError(at, "Một người được ghi một lần cho mỗi loại tác phẩm (dùng số lượng cho nhiều ảnh).");
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The ledger's key of the person a credit names (<see cref="RoyaltyEntry.PersonKey"/>).</summary>
    public static string PersonKeyOf(RoyaltyCredit credit) => credit.UserName is { } user
        ? "u:" + user.ToUpperInvariant()
        : "x:" + VietnameseText.Fold(credit.Name ?? "") + "|" + VietnameseText.Fold(credit.Unit ?? "");

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().Normalize();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    internal static partial Regex KindPattern();
}

/// <summary>The rows of the editor's "Nhuận bút" section.</summary>
public sealed record RoyaltyCreditsEditor(string Prefix, IReadOnlyList<RoyaltyCredit> Rows, int RowCount, IReadOnlyList<(string Kind, string Name)> Kinds, IReadOnlyList<string> Errors);

/// <summary>Edits the credits as rows (role, kind, account or name and unit, quantity); the accounts must exist.</summary>
internal sealed class RoyaltyCreditsPartEditorDriver(CmsDbContext db, RoyaltyRates rates) : ContentPartEditorDriver<RoyaltyCreditsPart>
{
    /// <summary>Blank rows under the filled ones, for new people.</summary>
    private const int BlankRows = 2;

    public override string SectionTitle => "Nhuận bút (tác giả, người chụp ảnh, người dịch)";

    public override async Task<EditorShape?> EditAsync(EditorContext context, CancellationToken cancellationToken)
    {
        var rows = context.Node[nameof(RoyaltyCreditsPart.Credits)] is JsonArray array
            ? array.OfType<JsonObject>().Select(o => o.Deserialize<RoyaltyCredit>(CmsJson.Options) ?? new RoyaltyCredit()).ToList()
            : [];
        var kinds = await rates.KindsAsync(cancellationToken);
        return new EditorShape("/Pages/Shared/RoyaltyCreditsPart.Edit.cshtml",
            new RoyaltyCreditsEditor(context.Prefix, rows, Math.Min(rows.Count + BlankRows, RoyaltyCreditsPart.MaxCredits), kinds, context.ErrorsAt(context.Prefix)));
    }

    public override async Task UpdateAsync(EditorUpdateContext context, CancellationToken cancellationToken)
    {
        var credits = new JsonArray();
        var accounts = new List<string>();
        for (var i = 0; i < RoyaltyCreditsPart.MaxCredits + BlankRows; i++)
        {
            string Read(string property) => context.Posted($"{nameof(RoyaltyCreditsPart.Credits)}[{i}].{property}").ToString().Trim();
            var (role, kind, user, name, unit, quantity) = (Read("Role"), Read("Kind"), Read("UserName"), Read("Name"), Read("Unit"), Read("Quantity"));
            if (user.Length == 0 && name.Length == 0 && unit.Length == 0)
            {
                continue;
            }

            var row = new JsonObject
            {
                ["Role"] = Enum.TryParse<RoyaltyRole>(role, out var parsed) && Enum.IsDefined(parsed) ? parsed.ToString() : nameof(RoyaltyRole.Author),
                ["Kind"] = kind.Length == 0 ? null : kind,
                ["UserName"] = user.Length == 0 ? null : user,
                ["Name"] = name.Length == 0 ? null : name,
                ["Unit"] = unit.Length == 0 ? null : unit,
                ["Quantity"] = int.TryParse(quantity, out var count) ? count : 1,
            };
            if (user.Length > 0)
            {
                accounts.Add(user);
            }

            credits.Add(row);
        }

        context.Set(nameof(RoyaltyCreditsPart.Credits), credits);
        foreach (var account in accounts.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var normalized = account.ToUpperInvariant();
            if (!await db.Set<CmsUser>().AnyAsync(u => u.NormalizedUserName == normalized, cancellationToken))
            {
                context.AddError(nameof(RoyaltyCreditsPart.Credits), $"Không có tài khoản '{account}'; cộng tác viên bên ngoài được ghi bằng họ tên và đơn vị công tác.");
            }
        }
    }
}
