using System.Text.Json.Nodes;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Text;

namespace CucThongKe.Contents.Parts;

/// <summary>The item's title; it is also the text lists show.</summary>
public sealed class TitlePart : ContentPart
{
    public string? Title { get; set; }

    public override void Prepare(ContentElementContext context) => Title = Title?.Trim();

    public override ValueTask ValidateAsync(ContentElementContext context)
    {
        var settings = context.Settings<TitlePartSettings>();
        if (settings.Required && string.IsNullOrWhiteSpace(Title))
        {
            context.AddError(nameof(Title), "Tiêu đề là bắt buộc.");
        }
        else if (Title?.Length > settings.MaxLength)
        {
            context.AddError(nameof(Title), $"Tiêu đề dài tối đa {settings.MaxLength} ký tự.");
        }

        return ValueTask.CompletedTask;
    }
}

public sealed class TitlePartSettings
{
    public bool Required { get; init; } = true;

    public int MaxLength { get; init; } = 500;
}

/// <summary>The item's address on the public site, unique across the site; made from the title when left empty.</summary>
public sealed class AutoroutePart : ContentPart
{
    public string? Path { get; set; }

    public override void Prepare(ContentElementContext context)
    {
        var settings = context.Settings<AutoroutePartSettings>();
        // A title is one segment even when it holds a '/' ("Quyết định 215/QĐ-CTK"); an editor's path may have several.
        var normalized = string.IsNullOrWhiteSpace(Path) ? SlugGenerator.Slugify(TitleOf(context.Item)) : SlugGenerator.NormalizePath(Path);
        if (!string.IsNullOrEmpty(settings.Prefix) && string.IsNullOrWhiteSpace(Path) && normalized.Length > 0)
        {
            normalized = SlugGenerator.NormalizePath(settings.Prefix) + "/" + normalized;
        }

        Path = normalized;
    }

    public override ValueTask ValidateAsync(ContentElementContext context)
    {
        if (string.IsNullOrEmpty(Path))
        {
            context.AddError(nameof(Path), "Cần có đường dẫn (hoặc tiêu đề để tạo đường dẫn).");
        }
        else if (ReservedPrefixes.Any(p => Path == p || Path.StartsWith(p + "/", StringComparison.Ordinal)))
        {
            context.AddError(nameof(Path), $"Đường dẫn '{Path}' trùng với một địa chỉ của hệ thống.");
        }

        return ValueTask.CompletedTask;
    }

    private static string? TitleOf(ContentItem item) =>
        item.Content[nameof(TitlePart)]?[nameof(TitlePart.Title)] is JsonValue value && value.TryGetValue<string>(out var title) ? title : null;

    /// <summary>Paths the site itself answers; content may not take them.</summary>
    public static readonly string[] ReservedPrefixes = ["admin", "api", "health", "dang-nhap", "dang-xuat", "loi", "_content", "media", "lib", "css", "js", "tim-kiem", "rss", "sitemap.xml"];
}

public sealed class AutoroutePartSettings
{
    /// <summary>A path prefix for generated paths, e.g. "tin-tuc".</summary>
    public string? Prefix { get; init; }
}

/// <summary>The rich-text body, sanitised on the server.</summary>
public sealed class HtmlBodyPart : ContentPart
{
    public string? Html { get; set; }

    public override void Prepare(ContentElementContext context) => Html = RichTextSanitizer.Sanitize(Html ?? "");

    public override ValueTask ValidateAsync(ContentElementContext context)
    {
        var settings = context.Settings<HtmlBodyPartSettings>();
        if (settings.Required && string.IsNullOrWhiteSpace(Html))
        {
            context.AddError(nameof(Html), "Nội dung là bắt buộc.");
        }
        else if (Html?.Length > settings.MaxLength)
        {
            context.AddError(nameof(Html), $"Nội dung dài tối đa {settings.MaxLength:N0} ký tự.");
        }
        else if (RichTextImages.WithoutAlt(Html) is { Count: > 0 } missing)
        {
            context.AddError(nameof(Html), RichTextImages.Message(missing));
        }

        return ValueTask.CompletedTask;
    }
}

public sealed class HtmlBodyPartSettings
{
    public bool Required { get; init; }

    public int MaxLength { get; init; } = 2_000_000;
}

/// <summary>A short plain-text summary (sapo) shown in lists and feeds.</summary>
public sealed class SummaryPart : ContentPart
{
    public string? Summary { get; set; }

    public override void Prepare(ContentElementContext context) => Summary = Summary?.Trim();

    public override ValueTask ValidateAsync(ContentElementContext context)
    {
        var settings = context.Settings<SummaryPartSettings>();
        if (settings.Required && string.IsNullOrWhiteSpace(Summary))
        {
            context.AddError(nameof(Summary), "Tóm tắt là bắt buộc.");
        }
        else if (Summary?.Length > settings.MaxLength)
        {
            context.AddError(nameof(Summary), $"Tóm tắt dài tối đa {settings.MaxLength} ký tự.");
        }

        return ValueTask.CompletedTask;
    }
}

public sealed class SummaryPartSettings
{
    public bool Required { get; init; }

    public int MaxLength { get; init; } = 2000;
}

/// <summary>The exact UTC time the item is to be published; publishing before then schedules it instead.</summary>
public sealed class PublishLaterPart : ContentPart
{
    public DateTime? ScheduledPublishUtc { get; set; }

    public override void Prepare(ContentElementContext context)
    {
        if (ScheduledPublishUtc is { Kind: not DateTimeKind.Utc } value)
        {
            ScheduledPublishUtc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
        }
    }
}
