using System.ComponentModel.DataAnnotations;
using CucThongKe.CitizenServices.Feedback;
using CucThongKe.CitizenServices.Forms;
using CucThongKe.Core.Hosting;
using CucThongKe.Theme.Public.Forms;
using CucThongKe.Theme.Public.Navigation;
using Microsoft.AspNetCore.Mvc;

namespace CucThongKe.Theme.Public.Pages;

/// <summary>The feedback form (góp ý): a citizen's feedback becomes a Feedback item for the chosen unit, never published; the citizen gets a tracking code.</summary>
public sealed class SendFeedbackModel(FeedbackSubmission submission, FeedbackCategories categories, FormToken tokens, CitizenUnits units, FailureStatuses failures) : CitizenFormPage<FeedbackInput>(tokens, units, failures)
{
    public static readonly MenuLink Link = SiteMenu.More.Single(m => m.Url == "/gop-y");

    protected override string ConsentMessage => "Cần đồng ý cho Cục xử lý dữ liệu cá nhân để tiếp nhận và trả lời góp ý.";

    protected override string RefusedMessage => "Không gửi được góp ý.";

    public override string Topic => "góp ý";

    public override string ConsentPurpose => "tiếp nhận và trả lời góp ý này";

    /// <summary>The categories the sender may choose from (optional: the unit classes what comes without one).</summary>
    public IReadOnlyList<FeedbackCategory> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken);
        Categories = await categories.ListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var unit = await AcceptAsync(cancellationToken);
        Categories = await categories.ListAsync(cancellationToken);
        if (unit is null)
        {
            return Page();
        }

        var (name, email, phone) = Sender();
        return await SaveAsync(() => submission.SubmitFormAsync(name, email, phone, unit, Text(Input.Content!), Input.CategoryId, Input.Token!, cancellationToken), "/gop-y/tra-cuu");
    }

    protected override void Describe()
    {
        ViewData["Title"] = "Gửi góp ý";
        ViewData["Description"] = Link.Description;
        Breadcrumb.Set(ViewData, SiteMenu.Main.Single(m => m.Url == "/lien-he"), Link);
    }
}

/// <summary>What the feedback form posts.</summary>
public sealed class FeedbackInput : CitizenFormInput
{
    [Required(ErrorMessage = "Xin vui lòng nhập nội dung góp ý.")]
    [StringLength(5000, MinimumLength = 20, ErrorMessage = "Nội dung góp ý dài từ 20 đến 5.000 ký tự.")]
    public string? Content { get; set; }

    /// <summary>A category's id (<see cref="FeedbackCategories"/>), or empty for none.</summary>
    [StringLength(64)]
    public string? CategoryId { get; set; }
}
