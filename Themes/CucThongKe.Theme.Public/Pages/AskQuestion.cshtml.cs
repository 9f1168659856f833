using System.ComponentModel.DataAnnotations;
using CucThongKe.Core.Data;
using CucThongKe.Theme.Public.Navigation;
using CucThongKe.Theme.Public.Questions;
using CucThongKe.Users.Units;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Theme.Public.Pages;

/// <summary>The Q&amp;A form (Điều 12.9): a citizen's question becomes a draft for the chosen unit, and the citizen gets a tracking code.</summary>
[EnableRateLimiting(PublicThemeModule.QuestionRateLimit)]
public sealed class AskQuestionModel(QuestionSubmission submission, CmsDbContext db) : PageModel
{
    [BindProperty]
    public QuestionInput Input { get; set; } = new();

    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public string Token { get; private set; } = "";

    public string? FormError { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken);
        var unit = Units.FirstOrDefault(u => u.Id == Input.UnitId);
        if (unit is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.UnitId)}", "Xin vui lòng chọn đơn vị hoặc lĩnh vực hỏi.");
        }

        if (!Input.Consent)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Consent)}", "Cần đồng ý cho Cục xử lý dữ liệu cá nhân để trả lời câu hỏi.");
        }

        // The honeypot is hidden from people; only robots fill it in.
        FormError = !string.IsNullOrEmpty(Input.Website) ? "Không gửi được câu hỏi." : submission.CheckToken(Input.Token);
        if (FormError is not null || !ModelState.IsValid || unit is null)
        {
            Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest;
            return Page();
        }

        var code = await submission.SubmitAsync(
            TextNormalizer.Normalize(Input.Name!.Trim()),
            Input.Email!.Trim(),
            string.IsNullOrWhiteSpace(Input.Phone) ? null : Input.Phone.Trim(),
            unit.Name,
            TextNormalizer.Normalize(Input.Question!.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()),
            cancellationToken);
        return Redirect($"/hoi-dap/tra-cuu?ma={code}&moi=1");
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        Caching.CacheTags.DoNotStore(HttpContext);
        Token = submission.IssueToken();
        var today = DateOnly.FromDateTime(VietnamTime.FromUtc(DateTime.UtcNow));
        Units = await db.Set<Unit>().AsNoTracking()
            .Where(u => (u.Kind == UnitKind.Department || u.Kind == UnitKind.Branch) && (u.EffectiveTo == null || u.EffectiveTo >= today))
            .OrderBy(u => u.Kind).ThenBy(u => u.Order).ThenBy(u => u.Name)
            .ToListAsync(cancellationToken);
        ViewData["Title"] = "Gửi câu hỏi";
        ViewData["Description"] = "Gửi câu hỏi về thống kê tới Cục Thống kê tỉnh Thái Nguyên.";
        Breadcrumb.Set(ViewData, SiteMenu.Main.Single(m => m.Url == "/hoi-dap"), new MenuLink("Gửi câu hỏi", "/hoi-dap/gui-cau-hoi"));
    }
}

/// <summary>What the Q&amp;A form posts.</summary>
public sealed class QuestionInput
{
    [Required(ErrorMessage = "Xin vui lòng nhập họ và tên.")]
    [StringLength(100, ErrorMessage = "Họ và tên không quá 100 ký tự.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Xin vui lòng nhập địa chỉ thư điện tử để nhận trả lời.")]
    [EmailAddress(ErrorMessage = "Địa chỉ thư điện tử không hợp lệ.")]
    [StringLength(200, ErrorMessage = "Địa chỉ thư điện tử không quá 200 ký tự.")]
    public string? Email { get; set; }

    [RegularExpression(@"^\+?[0-9 .\-]{8,20}$", ErrorMessage = "Số điện thoại chỉ gồm chữ số (8 đến 20 ký tự).")]
    public string? Phone { get; set; }

    [StringLength(100)]
    public string? UnitId { get; set; }

    [Required(ErrorMessage = "Xin vui lòng nhập câu hỏi.")]
    [StringLength(5000, MinimumLength = 20, ErrorMessage = "Câu hỏi dài từ 20 đến 5.000 ký tự.")]
    public string? Question { get; set; }

    public bool Consent { get; set; }

    /// <summary>The honeypot: must stay empty.</summary>
    [StringLength(200)]
    public string? Website { get; set; }

    [StringLength(1000)]
    public string? Token { get; set; }
}
