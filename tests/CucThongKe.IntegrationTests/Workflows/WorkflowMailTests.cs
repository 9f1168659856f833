using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Workflows.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Workflows;

/// <summary>Notifications also go out by email, through SMTP (MailKit), to a sink listening on loopback.</summary>
public abstract class WorkflowMailTests(DatabaseProvider provider) : WorkflowTestBase(provider), IDisposable
{
    private readonly SmtpSink _sink = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        _sink.Serve(services);
    }

    public void Dispose()
    {
        _sink.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task The_unit_head_is_emailed_when_an_item_of_their_unit_is_submitted()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Tin gửi kèm thư báo");

        await AdvanceAsync(id, (Contributor, "submit"));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!_sink.Messages.Any(m => m.To.Contains("tp.tonghop@example.vn")) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        var mail = Assert.Single(_sink.Messages, m => m.To.Contains("tp.tonghop@example.vn"));
        Assert.Contains("noreply@example.vn", mail.Data, StringComparison.Ordinal);
        Assert.DoesNotContain(_sink.Messages, m => m.To.Contains("cc.daitu@example.vn"));
        await Site.WithScopeAsync(async s =>
        {
            var sent = await s.GetRequiredService<CmsDbContext>().Set<WorkflowNotification>().SingleAsync(n => n.UserName == UnitHead && n.ContentItemId == id);
            Assert.NotNull(sent.EmailedUtc);
        });
    }
}

public sealed class SqliteWorkflowMailTests() : WorkflowMailTests(DatabaseProvider.Sqlite);

// SQLite only: the database does not matter to mail through SMTP.
