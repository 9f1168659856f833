using CucThongKe.Core.Data;
using CucThongKe.Core.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.CitizenServices.Outbox;

/// <summary>Mail to citizens still to be sent (<c>cms_queue_length{queue="mail-citizens"}</c>): the outbox's rows not given up.</summary>
internal sealed class CitizenMailQueueLength(CmsDbContext db) : IQueueLength
{
    public string Name => "mail-citizens";

    public Task<long> CountAsync(CancellationToken cancellationToken) =>
        db.Set<CitizenMail>().LongCountAsync(m => m.GaveUpUtc == null, cancellationToken);
}
