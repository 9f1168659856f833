using System.ComponentModel.DataAnnotations;
using CucThongKe.CitizenServices.Forms;
using CucThongKe.CitizenServices.Questions;
using CucThongKe.Core.Hosting;
using CucThongKe.Theme.Public.Forms;
using CucThongKe.Theme.Public.Navigation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CucThongKe.Theme.Public.Pages;

/// <summary>The Q&amp;A form (Điều 12.9): a citizen's question becomes a draft for the chosen unit, and the citizen gets a tracking code.</summary>
public sealed class AskQuestionModel(QuestionSubmission submission, SimilarQuestions similar, FormToken tokens, CitizenUnits units, FailureStatuses failures) : CitizenFormPage<QuestionInput>(tokens, units, failures)
{
    protected override string ConsentMessage => "Cần đồng ý cho Cục xử lý dữ liệu cá nhân để trả lời câu hỏi.";

    protected override string RefusedMessage => "Không gửi được câu hỏi.";

    public override string Topic => "hỏi";

    public override string ConsentPurpose => "trả lời câu hỏi này";

    /// <summary>What the citizen looked up before writing (<c>?tim=</c>: the look-up without the script), or null.</summary>
    public string? Lookup { get; private set; }

    public string? LookupError { get; private set; }

    /// <summary>Answered questions like <see cref="Lookup"/>.</summary>
    public IReadOnlyList<SimilarQuestion> Similar { get; private set; } = [];

    public async Task OnGetAsync(string? tim, CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken);
        if (tim is null)
        {
            return;
        }

        Lookup = tim;
        LookupError = SimilarQuestions.Refusal(tim);
        if (LookupError is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Similar = similar.Find(tim);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await AcceptAsync(cancellationToken) is not { } unit)
        {
            return Page();
        }

        var (name, email, phone) = Sender();
        return await SaveAsync(() => submission.SubmitFormAsync(name, email, phone, unit, Text(Input.Question!), Input.Token!, cancellationToken), "/hoi-dap/tra-cuu");
    }

    protected override void Describe()
    {
        ViewData["Title"] = "Gửi câu hỏi";
        ViewData["Description"] = "Gửi câu hỏi về thống kê tới Cục Thống kê tỉnh Thái Nguyên.";
        Breadcrumb.Set(ViewData, SiteMenu.Main.Single(m => m.Url == "/hoi-dap"), new MenuLink("Gửi câu hỏi", "/hoi-dap/gui-cau-hoi"));
    }
}

/// <summary>What the Q&amp;A form posts.</summary>
public sealed class QuestionInput : CitizenFormInput
{
    [Required(ErrorMessage = "Xin vui lòng nhập câu hỏi.")]
    [StringLength(5000, MinimumLength = 20, ErrorMessage = "Câu hỏi dài từ 20 đến 5.000 ký tự.")]
    public string? Question { get; set; }
}
