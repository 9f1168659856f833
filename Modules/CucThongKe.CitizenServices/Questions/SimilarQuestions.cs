using CucThongKe.CitizenServices.Forms;
using CucThongKe.Search.Querying;
using Microsoft.AspNetCore.Http;

namespace CucThongKe.CitizenServices.Questions;

/// <summary>An answered question like the one a citizen is writing: its title and public address.</summary>
public sealed record SimilarQuestion(string Title, string Url);

/// <summary>Answered questions like a citizen's text, from the public search index (published questions only: the public's
/// search never sees a draft), so that they may find their answer before sending.</summary>
public sealed class SimilarQuestions(SearchService search)
{
    /// <summary>Shorter text says too little to compare.</summary>
    public const int MinLength = 10;

    /// <summary>The question form's own limit (said as "5.000" in the refusal); the search reads the first words only.</summary>
    public const int MaxLength = 5000;

    /// <summary>How many are suggested.</summary>
    public const int Limit = 5;

    /// <summary>Why <paramref name="text"/> cannot be compared, in Vietnamese, or null when it can.</summary>
    public static string? Refusal(string? text) =>
        string.IsNullOrWhiteSpace(text) || text.Trim().Length < MinLength ? $"Cần nhập ít nhất {MinLength} ký tự của câu hỏi."
        : text.Length > MaxLength ? "Câu hỏi dài quá 5.000 ký tự."
        : null;

    /// <summary>Up to <see cref="Limit"/> published questions like <paramref name="text"/>, best first; none for text <see cref="Refusal"/> refuses.</summary>
    public IReadOnlyList<SimilarQuestion> Find(string? text) =>
        Refusal(text) is not null
            ? []
            : [.. search.Search(new SearchRequest(text, CitizenMessageKind.Question.ContentType, PageSize: Limit)).Hits
                .Where(h => !h.Draft && h.Url is not null).Select(h => new SimilarQuestion(h.Title, h.Url!))];

    /// <summary><c>GET /hoi-dap/cau-hoi-tuong-tu?q=</c>: the suggestions as JSON for the question form's script; 400 with the reason for bad text.</summary>
    internal static IResult Endpoint(string? q, SimilarQuestions similar) =>
        Refusal(q) is { } refusal
            ? Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Yêu cầu không hợp lệ", detail: refusal)
            : Results.Ok(similar.Find(q));
}
