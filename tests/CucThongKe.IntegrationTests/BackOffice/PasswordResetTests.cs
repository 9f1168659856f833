using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Mail;
using CucThongKe.Tests.Site;
using CucThongKe.Tests.Workflows;
using CucThongKe.Users.Identity;
using CucThongKe.Users.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CucThongKe.Tests.BackOffice;

/// <summary>"Quên mật khẩu?": a reset link by email (SMTP to a sink on loopback), one use, the password policy, and no hint of which addresses exist.</summary>
public abstract partial class PasswordResetTests(DatabaseProvider provider) : SiteTestBase(provider), IDisposable
{
    private const string Email = "ctv.tonghop@example.vn";
    private const string NewPassword = "Moi@2026!matkhau";
    private readonly SmtpSink _sink = new();

    protected override void ConfigureServices(IServiceCollection services) => services.Configure<MailOptions>(o =>
    {
        o.Host = "127.0.0.1";
        o.Port = _sink.Port;
        o.Security = "None";
        o.From = "Trang TTĐT Cục Thống kê <noreply@example.vn>";
    });

    public void Dispose()
    {
        _sink.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task GiveEmailAsync()
    {
        await RunRecipeAsync("backoffice-users.recipe.json");
        await Site.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<CmsUser>>();
            var user = await users.FindByNameAsync("ctv.tonghop");
            await users.SetEmailAsync(user!, Email);
        });

        // Links are built from the configured public address only (never the Host header); the test server is localhost.
        await SetPublicAddressAsync("http://localhost");
    }

    private static async Task<HttpResponseMessage> AskAsync(HttpClient client, string email)
    {
        var token = await AntiforgeryTokenAsync(client, "/quen-mat-khau");
        return await client.PostAsync("/quen-mat-khau", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Email"] = email }));
    }

    private static async Task<HttpResponseMessage> ResetAsync(HttpClient client, string link, string password)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(link).Query);
        var token = await AntiforgeryTokenAsync(client, link);
        return await client.PostAsync("/dat-lai-mat-khau", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["u"] = query["u"]!, ["t"] = query["t"]!, ["NewPassword"] = password, ["ConfirmPassword"] = password,
        }));
    }

    private async Task<MimeMessage> MailToAsync(string address)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!_sink.Messages.Any(m => m.To.Contains(address)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return SmtpSink.MessageOf(Assert.Single(_sink.Messages, m => m.To.Contains(address)).Data);
    }

    private Task<List<string>> AuditAsync() => Site.WithScopeAsync(s =>
        s.GetRequiredService<CmsDbContext>().Set<SignInAuditEntry>().OrderBy(e => e.Id).Select(e => e.UserName + ":" + e.Outcome).ToListAsync());

    [Fact]
    public async Task The_sign_in_page_links_to_the_forgotten_password_form()
    {
        var html = await Client().GetStringAsync("/dang-nhap");

        Assert.Contains("<a href=\"/quen-mat-khau\">Quên mật khẩu?</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mailed_link_sets_a_new_password_that_signs_in_and_works_only_once()
    {
        await GiveEmailAsync();
        var client = Client();

        AssertStatus(HttpStatusCode.OK, await AskAsync(client, "  CTV.TongHop@example.vn "));
        var mail = await MailToAsync(Email);
        var link = ResetLink().Match(mail.TextBody ?? "").Value;
        var reset = await ResetAsync(client, link, NewPassword);
        var reused = await ResetAsync(Client(), link, "Khac@2026!matkhau");

        Assert.Contains("Đặt lại mật khẩu", mail.Subject, StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.OK, reset);
        Assert.Contains("Đã đặt mật khẩu mới", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(Client(), "ctv.tonghop", NewPassword));
        AssertStatus(HttpStatusCode.BadRequest, await SignInAsync(Client(), "ctv.tonghop", "Demo@2026!ctk"));
        AssertStatus(HttpStatusCode.BadRequest, reused);
        Assert.Contains("không hợp lệ, đã dùng hoặc đã hết hạn", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.BadRequest, await SignInAsync(Client(), "ctv.tonghop", "Khac@2026!matkhau"));
        var audit = await AuditAsync();
        Assert.Contains("ctv.tonghop:ResetRequested", audit);
        Assert.Contains("ctv.tonghop:PasswordReset", audit);
        Assert.Contains("ctv.tonghop:ResetLinkRefused", audit);
    }

    [Fact]
    public async Task A_forged_token_or_a_weak_password_is_refused_and_the_old_password_still_works()
    {
        await GiveEmailAsync();
        var client = Client();
        await AskAsync(client, Email);
        var link = ResetLink().Match((await MailToAsync(Email)).TextBody ?? "").Value;
        var forged = Regex.Replace(link, "t=[^&]+", "t=" + Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes("gia-mao")));

        var forgedReset = await ResetAsync(client, forged, NewPassword);
        var weakReset = await ResetAsync(client, link, "yeu");

        AssertStatus(HttpStatusCode.BadRequest, forgedReset);
        Assert.Contains("không hợp lệ, đã dùng hoặc đã hết hạn", await forgedReset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.BadRequest, weakReset);
        Assert.Contains("Mật khẩu phải dài ít nhất 10 ký tự", await weakReset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(Client(), "ctv.tonghop", "Demo@2026!ctk"));
        // The weak attempt did not use the link up.
        AssertStatus(HttpStatusCode.OK, await ResetAsync(client, link, NewPassword));
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_mail()
    {
        await GiveEmailAsync();

        var known = await AskAsync(Client(), Email);
        var unknown = await AskAsync(Client(), "khong.co.ai@example.vn");
        await MailToAsync(Email);

        AssertStatus(known.StatusCode, unknown);
        Assert.Equal(Answer(await known.Content.ReadAsStringAsync()), Answer(await unknown.Content.ReadAsStringAsync()));
        Assert.DoesNotContain(_sink.Messages, m => m.To.Contains("khong.co.ai@example.vn"));
        Assert.Contains("khong.co.ai@example.vn:ResetUnknownEmail", await AuditAsync());
    }

    [Fact]
    public async Task Reset_requests_are_rate_limited_like_sign_in()
    {
        var client = Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            statuses.Add((await AskAsync(client, $"nguoi{i}@example.vn")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    private static string Answer(string html) => AnswerPattern().Match(html).Value;

    [GeneratedRegex(@"https?://\S+/dat-lai-mat-khau\?u=[^&\s]+&t=\S+")]
    private static partial Regex ResetLink();

    [GeneratedRegex("<section class=\"sign-in\"[\\s\\S]*?</section>")]
    private static partial Regex AnswerPattern();
}

public sealed class SqlitePasswordResetTests() : PasswordResetTests(DatabaseProvider.Sqlite);

// SQLite only: the database does not matter to tokens, mail and rate limits.
