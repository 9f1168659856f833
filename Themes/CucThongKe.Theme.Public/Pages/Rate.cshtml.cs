using CucThongKe.CitizenServices;
using CucThongKe.CitizenServices.Forms;
using CucThongKe.CitizenServices.Rating;
using CucThongKe.Core.Hosting;
using CucThongKe.OutputCache;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CucThongKe.Theme.Public.Pages;

/// <summary>The satisfaction rating of the site, or of an answered question (<c>?cau-hoi=id</c>): one vote per form shown,
/// no personal data asked. Never cached (the form carries a per-visit token); posts are rate-limited.</summary>
[EnableRateLimiting(CitizenServicesModule.RatingRateLimit)]
public sealed class RateModel(SatisfactionRatings ratings, FormToken tokens, FailureStatuses failures) : PageModel
{
    /// <summary>The question rated, or null for the site.</summary>
    [BindProperty(SupportsGet = true, Name = "cau-hoi")]
    public string? QuestionId { get; set; }

    /// <summary>Kept as text so that a score that is not a number gets the form's message, not a binding error.</summary>
    [BindProperty]
    public string? Score { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The anti-spam token, named as on the other citizens' forms.</summary>
    [BindProperty(Name = "Input.Token")]
    public string? Token { get; set; }

    /// <summary>The honeypot: must stay empty.</summary>
    [BindProperty]
    public string? Website { get; set; }

    public string IssuedToken { get; private set; } = "";

    public string? FormError { get; private set; }

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "da-gui")] string? sent, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Sent = sent == "1";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            FormError = "Không tìm thấy câu hỏi đã trả lời để đánh giá.";
            return Page();
        }

        // A score that is not a digit counts as none: the service refuses it with the form's message.
        FormError = !string.IsNullOrEmpty(Website) ? "Không gửi được đánh giá." : tokens.Check(Token);
        var score = Score is { Length: 1 } && int.TryParse(Score, out var parsed) ? parsed : 0;
        if (FormError is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        try
        {
            await ratings.VoteAsync(QuestionId, score, Reason, Token!, cancellationToken);
        }
        catch (Exception ex) when (failures.Describe(ex) is { } failure)
        {
            FormError = this.ShowFailure(failure);
            return Page();
        }

        return Redirect(RateUrl(QuestionId) + (QuestionId is null ? "?" : "&") + "da-gui=1");
    }

    public static string RateUrl(string? questionId) => questionId is null ? "/danh-gia" : "/danh-gia?cau-hoi=" + questionId;

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        CacheTags.DoNotStore(HttpContext);
        if (QuestionId is not null && !await ratings.IsPublishedQuestionAsync(QuestionId, cancellationToken))
        {
            return false;
        }

        IssuedToken = tokens.Issue();
        ViewData["Title"] = QuestionId is null ? "Đánh giá mức độ hài lòng" : "Đánh giá câu trả lời";
        return true;
    }
}
