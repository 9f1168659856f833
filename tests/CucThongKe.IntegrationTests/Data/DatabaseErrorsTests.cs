using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Media.Library;
using CucThongKe.Tests.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Data;

/// <summary><see cref="DatabaseErrors.IsUniqueViolation"/> reads each provider's own error code for a duplicate key, and nothing else.</summary>
public abstract class DatabaseErrorsTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    [Fact]
    public async Task A_second_row_with_the_same_unique_index_value_is_a_unique_violation()
    {
        var error = await SaveFailureAsync(db => db.Set<MediaFile>().AddRange(File("a/tep.pdf"), File("a/tep.pdf")));

        Assert.True(DatabaseErrors.IsUniqueViolation(error));
    }

    [Fact]
    public async Task A_second_row_with_the_same_primary_key_is_a_unique_violation()
    {
        await Site.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<CmsDbContext>();
            db.Set<MediaFile>().Add(File("b/mot.pdf", id: 4242));
            await db.SaveChangesAsync();
        });

        var error = await SaveFailureAsync(db => db.Set<MediaFile>().Add(File("b/hai.pdf", id: 4242)));

        Assert.True(DatabaseErrors.IsUniqueViolation(error));
    }

    [Fact]
    public async Task Another_constraint_failing_is_not_a_unique_violation()
    {
        // A NOT NULL column left empty: a constraint error too (SQLite's same primary code 19), but not a duplicate key.
        var error = await SaveFailureAsync(db => db.Set<MediaFile>().Add(File(null!)));

        Assert.False(DatabaseErrors.IsUniqueViolation(error));
        Assert.False(DatabaseErrors.IsUniqueViolation(null));
    }

    private Task<DbUpdateException> SaveFailureAsync(Action<CmsDbContext> change) => Site.WithScopeAsync(s =>
    {
        var db = s.GetRequiredService<CmsDbContext>();
        change(db);
        return Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    });

    private static MediaFile File(string path, long id = 0) => new()
    {
        Id = id,
        Path = path,
        Folder = "",
        OriginalName = "tep.pdf",
        ContentType = "application/pdf",
        Kind = MediaKind.Document,
        UploadedUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
    };
}

public sealed class SqliteDatabaseErrorsTests() : DatabaseErrorsTests(DatabaseProvider.Sqlite);

public sealed class PostgresDatabaseErrorsTests() : DatabaseErrorsTests(DatabaseProvider.Postgres);
