using System.ComponentModel.DataAnnotations;
using CucThongKe.CitizenServices.Feedback;
using CucThongKe.CitizenServices.Forms;
using CucThongKe.Theme.Public.Forms;
using CucThongKe.Theme.Public.Navigation;
using Microsoft.AspNetCore.Mvc;

namespace CucThongKe.Theme.Public.Pages;

/// <summary>The feedback form (góp ý): a citizen's feedback becomes a Feedback item for the chosen unit, never published; the citizen gets a tracking code.</summary>
public sealed class SendFeedbackModel(FeedbackSubmission submission, FormToken tokens, CitizenUnits units) : CitizenFormPage<FeedbackInput>(tokens, units)
{
    public static readonly MenuLink Link = SiteMenu.More.Single(m => m.Url == "/gop-y");

    protected override string ConsentMessage => "Cần đồng ý cho Cục xử lý dữ liệu cá nhân để tiếp nhận và trả lời góp ý.";

    protected override string RefusedMessage => "Không gửi được góp ý.";

    public override string Topic => "góp ý";

    public override string ConsentPurpose => "tiếp nhận và trả lời góp ý này";

    public Task OnGetAsync(CancellationToken cancellationToken) => PrepareAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await AcceptAsync(cancellationToken) is not { } unit)
        {
            return Page();
        }

        var (name, email, phone) = Sender();
        var code = await submission.SubmitAsync(name, email, phone, unit, Text(Input.Content!), cancellationToken);
        return Redirect($"/gop-y/tra-cuu?ma={code}&moi=1");
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
}
