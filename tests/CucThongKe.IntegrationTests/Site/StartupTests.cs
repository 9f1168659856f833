using CucThongKe.Core.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CucThongKe.Tests.Site;

public class StartupTests
{
    /// <summary>Builds the site from command-line arguments and runs its start-up checks; then <paramref name="cleanUp"/>, whatever happened.</summary>
    internal static async Task<(bool Started, string Errors)> InitializeAsync(string[] args, Action cleanUp)
    {
        var app = Program.BuildSite(args);
        var errors = new StringWriter();
        try
        {
            return (await CmsInitializer.InitializeAsync(app.Services, errors), errors.ToString());
        }
        finally
        {
            cleanUp();
        }
    }
    [Fact]
    public async Task A_data_folder_that_cannot_be_written_stops_start_up_with_a_clear_message()
    {
        var blocker = Path.GetTempFileName();
        var (started, errors) = await InitializeAsync(["--Cms:DataPath=" + Path.Combine(blocker, "data"), "--Logging:LogLevel:Default=None"], () => File.Delete(blocker));

        Assert.False(started);
        Assert.Contains("Thư mục dữ liệu", errors, StringComparison.Ordinal);
        Assert.Contains("Cms:DataPath", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5000")]
    [InlineData("nhiều")]
    public void A_database_context_pool_out_of_range_stops_start_up_naming_the_setting(string size)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Program.BuildSite(["--Cms:Database:ContextPoolSize=" + size, "--Logging:LogLevel:Default=None"]));

        Assert.Contains("ContextPoolSize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_negative_count_of_discussed_items_kept_stops_start_up_naming_the_setting()
    {
        var data = Directory.CreateTempSubdirectory("cucthongke-startup").FullName;
        try
        {
            await using var app = Program.BuildSite(["--Cms:DataPath=" + data, "--Cms:CitizenServices:Discussion:MaxItemsKept=-1", "--Logging:LogLevel:Default=None"]);

            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

            Assert.Contains("Cms:CitizenServices:Discussion:MaxItemsKept", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            TestFolders.Delete(data);
        }
    }

    [Fact]
    public async Task An_unreachable_database_stops_start_up_with_a_clear_message()
    {
        var data = Directory.CreateTempSubdirectory("cucthongke-startup").FullName;
        var (started, errors) = await InitializeAsync(
        [
            "--Cms:DataPath=" + data,
            "--Cms:Database:Provider=Postgres",
            "--ConnectionStrings:Default=Host=127.0.0.1;Port=1;Database=x;Username=x;Password=x;Timeout=2",
            "--Logging:LogLevel:Default=None",
        ], () => TestFolders.Delete(data));

        Assert.False(started);
        Assert.Contains("Không kết nối", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_site_hashes_passwords_with_identitys_default_rounds_and_only_test_sites_lower_them()
    {
        await using var app = Program.BuildSite(["--Cms:DataPath=" + Path.Combine(Path.GetTempPath(), "cucthongke-tests", Guid.NewGuid().ToString("N")), "--Logging:LogLevel:Default=None"]);
        using var site = new TestSite();

        var production = app.Services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value.IterationCount;
        Assert.True(production >= 100_000, $"The site hashes passwords with {production} PBKDF2 rounds.");
        Assert.Equal(TestSite.PasswordHashIterations, site.Services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value.IterationCount);
    }
}
