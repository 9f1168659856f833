using System.Text.RegularExpressions;
using CucThongKe.Core.Data;
using CucThongKe.Core.Recipes;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.CitizenServices.Feedback;

/// <summary>The categories of feedback (data): listed in order, replaced as a whole by the board's page or the recipe.</summary>
public sealed partial class FeedbackCategories(CmsDbContext db)
{
    public const int MaxCount = 50;

    public async Task<IReadOnlyList<FeedbackCategory>> ListAsync(CancellationToken cancellationToken) =>
        await db.Set<FeedbackCategory>().AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Name).Take(MaxCount).ToListAsync(cancellationToken);

    /// <summary>The category <paramref name="categoryId"/> names, or null for none; an id not in the list (another kind of id, a
    /// name, a removed category) is a <see cref="FeedbackInputException"/>.</summary>
    public async Task<string?> CheckAsync(string? categoryId, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(categoryId) ? null
        : categoryId.Length <= 64 && await db.Set<FeedbackCategory>().AnyAsync(c => c.Id == categoryId, cancellationToken) ? categoryId
        : throw new FeedbackInputException("Chủ đề không có trong danh mục chủ đề góp ý.");

    /// <summary>Reads the page's text: one category a line, <c>mã: Tên</c>. A malformed line is a <see cref="FeedbackInputException"/> naming it.</summary>
    public static IReadOnlyList<FeedbackCategory> Parse(string? text)
    {
        var lines = TextNormalizer.Normalize(text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count > MaxCount)
        {
            throw new FeedbackInputException($"Tối đa {MaxCount} chủ đề.");
        }

        return [.. lines.Select((line, i) =>
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            return colon < 0
                ? throw new FeedbackInputException($"Dòng {i + 1} “{line}” phải có dạng “mã: Tên chủ đề”.")
                : new FeedbackCategory { Id = line[..colon].Trim(), Name = line[(colon + 1)..].Trim(), Position = i + 1 };
        })];
    }

    /// <summary>Replaces the list. Each code is lower-case letters, digits and hyphens and appears once, each name is 1 to 200
    /// characters; a category that feedback is classed under cannot be removed. Nothing is saved when one rule fails.</summary>
    public async Task ReplaceAsync(IReadOnlyList<FeedbackCategory> categories, CancellationToken cancellationToken)
    {
        foreach (var category in categories)
        {
            if (!CodePattern().IsMatch(category.Id))
            {
                throw new FeedbackInputException($"Mã “{category.Id}” chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (tối đa 64 ký tự).");
            }

            if (category.Name.Length is 0 or > 200)
            {
                throw new FeedbackInputException($"Tên chủ đề “{category.Id}” dài từ 1 đến 200 ký tự.");
            }
        }

        if (categories.GroupBy(c => c.Id).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new FeedbackInputException($"Mã “{twice.Key}” xuất hiện hai lần.");
        }

        var kept = categories.Select(c => c.Id).ToList();
        var existing = await db.Set<FeedbackCategory>().ToListAsync(cancellationToken);
        var removed = existing.Where(e => !kept.Contains(e.Id)).ToList();
        var removedIds = removed.Select(r => r.Id).ToList();
        if (await db.Set<FeedbackCase>().Where(c => c.CategoryId != null && removedIds.Contains(c.CategoryId)).Select(c => c.CategoryId).FirstOrDefaultAsync(cancellationToken) is { } used)
        {
            throw new FeedbackInputException($"Không xóa được chủ đề “{removed.First(r => r.Id == used).Name}”: đã có góp ý thuộc chủ đề này.");
        }

        db.RemoveRange(removed);
        foreach (var category in categories)
        {
            if (existing.FirstOrDefault(e => e.Id == category.Id) is { } row)
            {
                row.Name = category.Name;
                row.Position = category.Position;
            }
            else
            {
                db.Add(category);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();
}

/// <summary>The <c>FeedbackCategories</c> step: the categories of feedback, in order (<c>Categories: [{ Id, Name }]</c>), replacing the list.</summary>
internal sealed class FeedbackCategoriesRecipeStep(FeedbackCategories categories) : IRecipeStep
{
    public string Name => "FeedbackCategories";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var model = context.Read<StepModel>();
        try
        {
            await categories.ReplaceAsync([.. model.Categories.Select((c, i) => new FeedbackCategory { Id = c.Id ?? "", Name = TextNormalizer.Normalize(c.Name ?? "").Trim(), Position = i + 1 })], cancellationToken);
        }
        catch (FeedbackInputException ex)
        {
            throw context.Error(".Categories", ex.Message);
        }
    }

    private sealed class StepModel
    {
        public List<StepCategory> Categories { get; set; } = [];
    }

    private sealed class StepCategory
    {
        public string? Id { get; set; }

        public string? Name { get; set; }
    }
}
