using CucThongKe.CitizenServices.Forms;
using CucThongKe.CitizenServices.Outbox;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using CucThongKe.Core.Mail;
using CucThongKe.Core.Settings;
using CucThongKe.Users.Identity;
using CucThongKe.Users.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CucThongKe.CitizenServices.Feedback;

/// <summary>What happens when feedback reaches a unit: its case opens and the unit is told.</summary>
/// <remarks>Apart from <see cref="FeedbackDesk"/>: content handlers call it, and must not depend on Contents' manager.</remarks>
public sealed class FeedbackIntake(CmsDbContext db, CitizenMailOutbox outbox, SettingsStore settings, IOptions<CitizenServicesOptions> options)
{
    /// <summary>Opens the case of a feedback item just created (by the public form, the back office or a recipe) and tells its
    /// unit, in the creation's transaction.</summary>
    public async Task OpenAsync(ContentItem item, CancellationToken cancellationToken)
    {
        db.Add(new FeedbackCase
        {
            ContentItemId = item.ContentItemId,
            Status = FeedbackState.New,
            ReceivedUtc = item.CreatedUtc,
        });
        if (item.UnitId is { } unitId && await db.Set<Unit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, cancellationToken) is { } unit)
        {
            await NotifyUnitAsync(item, unit, cancellationToken);
        }
    }

    /// <summary>Queues a mail to the head of <paramref name="unit"/> (the units table's address) and to its members holding
    /// the roles of <see cref="CitizenServicesOptions.FeedbackNotifyRoles"/>: the code, the title and the inbox's address;
    /// nothing of the sender.</summary>
    public async Task NotifyUnitAsync(ContentItem item, Unit unit, CancellationToken cancellationToken)
    {
        var roles = options.Value.FeedbackNotifyRoles;
        var members = await (
            from u in db.Set<CmsUser>()
            join ur in db.Set<IdentityUserRole<string>>() on u.Id equals ur.UserId
            join r in db.Set<CmsRole>() on ur.RoleId equals r.Id
            where roles.Contains(r.Name!) && u.UnitId == unit.Id && u.Email != null
            select new { u.Email, u.DisplayName }).Distinct().Take(100).ToListAsync(cancellationToken);
        var recipients = members.Select(m => (Email: m.Email!, Name: (string?)m.DisplayName)).ToList();
        if (unit.HeadEmail is { Length: > 0 } head && !recipients.Any(r => string.Equals(r.Email, head, StringComparison.OrdinalIgnoreCase)))
        {
            recipients.Add((head, unit.HeadName));
        }

        var site = await settings.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken);
        var code = CitizenInbox.CodeOf(CitizenMessageKind.Feedback.Prefix, item.ContentItemId);
        foreach (var (email, name) in recipients)
        {
            await outbox.EnqueueAsync(new CmsMail(
                email,
                name,
                $"[Trang TTĐT] Góp ý mới {code} gửi {unit.Name}",
                $"{unit.Name} nhận được góp ý mã {code}: “{item.DisplayText}”.\n\n" +
                $"Xem và xử lý trong trang quản trị: {PublicAddress.Of(site)}/admin/gop-y/{item.ContentItemId}\n\nThư này được gửi tự động."), cancellationToken);
        }
    }
}
