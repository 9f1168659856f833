using CucThongKe.Contents.Definitions;

namespace CucThongKe.Contents.Fields;

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
