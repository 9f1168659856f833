using System.Net;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.PublicSite;
using CucThongKe.Tests.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.CitizenServices;

/// <summary>The people of the approval chain and a citizen who asks from the public form.</summary>
public abstract class CitizenServicesTestBase(DatabaseProvider provider) : WorkflowTestBase(provider)
{
    protected const string AskerName = "Trần Thị Hỏi";
    protected const string AskerEmail = "hoi@example.vn";
    protected const string AskerPhone = "0912 345 678";

    /// <summary>Sends <paramref name="question"/> from the public form choosing <paramref name="unitId"/>, at a human's pace; returns the item's id.</summary>
    protected Task<string> AskAsync(string unitId, string question) =>
        SendFromFormAsync("/hoi-dap/gui-cau-hoi", "Input.Question", "Question", unitId, question);

    /// <summary>Sends <paramref name="text"/> as a citizen from the public form at <paramref name="path"/> (its text field
    /// <paramref name="textField"/>), choosing <paramref name="unitId"/>, at a human's pace; returns the new item's id.</summary>
    protected async Task<string> SendFromFormAsync(string path, string textField, string contentType, string unitId, string text)
    {
        var client = Client();
        var html = await client.GetStringAsync(path);
        Clock.Advance(TimeSpan.FromSeconds(4));
        var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = CitizenFormTestBase.AntiforgeryPattern().Match(html).Groups[1].Value,
            ["Input.Token"] = WebUtility.HtmlDecode(CitizenFormTestBase.TokenPattern().Match(html).Groups[1].Value),
            ["Input.Name"] = AskerName,
            ["Input.Email"] = AskerEmail,
            ["Input.Phone"] = AskerPhone,
            ["Input.UnitId"] = unitId,
            [textField] = text,
            ["Input.Consent"] = "true",
            ["Input.Website"] = "",
        }));
        AssertStatus(HttpStatusCode.Redirect, response);
        return await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<ContentItem>()
            .Where(c => c.ContentType == contentType && c.Latest).OrderByDescending(c => c.Id).Select(c => c.ContentItemId).FirstAsync());
    }

    protected Task<ContentItem> LatestAsync(string id) => Site.WithScopeAsync(s =>
        s.GetRequiredService<CmsDbContext>().Set<ContentItem>().AsNoTracking().SingleAsync(c => c.ContentItemId == id && c.Latest));
}
