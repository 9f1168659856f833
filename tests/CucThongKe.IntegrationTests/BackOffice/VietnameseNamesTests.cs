using System.Net;
using System.Text.RegularExpressions;
using CucThongKe.Contents.Definitions;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Recipes;
using CucThongKe.Core.Security;
using CucThongKe.Tests.Workflows;
using CucThongKe.Users.Identity;
using CucThongKe.Users.Units;
using CucThongKe.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.BackOffice;

/// <summary>Issue 16 item 8: the back office names every unit, role, content type and workflow state in Vietnamese;
/// codes stay in addresses and attributes. An administrator walks the back office of the demo site, with an item that
/// went round the chain once (returned, sent again), and no page's visible text holds a code.</summary>
public sealed partial class VietnameseNamesTests() : WorkflowTestBase(DatabaseProvider.Sqlite)
{
    /// <summary>Pages reached by following the back office's own links from the dashboard; one page of each shape
    /// (ids replaced by a placeholder) is enough to see its template.</summary>
    private const int MaxPages = 70;

    [Fact]
    public async Task No_back_office_page_shows_a_unit_role_type_or_state_by_its_code()
    {
        await Site.WithScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ExecuteAsync(
            RecipeHarvester.ReadFile(Path.Combine(RecipeHarvester.RecipesFolder, "demo-content.recipe.json")), TestDataRun));
        var id = await CreateNewsAsync("Tin đi qua quy trình duyệt một vòng");
        await AdvanceAsync(id, (Contributor, "submit"));
        Assert.True((await TransitionAsync(UnitHead, id, "unit-return", "Bổ sung số liệu tháng 11.")).IsSuccessStatusCode);
        await AdvanceAsync(id, (Contributor, "resubmit"), (UnitHead, "send-to-board"));

        // The item's unit is retired since (a reorganisation): its items still name it, by its name.
        await Site.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<CmsDbContext>();
            (await db.Set<Unit>().SingleAsync(u => u.Id == "phong-tong-hop")).EffectiveTo = new DateOnly(2026, 11, 1);
            await db.SaveChangesAsync();
        });

        var codes = await CodesAsync();
        var admin = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(admin, TestSite.AdminUserName, TestSite.AdminPassword));

        var queue = new Queue<string>(["/admin", "/admin/quy-trinh/noi-dung/" + id]);
        var shapes = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<string>();
        var visited = 0;
        while (queue.Count > 0 && visited < MaxPages)
        {
            var url = queue.Dequeue();
            if (!shapes.Add(IdPattern().Replace(url, "{id}")))
            {
                continue;
            }

            var response = await admin.GetAsync(url);
            Assert.True((int)response.StatusCode < 500, $"{url}: {response.StatusCode}");
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            visited++;
            var html = await response.Content.ReadAsStringAsync();
            var text = VisibleText(html);
            found.AddRange(WordPattern().Matches(text).Select(m => m.Value).Where(codes.Contains).Distinct().Select(code => $"{url}: {code} in “{Around(text, code)}”"));
            foreach (Match link in AdminLink().Matches(html))
            {
                queue.Enqueue(WebUtility.HtmlDecode(link.Groups[1].Value));
            }
        }

        Assert.True(visited > 40, $"Only {visited} back-office pages were reached: the walk no longer finds the back office's links.");
        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));

        // The admin-audit log was among them, with the demo's accounts' roles (recorded as codes) shown by their names.
        Assert.Contains("/admin/nhat-ky-quan-tri", shapes);
        var audit = VisibleText(await admin.GetStringAsync("/admin/nhat-ky-quan-tri"));
        Assert.Contains("Vai trò của tài khoản", audit, StringComparison.Ordinal);
        Assert.Contains("Cán bộ, cộng tác viên", audit, StringComparison.Ordinal);
    }

    /// <summary>Every code the site knows: unit ids, role names, content type names, workflow state names and kinds, permission names.</summary>
    private Task<HashSet<string>> CodesAsync() => Site.WithScopeAsync(async s =>
    {
        var db = s.GetRequiredService<CmsDbContext>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        codes.UnionWith(await db.Set<Unit>().Select(u => u.Id).ToListAsync());
        codes.UnionWith(await db.Set<CmsRole>().Where(r => r.Name != null).Select(r => r.Name!).ToListAsync());
        codes.UnionWith((await s.GetRequiredService<ContentDefinitionManager>().ListTypesAsync()).Select(t => t.Name));
        foreach (var definition in await s.GetRequiredService<WorkflowDefinitionStore>().ListAsync())
        {
            codes.UnionWith(definition.States.Select(st => st.Name));
        }

        codes.UnionWith(Enum.GetNames<WorkflowStateKind>());
        codes.UnionWith(s.GetRequiredService<PermissionCatalog>().All.Select(p => p.Name));
        return codes;
    });

    /// <summary>What a reader sees: the text between tags, entities decoded; without scripts and styles, and without
    /// what the page shows as a code on purpose (<c>&lt;code&gt;</c>, beside its name: the workflow definitions' codes
    /// an administrator types in the definition's JSON) and the JSON editor itself (<c>&lt;textarea&gt;</c>, whose
    /// other uses hold what a person typed).</summary>
    private static string VisibleText(string html)
    {
        var withoutCode = HiddenElements().Replace(html, " ");
        return WebUtility.HtmlDecode(Tag().Replace(withoutCode, " "));
    }

    private static string Around(string text, string code)
    {
        var at = Regex.Match(text, $@"(?<![\w-]){Regex.Escape(code)}(?![\w-])").Index;
        var start = Math.Max(0, at - 60);
        return Regex.Replace(text[start..Math.Min(text.Length, at + code.Length + 60)], @"\s+", " ").Trim();
    }

    [GeneratedRegex(@"<(script|style|textarea|code)\b[^>]*>.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex HiddenElements();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    /// <summary>Words as codes are written: letters, digits and hyphens (unit ids are <c>phong-tong-hop</c>).</summary>
    [GeneratedRegex(@"[\w-]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex("href=\"(/admin[^\"#]*)\"")]
    private static partial Regex AdminLink();

    [GeneratedRegex("[0-9a-f]{32}|(?<=/)[0-9]+(?=/|$|\\?)")]
    private static partial Regex IdPattern();
}
