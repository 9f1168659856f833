using System.Text.Json.Nodes;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Recipes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Site;

/// <summary>
/// Work that follows a save (Core's unit of work and the content engine's after-commit handlers): it runs once the
/// transaction has committed, never for a change that rolled back, and its failure never turns a committed save into an error.
/// </summary>
public abstract class AfterCommitTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private readonly CommitProbe _probe = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(_probe);
        services.AddContentHandler<InTransactionProbe>();
        // Registered before the recording one: when it fails, the next handler must still run.
        services.AddContentCommittedHandler<FailingCommittedHandler>();
        services.AddContentCommittedHandler<CommittedProbe>();
    }

    [Fact]
    public async Task Work_after_a_commit_runs_once_and_sees_the_change_committed()
    {
        var id = await CreatePageAsync("Trang thử sau khi lưu");

        await Site.WithScopeAsync(s => s.GetRequiredService<ContentManager>().PublishAsync(id, null, Direct));

        // Read from another connection while the handler ran: only a committed change is visible there.
        Assert.Equal([("Published", id, true)], _probe.Committed.Where(e => e.Name == "Published"));
        Assert.Single(_probe.Committed, e => e.Name == "Updated" && e.Id == id);
    }

    [Fact]
    public async Task Work_after_a_commit_does_not_run_when_the_save_rolls_back()
    {
        var id = await CreatePageAsync("Trang thử khi lưu hỏng");
        _probe.FailInTransaction = true;

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Site.WithScopeAsync(s => s.GetRequiredService<ContentManager>().PublishAsync(id, null, Direct)));

        Assert.DoesNotContain(_probe.Committed, e => e.Name == "Published");
        Assert.Null(await Site.WithScopeAsync(s => s.GetRequiredService<ContentManager>().GetAsync(id)));
    }

    [Fact]
    public async Task A_failing_after_commit_handler_does_not_fail_the_committed_save()
    {
        var id = await CreatePageAsync("Trang thử khi việc sau lưu hỏng");
        _probe.FailAfterCommit = true;

        var published = await Site.WithScopeAsync(s => s.GetRequiredService<ContentManager>().PublishAsync(id, null, Direct));

        Assert.NotNull(published);
        Assert.NotNull(await Site.WithScopeAsync(s => s.GetRequiredService<ContentManager>().GetAsync(id)));
        Assert.Contains(_probe.Committed, e => e.Name == "Published" && e.Id == id);
    }

    [Fact]
    public async Task Saves_inside_a_unit_commit_once_at_its_end_and_a_failed_inner_part_drops_only_its_own_work()
    {
        string? kept = null;
        var ran = new List<string>();
        await Site.WithScopeAsync(async s =>
        {
            var unit = s.GetRequiredService<UnitOfWork>();
            var contents = s.GetRequiredService<ContentManager>();
            await unit.RunAsync(async ct =>
            {
                kept = (await contents.CreateAsync(await PageAsync(contents, "Trang trong đơn vị công việc"), ct)).ContentItemId;
                unit.AfterCommit(() => ran.Add("outer"));
                await Assert.ThrowsAsync<InvalidOperationException>(() => unit.RunAsync(_ =>
                {
                    unit.AfterCommit(() => ran.Add("inner"));
                    throw new InvalidOperationException("phần trong hỏng");
                }));

                // Joined, not committed: nothing has run yet, and the item's after-commit event waits for the end.
                Assert.Empty(ran);
                Assert.DoesNotContain(_probe.Committed, e => e.Id == kept);
            });
        });

        Assert.Equal(["outer"], ran);
        Assert.Single(_probe.Committed, e => e.Name == "Updated" && e.Id == kept);
    }

    [Fact]
    public async Task A_unit_that_fails_stores_nothing_and_runs_none_of_its_work()
    {
        string? id = null;
        var ran = false;
        await Assert.ThrowsAsync<InvalidOperationException>(() => Site.WithScopeAsync(async s =>
        {
            var unit = s.GetRequiredService<UnitOfWork>();
            var contents = s.GetRequiredService<ContentManager>();
            await unit.RunAsync(async ct =>
            {
                id = (await contents.CreateAsync(await PageAsync(contents, "Trang không được lưu"), ct)).ContentItemId;
                unit.AfterCommit(() => ran = true);
                throw new InvalidOperationException("hỏng sau khi lưu");
            });
        }));

        Assert.False(ran);
        Assert.DoesNotContain(_probe.Committed, e => e.Id == id);
        Assert.Null(await Site.WithScopeAsync(s => s.GetRequiredService<ContentManager>().GetAsync(id!, VersionOptions.Latest)));
    }

    [Fact]
    public async Task A_recipe_that_fails_late_runs_none_of_the_work_its_steps_queued()
    {
        await Assert.ThrowsAsync<RecipeException>(() => RunRecipeAsync("fails-late.recipe.json"));

        Assert.Empty(_probe.Committed);
        Assert.Equal(0, await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<ContentItem>().CountAsync(c => c.ContentType == "LoaiMoi")));
    }

    [Fact]
    public async Task A_transaction_opened_outside_the_unit_of_work_is_not_joined_silently()
    {
        var error = await Site.WithScopeAsync(async s =>
        {
            var contents = s.GetRequiredService<ContentManager>();
            var page = await PageAsync(contents, "Trang trong giao dịch lạ");
            await using var transaction = await s.GetRequiredService<CmsDbContext>().Database.BeginTransactionAsync();
            return await Assert.ThrowsAsync<InvalidOperationException>(() => contents.CreateAsync(page));
        });

        Assert.Contains("UnitOfWork.RunAsync", error.Message, StringComparison.Ordinal);
        Assert.Empty(_probe.Committed);
    }

    private static PublishRequest Direct => new(PublishSource.Direct, "tester");

    private static async Task<ContentItem> PageAsync(ContentManager contents, string title)
    {
        var item = await contents.NewAsync("Page");
        item.Content["TitlePart"] = new JsonObject { ["Title"] = title };
        item.Content["HtmlBodyPart"] = new JsonObject { ["Html"] = "<p>Nội dung thử.</p>" };
        return item;
    }

    private Task<string> CreatePageAsync(string title) => Site.WithScopeAsync(async s =>
    {
        var contents = s.GetRequiredService<ContentManager>();
        return (await contents.CreateAsync(await PageAsync(contents, title))).ContentItemId;
    });

    /// <summary>What the test handlers saw, and whether they should fail.</summary>
    public sealed class CommitProbe
    {
        private readonly List<(string Name, string Id, bool Visible)> _committed = [];

        public bool FailInTransaction { get; set; }

        public bool FailAfterCommit { get; set; }

        public IReadOnlyList<(string Name, string Id, bool Visible)> Committed
        {
            get
            {
                lock (_committed)
                {
                    return [.. _committed];
                }
            }
        }

        public void Record(string name, string id, bool visible)
        {
            lock (_committed)
            {
                _committed.Add((name, id, visible));
            }
        }
    }

    private sealed class InTransactionProbe(CommitProbe probe) : IContentHandler
    {
        public Task PublishedAsync(ContentContext context, CancellationToken cancellationToken) =>
            probe.FailInTransaction ? throw new InvalidOperationException("Lỗi thử trong giao dịch.") : Task.CompletedTask;
    }

    private sealed class FailingCommittedHandler(CommitProbe probe) : IContentCommittedHandler
    {
        public Task PublishedAsync(ContentContext context, CancellationToken cancellationToken) =>
            probe.FailAfterCommit ? throw new InvalidOperationException("Lỗi thử sau khi lưu.") : Task.CompletedTask;
    }

    private sealed class CommittedProbe(CommitProbe probe, IServiceScopeFactory scopes) : IContentCommittedHandler
    {
        public async Task PublishedAsync(ContentContext context, CancellationToken cancellationToken)
        {
            // Another scope is another connection: it sees the publication only once it is committed.
            await using var scope = scopes.CreateAsyncScope();
            var visible = await scope.ServiceProvider.GetRequiredService<CmsDbContext>().Set<ContentItem>()
                .AnyAsync(c => c.ContentItemId == context.Item.ContentItemId && c.Published, cancellationToken);
            probe.Record("Published", context.Item.ContentItemId, visible);
        }

        public Task UpdatedAsync(ContentContext context, CancellationToken cancellationToken)
        {
            probe.Record("Updated", context.Item.ContentItemId, true);
            return Task.CompletedTask;
        }
    }
}

public sealed class SqliteAfterCommitTests() : AfterCommitTests(DatabaseProvider.Sqlite);

// PostgreSQL too: what another connection sees before and after a commit is the database's to decide.
public sealed class PostgresAfterCommitTests() : AfterCommitTests(DatabaseProvider.Postgres);
