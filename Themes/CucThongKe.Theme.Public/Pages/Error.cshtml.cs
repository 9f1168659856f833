using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Theme.Public.Pages;

/// <summary>The page shown for errors and status codes, in Vietnamese.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Đã có lỗi";

    public string Message { get; private set; } = "Hệ thống gặp sự cố. Xin vui lòng thử lại sau.";

    /// <summary>The key of <see cref="Microsoft.AspNetCore.Http.HttpContext.Items"/> under which a page that refused a request
    /// leaves the sentence saying why (<see cref="BadQuery"/>); the status-code page is re-executed in the same context.</summary>
    public const string ReasonKey = "CucThongKe.ErrorReason";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Title, Message) = code switch
        {
            404 => ("Không tìm thấy trang", "Trang bạn tìm không có hoặc đã được chuyển đi."),
            403 => ("Không có quyền truy cập", "Bạn không có quyền xem trang này."),
            400 => ("Yêu cầu không hợp lệ", "Dữ liệu gửi lên không hợp lệ."),
            429 => ("Quá nhiều yêu cầu", "Bạn đã gửi quá nhiều yêu cầu. Xin vui lòng thử lại sau ít phút."),
            _ => (Title, Message),
        };
        if (HttpContext.Items[ReasonKey] is string reason)
        {
            Message = reason;
        }

        if (code is >= 400 and < 600)
        {
            Response.StatusCode = code.Value;
        }
    }
}
