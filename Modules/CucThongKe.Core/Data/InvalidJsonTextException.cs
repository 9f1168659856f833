using System.Text.Json;

namespace CucThongKe.Core.Data;

/// <summary>A JSON string that is not text: half a UTF-16 surrogate pair (<c>\ud800</c>) or bytes that are not UTF-8.</summary>
public sealed class InvalidJsonTextException() : JsonException(Explanation)
{
    public const string Explanation = "văn bản có ký tự không hợp lệ (không phải UTF-8, hoặc nửa cặp UTF-16 như \\ud800).";
}
