using System.Text;
using CucThongKe.TextEncoding;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Shingle;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace CucThongKe.Search.Analysis;

/// <summary>Which form of a text field an analyzer produces.</summary>
public enum VietnameseForm
{
    /// <summary>Diacritics kept, lower-cased, one tone-mark placement: "hòa" and "hoà" give "hoà".</summary>
    Exact,

    /// <summary>Diacritics removed and đ → d: "Thống kê" gives "thong", "ke".</summary>
    Folded,

    /// <summary>Pairs of neighbouring folded syllables: "Thống kê dân số" gives "thong ke", "ke dan", "dan so".</summary>
    FoldedPairs,

    /// <summary>Pairs of neighbouring syllables in the exact form: "Thống kê dân số" gives "thống kê", "kê dân", "dân số".</summary>
    ExactPairs,
}

/// <summary>
/// Analyzes Vietnamese text: NFC (decomposed input recomposed, with offsets kept right for highlighting), look-alike
/// letters mapped (Ð → Đ), Unicode word tokens (one per syllable), lower-cased, then the exact or folded form.
/// </summary>
public sealed class VietnameseAnalyzer(VietnameseForm form) : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly Lazy<NormalizeCharMap> CharMap = new(BuildCharMap);

    public VietnameseForm Form { get; } = form;

    protected override TextReader InitReader(string fieldName, TextReader reader) => new MappingCharFilter(CharMap.Value, reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new ToneMarkFilter(stream);
        if (Form is VietnameseForm.Folded or VietnameseForm.FoldedPairs)
        {
            // ASCIIFoldingFilter removes every Vietnamese diacritic and maps đ to d.
            stream = new ASCIIFoldingFilter(stream);
        }

        if (Form is VietnameseForm.FoldedPairs or VietnameseForm.ExactPairs)
        {
            // A phrase of syllables becomes plain terms: "kinh te" side by side is one term, cheap to match and score.
            // Most Vietnamese words are two or three syllables, so "two syllables side by side" is the unit a query's
            // words are matched by ("dân số" is not "dẫn ... so với").
            var pairs = new ShingleFilter(stream, 2, 2);
            pairs.SetOutputUnigrams(false);
            stream = pairs;
        }

        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <summary>Every decomposed (NFD, or marks in the other order, or half-composed) spelling of a Latin letter mapped to its NFC form.</summary>
    private static NormalizeCharMap BuildCharMap()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string from, string to)
        {
            if (from != to && from.Length > 0 && !map.ContainsKey(from))
            {
                map[from] = to;
            }
        }

        foreach (var (start, end) in new[] { (0x00C0, 0x024F), (0x1E00, 0x1EFF) })
        {
            for (var code = start; code <= end; code++)
            {
                var letter = ((char)code).ToString();
                if (!letter.IsNormalized(NormalizationForm.FormC))
                {
                    continue;
                }

                var nfd = letter.Normalize(NormalizationForm.FormD);
                if (nfd.Length == 2)
                {
                    Add(nfd, letter);
                }
                else if (nfd.Length == 3)
                {
                    Add(nfd, letter);
                    Add($"{nfd[0]}{nfd[2]}{nfd[1]}", letter);
                    var withFirst = $"{nfd[0]}{nfd[1]}".Normalize(NormalizationForm.FormC);
                    var withSecond = $"{nfd[0]}{nfd[2]}".Normalize(NormalizationForm.FormC);
                    if (withFirst.Length == 1)
                    {
                        Add(withFirst + nfd[2], letter);
                    }

                    if (withSecond.Length == 1)
                    {
                        Add(withSecond + nfd[1], letter);
                    }
                }
            }
        }

        foreach (var (lookAlike, letter) in VietnameseText.LookAlikes)
        {
            Add(lookAlike.ToString(), letter.ToString());
        }

        var builder = new NormalizeCharMap.Builder();
        foreach (var (from, to) in map)
        {
            builder.Add(from, to);
        }

        return builder.Build();
    }

    /// <summary>Puts each syllable's tone mark where the new rule puts it (see <see cref="VietnameseText.NormalizeToneMark"/>).</summary>
    private sealed class ToneMarkFilter : TokenFilter
    {
        private readonly ICharTermAttribute _term;

        public ToneMarkFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }

            if (_term.Length is >= 2 and <= 16)
            {
                var original = _term.ToString();
                var normalized = VietnameseText.NormalizeToneMark(original);
                if (!ReferenceEquals(original, normalized) && normalized != original)
                {
                    _term.SetEmpty().Append(normalized);
                }
            }

            return true;
        }
    }
}
