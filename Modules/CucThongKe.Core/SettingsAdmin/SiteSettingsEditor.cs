using System.Text.Json;
using System.Text.Json.Nodes;
using CucThongKe.Core.Auditing;
using CucThongKe.Core.Data;
using CucThongKe.Core.Settings;

namespace CucThongKe.Core.SettingsAdmin;

/// <summary>The site settings as the back-office form gives them.</summary>
public sealed class SiteSettingsInput
{
    public string? SiteName { get; set; }

    public string? OwnerName { get; set; }

    public string? ShortName { get; set; }

    public string? BaseUrl { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? Fax { get; set; }

    public string? Email { get; set; }

    public string? ResponsiblePerson { get; set; }

    public string? LicenceNumber { get; set; }

    public string? Citation { get; set; }

    /// <summary>The visitor-statistics script's address; empty for none (the default).</summary>
    public string? AnalyticsScriptUrl { get; set; }

    public int PageSize { get; set; } = 20;

    public static SiteSettingsInput From(SiteSettings s) => new()
    {
        SiteName = s.SiteName, OwnerName = s.OwnerName, ShortName = s.ShortName, BaseUrl = s.BaseUrl, Address = s.Address, Phone = s.Phone,
        Fax = s.Fax, Email = s.Email, ResponsiblePerson = s.ResponsiblePerson, LicenceNumber = s.LicenceNumber, Citation = s.Citation, PageSize = s.PageSize,
        AnalyticsScriptUrl = s.AnalyticsScriptUrl,
    };
}

/// <summary>A refused settings form: 400 with the sentence, nothing stored.</summary>
public sealed class SiteSettingsInputException(string message) : Exception(message);

/// <summary>Changes the site's identity and contacts from the back office, recorded in the admin-audit log.</summary>
public sealed class SiteSettingsEditor(SettingsStore store, CmsDbContext db, UnitOfWork unitOfWork, AdminAuditLog audit, SiteAnalytics analytics)
{
    public const int MaxLength = 500;

    public Task<SiteSettings> GetAsync(CancellationToken cancellationToken = default) => store.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken);

    public Task SaveAsync(SiteSettingsInput input, string userName, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async ct =>
        {
            var values = Check(input);
            var before = await GetAsync(ct);
            await store.MergeAsync(SiteSettings.DocumentName, values, ct);
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(AdminAuditActions.SiteSettings, SiteSettings.DocumentName, "Sửa cài đặt trang (tên, địa chỉ, liên hệ, người chịu trách nhiệm, dòng trích dẫn, thống kê truy cập).",
                JsonSerializer.Serialize(SiteSettingsInput.From(before), CmsJson.Options), values.ToJsonString(CmsJson.Options), actorName: userName, cancellationToken: ct);
            // The cache entry MergeAsync dropped may have been read again before the commit.
            unitOfWork.AfterCommit(() =>
            {
                store.Invalidate(SiteSettings.DocumentName);
                analytics.Invalidate();
            });
        }, cancellationToken);

    private static JsonObject Check(SiteSettingsInput input)
    {
        string? Clean(string? value, string label, bool required = false)
        {
            var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            if (required && text is null)
            {
                throw new SiteSettingsInputException($"Hãy nhập {label}.");
            }

            return text is { Length: > MaxLength } ? throw new SiteSettingsInputException($"{char.ToUpperInvariant(label[0])}{label[1..]} dài quá {MaxLength} ký tự.") : text;
        }

        var email = Clean(input.Email, "thư điện tử");
        if (email is not null && !System.Net.Mail.MailAddress.TryCreate(email, out _))
        {
            throw new SiteSettingsInputException("Địa chỉ thư điện tử không hợp lệ.");
        }

        var baseUrl = Clean(input.BaseUrl, "địa chỉ công khai");
        if (baseUrl is not null && PublicAddress.Of(new SiteSettings { BaseUrl = baseUrl }) is null)
        {
            throw new SiteSettingsInputException("Địa chỉ công khai phải là một địa chỉ http(s) đầy đủ, ví dụ https://thongkethainguyen.gov.vn.");
        }

        var script = AnalyticsScript.Parse(input.AnalyticsScriptUrl, out var analyticsValid);
        if (!analyticsValid)
        {
            throw new SiteSettingsInputException(AnalyticsScript.Refusal);
        }

        if (input.PageSize is < 5 or > 100)
        {
            throw new SiteSettingsInputException("Số mục mỗi trang phải từ 5 đến 100.");
        }

        return new JsonObject
        {
            [nameof(SiteSettings.SiteName)] = Clean(input.SiteName, "tên trang", required: true),
            [nameof(SiteSettings.OwnerName)] = Clean(input.OwnerName, "tên cơ quan chủ quản"),
            [nameof(SiteSettings.ShortName)] = Clean(input.ShortName, "tên viết tắt"),
            [nameof(SiteSettings.BaseUrl)] = baseUrl,
            [nameof(SiteSettings.Address)] = Clean(input.Address, "địa chỉ"),
            [nameof(SiteSettings.Phone)] = Clean(input.Phone, "điện thoại"),
            [nameof(SiteSettings.Fax)] = Clean(input.Fax, "fax"),
            [nameof(SiteSettings.Email)] = email,
            [nameof(SiteSettings.ResponsiblePerson)] = Clean(input.ResponsiblePerson, "người chịu trách nhiệm nội dung"),
            [nameof(SiteSettings.LicenceNumber)] = Clean(input.LicenceNumber, "số giấy phép"),
            [nameof(SiteSettings.Citation)] = Clean(input.Citation, "dòng trích dẫn nguồn", required: true),
            [nameof(SiteSettings.PageSize)] = input.PageSize,
            [nameof(SiteSettings.AnalyticsScriptUrl)] = script?.Url,
        };
    }
}
