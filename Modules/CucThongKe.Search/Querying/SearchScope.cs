using CucThongKe.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CucThongKe.Search.Querying;

/// <summary>Who sees what in the index: the filter every search runs under.</summary>
internal static class SearchScope
{
    /// <summary>
    /// The public sees published items; an editor also the drafts of the units in scope, each item once: where the
    /// editor may see an item's newer draft, the draft stands for it and its published version is left out.
    /// </summary>
    public static BooleanQuery WithScope(Query main, EditorScope? editor)
    {
        Query scope = new TermQuery(new Term(SearchFields.Visibility, SearchFields.Public));
        if (editor is not null)
        {
            var drafts = new BooleanQuery { { new TermQuery(new Term(SearchFields.Visibility, SearchFields.Draft)), Occur.MUST } };
            var replaced = new BooleanQuery { { new TermQuery(new Term(SearchFields.HasNewerDraft, "yes")), Occur.MUST } };
            if (!editor.AllUnits)
            {
                var units = new BooleanQuery();
                foreach (var unit in editor.UnitIds.Take(BooleanQuery.MaxClauseCount - 1))
                {
                    units.Add(new TermQuery(new Term(SearchFields.Unit, unit)), Occur.SHOULD);
                }

                // No unit: no draft at all (an empty SHOULD-only query would match nothing anyway, said plainly here).
                var inScope = editor.UnitIds.Count == 0 ? (Query)new TermQuery(new Term(SearchFields.Unit, "\0none")) : units;
                drafts.Add(inScope, Occur.MUST);
                replaced.Add(inScope, Occur.MUST);
            }

            var published = new BooleanQuery { { scope, Occur.MUST }, { replaced, Occur.MUST_NOT } };
            scope = new BooleanQuery { { published, Occur.SHOULD }, { drafts, Occur.SHOULD } };
        }

        return new BooleanQuery { { main, Occur.MUST }, { new ConstantScoreQuery(scope) { Boost = 0 }, Occur.MUST } };
    }
}
