using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Security;
using CucThongKe.Core.Settings;
using CucThongKe.Core.Setup;
using CucThongKe.Users.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Site;

/// <summary>
/// A site set up before the Office and Statistics modules' permissions existed gets, once, the grants their setup-recipe
/// rows give a new site: the board can open the obligations and the calendar the day the site is upgraded.
/// </summary>
public sealed class DefaultGrantsTests() : SiteTestBase(DatabaseProvider.Sqlite)
{
    private static readonly (string Role, string Permission)[] NewGrants =
    [
        ("BoardHead", "ManageObligations"), ("BoardSecretary", "ManageReleaseCalendar"), ("BoardMember", "ImportIndicatorValues"),
        ("Director", "ViewAllObligations"), ("Publisher", "ManageIncidents"),
    ];

    private Task<HashSet<(string Role, string Permission)>> GrantsAsync() => Site.WithScopeAsync(async s =>
    {
        var db = s.GetRequiredService<CmsDbContext>();
        var rows = await (from c in db.Set<IdentityRoleClaim<string>>().AsNoTracking()
                          join r in db.Set<CmsRole>().AsNoTracking() on c.RoleId equals r.Id
                          where c.ClaimType == CmsClaims.Permission
                          select new { r.Name, c.ClaimValue }).ToListAsync();
        return rows.Select(r => (r.Name!, r.ClaimValue!)).ToHashSet();
    });

    private Task RevokeAsync(params (string Role, string Permission)[] grants) => Site.WithScopeAsync(async s =>
    {
        var roles = s.GetRequiredService<RoleManager<CmsRole>>();
        foreach (var (role, permission) in grants)
        {
            var found = (await roles.FindByNameAsync(role))!;
            Assert.True((await roles.RemoveClaimAsync(found, new System.Security.Claims.Claim(CmsClaims.Permission, permission))).Succeeded);
        }
    });

    [Fact]
    public async Task A_site_set_up_before_the_office_and_statistics_permissions_gets_the_setup_recipes_grants_once()
    {
        var setUp = await GrantsAsync();
        Assert.All(NewGrants, g => Assert.Contains(g, setUp));

        // The site as it was stored before the modules: the roles lack the new permissions and no upgrade has run.
        await RevokeAsync(NewGrants);
        await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<SettingsDocument>().Where(x => x.Name == SiteUpgrades.DocumentName).ExecuteDeleteAsync());
        var before = await GrantsAsync();
        Assert.All(NewGrants, g => Assert.DoesNotContain(g, before));

        await Site.WithScopeAsync(s => SiteUpgrades.RunAsync(s, CancellationToken.None));

        // Exactly what the setup recipe gives a new site: nothing more (no role gains anything the recipe did not give).
        Assert.Equal(setUp.Order().ToList(), (await GrantsAsync()).Order().ToList());

        // Once run, the upgrade is recorded: a grant an administrator takes away afterwards stays away.
        await RevokeAsync(("BoardHead", "ManageObligations"));
        await Site.WithScopeAsync(s => SiteUpgrades.RunAsync(s, CancellationToken.None));
        Assert.DoesNotContain(("BoardHead", "ManageObligations"), await GrantsAsync());
    }

    [Fact]
    public async Task A_site_set_up_before_the_royalty_ledger_gets_the_accountants_role_with_its_grants_once()
    {
        var setUp = await GrantsAsync();
        var accountant = setUp.Where(g => g.Role == "Accountant").Select(g => g.Permission).Order().ToList();
        Assert.Equal(["AccessAdmin", "ManageRoyalties", "ManageRoyaltyRates", "ViewAllRoyalties"], accountant);

        // The site as it was before the ledger: no accountant, no royalty or contribution grants, no upgrade run.
        await Site.WithScopeAsync(async s =>
        {
            var roles = s.GetRequiredService<RoleManager<CmsRole>>();
            Assert.True((await roles.DeleteAsync((await roles.FindByNameAsync("Accountant"))!)).Succeeded);
        });
        await RevokeAsync([.. setUp.Where(g => g.Role != "Accountant" && g.Permission is "ViewAllRoyalties" or "ManageRoyalties" or "ManageRoyaltyRates" or "ViewAllContributions")]);
        await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<SettingsDocument>().Where(x => x.Name == SiteUpgrades.DocumentName).ExecuteDeleteAsync());

        await Site.WithScopeAsync(s => SiteUpgrades.RunAsync(s, CancellationToken.None));

        Assert.Equal(setUp.Order().ToList(), (await GrantsAsync()).Order().ToList());
        var role = await Site.WithScopeAsync(async s => (await s.GetRequiredService<RoleManager<CmsRole>>().FindByNameAsync("Accountant"))!);
        Assert.Equal("Kế toán", role.DisplayName);
    }
}
