using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Contents.Taxonomies;
using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Contents.Fields;

/// <summary>One line of text.</summary>
public sealed class TextField : ContentField
{
    public string? Text { get; set; }

    public override void Prepare(ContentElementContext context) => Text = Text?.Trim();

    public override ValueTask ValidateAsync(ContentElementContext context)
    {
        var settings = context.Settings<TextFieldSettings>();
        FieldChecks.Text(context, nameof(Text), Text, settings.Required, settings.MaxLength);
        if (Text?.Contains('\n', StringComparison.Ordinal) == true)
        {
            context.AddError(nameof(Text), $"{context.DisplayName} chỉ có một dòng.");
        }

        return ValueTask.CompletedTask;
    }
}

public sealed class TextFieldSettings : ContentFieldSettings
{
    public int MaxLength { get; init; } = 500;
}

/// <summary>Several lines of plain text.</summary>
public sealed class MultilineTextField : ContentField
{
    public string? Text { get; set; }

    public override void Prepare(ContentElementContext context) => Text = Text?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    public override ValueTask ValidateAsync(ContentElementContext context)
    {
        var settings = context.Settings<MultilineTextFieldSettings>();
        FieldChecks.Text(context, nameof(Text), Text, settings.Required, settings.MaxLength);
        return ValueTask.CompletedTask;
    }
}

public sealed class MultilineTextFieldSettings : ContentFieldSettings
{
    public int MaxLength { get; init; } = 10_000;
}

/// <summary>Rich text, sanitised on the server.</summary>
public sealed class HtmlField : ContentField
{
    public string? Html { get; set; }

    public override void Prepare(ContentElementContext context) => Html = RichTextSanitizer.Sanitize(Html ?? "");

    public override ValueTask ValidateAsync(ContentElementContext context)
    {
        var settings = context.Settings<HtmlFieldSettings>();
        FieldChecks.Text(context, nameof(Html), Html, settings.Required, settings.MaxLength);
        return ValueTask.CompletedTask;
    }
}

public sealed class HtmlFieldSettings : ContentFieldSettings
{
    public int MaxLength { get; init; } = 1_000_000;
}

/// <summary>A number, with optional bounds and decimal places.</summary>
public sealed class NumericField : ContentField
{
    public decimal? Value { get; set; }

    public override ValueTask ValidateAsync(ContentElementContext context)
    {
        var settings = context.Settings<NumericFieldSettings>();
        if (Value is null)
        {
            FieldChecks.Missing(context, nameof(Value), settings.Required);
        }
        else if (Value < settings.Minimum || Value > settings.Maximum)
        {
            context.AddError(nameof(Value), $"{context.DisplayName} phải nằm trong khoảng {settings.Minimum} đến {settings.Maximum}.");
        }
        else if (decimal.Round(Value.Value, settings.Scale) != Value)
        {
            context.AddError(nameof(Value), $"{context.DisplayName} có tối đa {settings.Scale} chữ số thập phân.");
        }

        return ValueTask.CompletedTask;
    }
}

public sealed class NumericFieldSettings : ContentFieldSettings
{
    public decimal? Minimum { get; init; }

    public decimal? Maximum { get; init; }

    public int Scale { get; init; } = 4;
}

/// <summary>A calendar date (no time), such as an issue date.</summary>
public sealed class DateField : ContentField
{
    public DateOnly? Value { get; set; }

    public override ValueTask ValidateAsync(ContentElementContext context)
    {
        if (Value is null)
        {
            FieldChecks.Missing(context, nameof(Value), context.Settings<ContentFieldSettings>().Required);
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>An exact moment, stored in UTC and shown in Vietnam time.</summary>
public sealed class DateTimeField : ContentField
{
    public DateTime? Value { get; set; }

    public override void Prepare(ContentElementContext context)
    {
        if (Value is { Kind: not DateTimeKind.Utc } value)
        {
            Value = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
        }
    }

    public override ValueTask ValidateAsync(ContentElementContext context)
    {
        if (Value is null)
        {
            FieldChecks.Missing(context, nameof(Value), context.Settings<ContentFieldSettings>().Required);
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Yes or no.</summary>
public sealed class BooleanField : ContentField
{
    public bool Value { get; set; }
}

/// <summary>Terms of a taxonomy (categories, fields of statistics...).</summary>
public sealed class TaxonomyField : ContentField
{
    public List<string> TermIds { get; set; } = [];

    public override void Prepare(ContentElementContext context) =>
        TermIds = [.. TermIds.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.Ordinal)];

    public override async ValueTask ValidateAsync(ContentElementContext context)
    {
        var settings = context.Settings<TaxonomyFieldSettings>();
        if (TermIds.Count == 0)
        {
            FieldChecks.Missing(context, nameof(TermIds), settings.Required);
            return;
        }

        if (!settings.Multiple && TermIds.Count > 1)
        {
            context.AddError(nameof(TermIds), $"{context.DisplayName} chỉ chọn một mục.");
        }

        var db = context.Services.GetRequiredService<CmsDbContext>();
        var known = await db.Set<TaxonomyTerm>().Where(t => t.Taxonomy == settings.Taxonomy && TermIds.Contains(t.TermId)).Select(t => t.TermId).ToListAsync();
        foreach (var missing in TermIds.Except(known, StringComparer.Ordinal))
        {
            context.AddError(nameof(TermIds), $"Danh mục '{settings.Taxonomy}' không có mục '{missing}'.");
        }
    }
}

public sealed class TaxonomyFieldSettings : ContentFieldSettings
{
    public string Taxonomy { get; init; } = "";

    public bool Multiple { get; init; } = true;
}

/// <summary>Images from the media library, each with the alt text readers of screen readers need.</summary>
public sealed class MediaField : ContentField
{
    public List<MediaItem> Items { get; set; } = [];

    public override void Prepare(ContentElementContext context)
    {
        foreach (var item in Items)
        {
            item.Path = item.Path.Trim().TrimStart('/');
            item.AltText = item.AltText?.Trim();
            item.Caption = item.Caption?.Trim();
        }
    }

    public override ValueTask ValidateAsync(ContentElementContext context)
    {
        var settings = context.Settings<MediaFieldSettings>();
        FieldChecks.Files(context, Items.Select(i => i.Path).ToList(), settings.Required, settings.Multiple);
        for (var i = 0; i < Items.Count; i++)
        {
            if (settings.RequireAltText && string.IsNullOrWhiteSpace(Items[i].AltText))
            {
                context.AddError($"Items[{i}].AltText", "Ảnh cần có mô tả thay thế (alt) cho người khiếm thị.");
            }
        }

        return ValueTask.CompletedTask;
    }
}

public sealed class MediaItem
{
    public string Path { get; set; } = "";

    public string? AltText { get; set; }

    public string? Caption { get; set; }
}

public sealed class MediaFieldSettings : ContentFieldSettings
{
    public bool Multiple { get; init; }

    public bool RequireAltText { get; init; } = true;
}

/// <summary>Files to download (PDF, DOCX, XLSX...), each with a title.</summary>
public sealed class AttachmentField : ContentField
{
    public List<AttachmentItem> Items { get; set; } = [];

    public override void Prepare(ContentElementContext context)
    {
        foreach (var item in Items)
        {
            item.Path = item.Path.Trim().TrimStart('/');
            item.Title = item.Title?.Trim();
        }
    }

    public override ValueTask ValidateAsync(ContentElementContext context)
    {
        var settings = context.Settings<AttachmentFieldSettings>();
        FieldChecks.Files(context, Items.Select(i => i.Path).ToList(), settings.Required, multiple: true);
        for (var i = 0; i < Items.Count; i++)
        {
            if (Items[i].Size < 0)
            {
                context.AddError($"Items[{i}].Size", "Kích thước tệp không hợp lệ.");
            }
        }

        return ValueTask.CompletedTask;
    }
}

public sealed class AttachmentItem
{
    public string Path { get; set; } = "";

    public string? Title { get; set; }

    /// <summary>Size in bytes, shown next to the download link.</summary>
    public long? Size { get; set; }
}

public sealed class AttachmentFieldSettings : ContentFieldSettings;

/// <summary>Links to other content items.</summary>
public sealed class ContentPickerField : ContentField
{
    public List<string> ContentItemIds { get; set; } = [];

    public override void Prepare(ContentElementContext context) =>
        ContentItemIds = [.. ContentItemIds.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal)];

    public override async ValueTask ValidateAsync(ContentElementContext context)
    {
        var settings = context.Settings<ContentPickerFieldSettings>();
        if (ContentItemIds.Count == 0)
        {
            FieldChecks.Missing(context, nameof(ContentItemIds), settings.Required);
            return;
        }

        if (!settings.Multiple && ContentItemIds.Count > 1)
        {
            context.AddError(nameof(ContentItemIds), $"{context.DisplayName} chỉ chọn một mục.");
        }

        var db = context.Services.GetRequiredService<CmsDbContext>();
        var found = await db.Set<ContentItem>()
            .Where(c => c.Latest && ContentItemIds.Contains(c.ContentItemId))
            .Select(c => new { c.ContentItemId, c.ContentType })
            .ToListAsync();
        foreach (var id in ContentItemIds)
        {
            var target = found.FirstOrDefault(f => f.ContentItemId == id);
            if (target is null)
            {
                context.AddError(nameof(ContentItemIds), $"Không có nội dung mã '{id}'.");
            }
            else if (settings.DisplayedContentTypes.Count > 0 && !settings.DisplayedContentTypes.Contains(target.ContentType))
            {
                context.AddError(nameof(ContentItemIds), $"Nội dung '{id}' thuộc loại '{target.ContentType}', không được chọn ở đây.");
            }
        }
    }
}

public sealed class ContentPickerFieldSettings : ContentFieldSettings
{
    public bool Multiple { get; init; } = true;

    public List<string> DisplayedContentTypes { get; init; } = [];
}

internal static class FieldChecks
{
    public static void Missing(ContentElementContext context, string property, bool required)
    {
        if (required)
        {
            context.AddError(property, $"{context.DisplayName} là bắt buộc.");
        }
    }

    public static void Text(ContentElementContext context, string property, string? text, bool required, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Missing(context, property, required);
        }
        else if (text.Length > maxLength)
        {
            context.AddError(property, $"{context.DisplayName} dài tối đa {maxLength:N0} ký tự.");
        }
    }

    public static void Files(ContentElementContext context, IReadOnlyList<string> paths, bool required, bool multiple)
    {
        if (paths.Count == 0)
        {
            Missing(context, "Items", required);
            return;
        }

        if (!multiple && paths.Count > 1)
        {
            context.AddError("Items", $"{context.DisplayName} chỉ có một tệp.");
        }

        for (var i = 0; i < paths.Count; i++)
        {
            var path = paths[i];
            if (path.Length == 0 || path.Length > 500 || path.Contains("..", StringComparison.Ordinal) || path.Contains(':', StringComparison.Ordinal) || path.Contains('\\', StringComparison.Ordinal))
            {
                context.AddError($"Items[{i}].Path", $"Đường dẫn tệp '{path}' không hợp lệ: chỉ dùng đường dẫn trong thư viện tệp.");
            }
        }
    }
}
