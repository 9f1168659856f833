using CucThongKe.CitizenServices.Forms;
using CucThongKe.CitizenServices.Outbox;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Core.Mail;
using CucThongKe.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.CitizenServices.Questions;

/// <summary>Tells the asker by e-mail, when they gave an address, that their question was answered: once, on the answer's first
/// publication (a corrected answer published later sends nothing). The mail is queued in the publication's transaction
/// (<see cref="CitizenMailOutbox"/>) and leaves after the commit, retried while the mail server is down.</summary>
/// <remarks>The mail names the tracking code and the status page, which links to the answer; nothing of the question is repeated.</remarks>
internal sealed class AnswerMailer(CmsDbContext db, CitizenMailOutbox outbox, SettingsStore settings) : IContentHandler
{
    public async Task PublishedAsync(ContentContext context, CancellationToken cancellationToken)
    {
        var item = context.Item;
        var kind = CitizenMessageKind.Question;
        if (item.ContentType != kind.ContentType
            || item.Content[kind.ContentType]?[kind.SenderField + "Email"]?["Text"]?.GetValue<string>() is not { Length: > 0 } email
            || await db.Set<ContentItem>().AnyAsync(c => c.ContentItemId == item.ContentItemId && c.Id != item.Id && c.PublishSource != null, cancellationToken))
        {
            return;
        }

        var name = item.Content[kind.ContentType]?[kind.SenderField + "Name"]?["Text"]?.GetValue<string>();
        var code = CitizenInbox.CodeOf(kind.Prefix, item.ContentItemId);
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken);
        var status = (PublicAddress.Of(site) ?? "") + "/hoi-dap/tra-cuu?ma=" + code;
        await outbox.EnqueueAsync(new CmsMail(
            email,
            name,
            $"Câu hỏi mã {code} đã được trả lời",
            $"Kính gửi {name ?? "Quý vị"},\n\n{site.OwnerName ?? "Cục Thống kê"} đã trả lời câu hỏi mã {code} của Quý vị. " +
            $"Xem câu trả lời tại: {status}\n\nThư này được gửi tự động; xin vui lòng không trả lời thư."), cancellationToken);
    }
}
