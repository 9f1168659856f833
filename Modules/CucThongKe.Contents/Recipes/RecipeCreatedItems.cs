using CucThongKe.Core.Recipes;

namespace CucThongKe.Contents.Recipes;

/// <summary>The items the <c>Content</c> step created in a recipe run (one DI scope, the run's document), so that a later
/// step of the same run may write their past (a demo's or a migration's history) and never touches an item the site had.</summary>
public sealed class RecipeCreatedItems
{
    private readonly Dictionary<RecipeDocument, HashSet<string>> _created = new(ReferenceEqualityComparer.Instance);

    internal void Add(RecipeDocument recipe, string contentItemId)
    {
        if (!_created.TryGetValue(recipe, out var ids))
        {
            _created[recipe] = ids = new HashSet<string>(StringComparer.Ordinal);
        }

        ids.Add(contentItemId);
    }

    /// <summary>Whether <paramref name="recipe"/>'s own <c>Content</c> step created <paramref name="contentItemId"/> in this run.</summary>
    public bool Contains(RecipeDocument recipe, string contentItemId) =>
        _created.TryGetValue(recipe, out var ids) && ids.Contains(contentItemId);
}
