using System.Text.Json.Nodes;
using CucThongKe.CitizenServices.Feedback;
using CucThongKe.CitizenServices.Forms;
using CucThongKe.CitizenServices.Outbox;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Auditing;
using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.CitizenServices.Privacy;

/// <summary>Everything the site holds about an e-mail address (Điều 7.6: a citizen asks what is kept about them): the
/// questions and feedback sent with it, every version, with their cases, and the mail waiting for it. For the operator
/// only; each export is in the admin-audit log.</summary>
public sealed class PersonalDataExport(CmsDbContext db, AdminAuditLog audit)
{
    public const string AuditAction = "personal-data-export";

    private const int BatchSize = 500;

    /// <summary>The export as a JSON document, recorded; a malformed address is a <see cref="FeedbackInputException"/> (400).</summary>
    public async Task<JsonObject> ExportAsync(string? email, CancellationToken cancellationToken)
    {
        var address = (email ?? "").Trim();
        if (address.Length is < 3 or > 256 || !address.Contains('@', StringComparison.Ordinal) || address.Any(char.IsWhiteSpace))
        {
            throw new FeedbackInputException("Hãy nhập một địa chỉ thư điện tử hợp lệ.");
        }

        var messages = new JsonArray();
        foreach (var kind in new[] { CitizenMessageKind.Question, CitizenMessageKind.Feedback })
        {
            // Read in batches by id (the address is inside each version's JSON): memory stays bounded however many there are.
            var after = 0L;
            while (true)
            {
                var batch = await db.Set<ContentItem>().AsNoTracking()
                    .Where(c => c.ContentType == kind.ContentType && c.Id > after).OrderBy(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }

                after = batch[^1].Id;
                foreach (var item in batch.Where(v => string.Equals(v.Content[kind.ContentType]?[kind.SenderField + "Email"]?["Text"]?.GetValue<string>(), address, StringComparison.OrdinalIgnoreCase)))
                {
                    messages.Add(new JsonObject
                    {
                        ["Kind"] = kind.ContentType,
                        ["Code"] = CitizenInbox.CodeOf(kind.Prefix, item.ContentItemId),
                        ["Version"] = item.Version,
                        ["CreatedUtc"] = item.CreatedUtc,
                        ["Published"] = item.Published,
                        ["Content"] = item.Content[kind.ContentType]?.DeepClone(),
                    });
                }
            }
        }

        var codes = messages.Select(m => m!["Code"]!.GetValue<string>()).Distinct().ToList();
        var mails = await db.Set<CitizenMail>().AsNoTracking().Where(m => m.ToAddress == address).Take(BatchSize)
            .Select(m => new { m.Subject, m.CreatedUtc, m.GaveUpUtc }).ToListAsync(cancellationToken);
        await audit.RecordAsync(AuditAction, address.Length > 256 ? address[..256] : address,
            $"Xuất dữ liệu cá nhân theo thư điện tử: {codes.Count} câu hỏi, góp ý ({string.Join(", ", codes.Take(20))}).", null, null, cancellationToken: cancellationToken);
        return new JsonObject
        {
            ["Email"] = address,
            ["Messages"] = messages,
            ["QueuedMail"] = new JsonArray([.. mails.Select(m => (JsonNode)new JsonObject { ["Subject"] = m.Subject, ["CreatedUtc"] = m.CreatedUtc, ["GaveUpUtc"] = m.GaveUpUtc })]),
        };
    }
}
