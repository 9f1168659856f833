using System.ComponentModel.DataAnnotations;
using CucThongKe.CitizenServices;
using CucThongKe.CitizenServices.Discussion;
using CucThongKe.CitizenServices.Forms;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Parts;
using CucThongKe.Contents.Published;
using CucThongKe.Core.Hosting;
using CucThongKe.OutputCache;
using CucThongKe.Theme.Public.Navigation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CucThongKe.Theme.Public.Pages;

/// <summary>Readers' discussion of a public item the board opened for it: the accepted comments (paged) and the comment form;
/// a comment waits for a moderator before it shows. Never cached (the form carries per-reader tokens); posts are rate-limited.</summary>
[EnableRateLimiting(CitizenServicesModule.CommentsRateLimit)]
public sealed class DiscussModel(Discussions discussions, FormToken tokens, FailureStatuses failures) : PageModel
{
    [BindProperty]
    public CommentInput Input { get; set; } = new();

    public ContentItem Item { get; private set; } = null!;

    /// <summary>The item's public address.</summary>
    public string ItemUrl { get; private set; } = "/";

    /// <summary>The discussion: whether it takes comments, and the page of accepted ones.</summary>
    public DiscussionDisplay Discussion { get; private set; } = null!;

    public PagedList<PublicComment> Comments => Discussion.Comments;

    public string Token { get; private set; } = "";

    public string? FormError { get; private set; }

    /// <summary>Whether the reader just sent a comment (it waits for a moderator).</summary>
    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, [FromQuery(Name = "trang")] string? page, [FromQuery(Name = "da-gui")] string? sent, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, ParsePage(page), cancellationToken))
        {
            return NotFound();
        }

        Sent = sent == "1";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, 1, cancellationToken))
        {
            return NotFound();
        }

        if (!Input.Consent)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Consent)}", "Cần đồng ý cho Cục xử lý họ tên (và thư điện tử nếu có) để nhận ý kiến.");
        }

        // The honeypot is hidden from people; only robots fill it in.
        FormError = !Discussion.IsOpen ? (Discussion.NotYetOpen ? Discussions.NotYetOpenMessage : Discussions.ClosedMessage)
            : !string.IsNullOrEmpty(Input.Website) ? "Không gửi được ý kiến."
            : tokens.Check(Input.Token);
        if (FormError is not null || !ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        try
        {
            await discussions.SubmitAsync(id, new CommentSubmission(Input.Name!.Trim(), Input.Email?.Trim(), Input.Text!.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()), Input.Token!, cancellationToken);
        }
        catch (Exception ex) when (failures.Describe(ex) is { } failure)
        {
            FormError = this.ShowFailure(failure);
            return Page();
        }

        return Redirect(Discussions.PublicUrl(id) + "?da-gui=1#gui-y-kien");
    }

    private async Task<bool> LoadAsync(string id, int page, CancellationToken cancellationToken)
    {
        CacheTags.DoNotStore(HttpContext);
        if (await discussions.PublicItemAsync(id, cancellationToken) is not { } item
            || await discussions.DisplayAsync(item, page, cancellationToken) is not { } display)
        {
            return false;
        }

        Item = item;
        Discussion = display;
        ItemUrl = "/" + (item.As<AutoroutePart>()?.Path?.Trim('/') ?? "");
        Token = tokens.Issue();
        ViewData["Title"] = "Ý kiến bạn đọc: " + item.DisplayText;
        ViewData["Description"] = "Ý kiến của bạn đọc về “" + item.DisplayText + "” và biểu mẫu gửi ý kiến.";
        Breadcrumb.Set(ViewData, [new MenuLink(item.DisplayText ?? "", ItemUrl), new MenuLink("Ý kiến bạn đọc", Discussions.PublicUrl(id))]);
        return true;
    }

    private static int ParsePage(string? page) => int.TryParse(page, out var number) && number is >= 1 and <= PublicContent.MaxPage ? number : 1;
}

/// <summary>What the comment form posts. Plain text only: it is shown encoded, never as HTML.</summary>
public sealed class CommentInput
{
    [Required(ErrorMessage = "Xin vui lòng nhập họ và tên.")]
    [StringLength(Comment.MaxNameLength, ErrorMessage = "Họ và tên không quá 100 ký tự.")]
    public string? Name { get; set; }

    [EmailAddress(ErrorMessage = "Địa chỉ thư điện tử không hợp lệ.")]
    [StringLength(Comment.MaxEmailLength, ErrorMessage = "Địa chỉ thư điện tử không quá 200 ký tự.")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Xin vui lòng nhập ý kiến.")]
    [StringLength(Comment.MaxTextLength, MinimumLength = Comment.MinTextLength, ErrorMessage = "Ý kiến dài từ 10 đến 3.000 ký tự.")]
    public string? Text { get; set; }

    public bool Consent { get; set; }

    /// <summary>The honeypot: must stay empty.</summary>
    [StringLength(200)]
    public string? Website { get; set; }

    [StringLength(1000)]
    public string? Token { get; set; }
}
