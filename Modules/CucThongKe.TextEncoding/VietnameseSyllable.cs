namespace CucThongKe.TextEncoding;

/// <summary>Whether a word is a well-formed Vietnamese syllable: onset + rhyme + one tone, with the spelling rules
/// (k/gh/ngh before i e ê y, c/g/ng elsewhere, "qu") and the tone rule for stopped syllables (final c, ch, p, t take
/// only sắc or nặng). Tone placement does not matter ("hoà" and "hòa" both pass). Upper and lower case alike.</summary>
internal static class VietnameseSyllable
{
    public const int MaxLength = 7; // "nghiêng", "nghiệng"

    // Every rhyme (vowel nucleus with its glide and final), untoned.
    private static readonly HashSet<string> Rhymes = new(StringComparer.Ordinal)
    {
        "a", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at", "au", "ay",
        "ăk", // place names of the Central Highlands: Đắk Lắk, Đắk Nông
        "ăc", "ăm", "ăn", "ăng", "ăp", "ăt",
        "âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây",
        "e", "ec", "em", "en", "eng", "eo", "ep", "et",
        "ê", "êch", "êm", "ên", "ênh", "êp", "êt", "êu",
        "i", "ia", "ich", "im", "in", "inh", "ip", "it", "iu",
        "iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu",
        "o", "oc", "oi", "om", "on", "ong", "op", "ot",
        "oa", "oac", "oach", "oai", "oam", "oan", "oang", "oanh", "oao", "oap", "oat", "oay",
        "oăc", "oăm", "oăn", "oăng", "oăt", "oe", "oem", "oen", "oeo", "oet", "oong", "ooc",
        "ô", "ôc", "ôi", "ôm", "ôn", "ông", "ôp", "ôt",
        "ơ", "ơi", "ơm", "ơn", "ơp", "ơt",
        "u", "uc", "ui", "um", "un", "ung", "up", "ut",
        "ua", "uân", "uâng", "uât", "uây", "uê", "uêch", "uên", "uênh", "uêt", "uơ",
        "uôc", "uôi", "uôm", "uôn", "uông", "uôt",
        "uy", "uya", "uych", "uyn", "uynh", "uyp", "uyt", "uyu", "uyên", "uyêt",
        "ư", "ưa", "ưc", "ưi", "ưm", "ưn", "ưng", "ưt", "ưu",
        "ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu",
        "y", "yêm", "yên", "yêt", "yêu",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RhymeLookup =
        Rhymes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether <paramref name="word"/> (NFC, letters only) is one Vietnamese syllable.</summary>
    public static bool IsValid(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word.Length > MaxLength) return false;
        Span<char> bases = stackalloc char[MaxLength];
        var tone = VietnameseLetters.NoTone;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            var b = VietnameseLetters.BaseOf(c);
            if (b == '\0') return false;
            var t = VietnameseLetters.ToneOf(c);
            if (t != VietnameseLetters.NoTone)
            {
                if (tone != VietnameseLetters.NoTone) return false;
                tone = t;
            }
            bases[i] = b;
        }
        return IsValidUntoned(bases[..word.Length], tone);
    }

    private static bool IsValidUntoned(ReadOnlySpan<char> s, int tone)
    {
        var length = OnsetLength(s);
        if (length < 0) return false;
        var onset = s[..length];
        var rest = s[length..];
        if (onset is "gi")
        {
            // "gi" is an onset ("gia", "giữa") but also contracts with a rhyme in i/iê ("gì", "gìn", "giếng").
            if (Fits(onset, rest, tone)) return true;
            Span<char> withI = stackalloc char[rest.Length + 1];
            withI[0] = 'i';
            rest.CopyTo(withI[1..]);
            return Fits(onset, withI, tone);
        }
        return Fits(onset, rest, tone);
    }

    // The onset is the longest of: ngh ng nh ch gh gi kh ph qu th tr, or one consonant, or none before a vowel; -1 for
    // a letter no syllable starts with (f j w z, q without u).
    private static int OnsetLength(ReadOnlySpan<char> s)
    {
        var next = s.Length > 1 ? s[1] : '\0';
        return s[0] switch
        {
            'n' when next == 'g' => s.Length > 2 && s[2] == 'h' ? 3 : 2,
            'n' when next == 'h' => 2,
            'c' or 'k' or 'p' when next == 'h' => 2,
            'g' when next is 'h' or 'i' => 2,
            't' when next is 'h' or 'r' => 2,
            'q' => next == 'u' ? 2 : -1,
            'b' or 'c' or 'd' or 'đ' or 'g' or 'h' or 'k' or 'l' or 'm' or 'n' or 'p' or 'r' or 's' or 't' or 'v' or 'x' => 1,
            _ => VietnameseLetters.VowelOf(s[0]) >= 0 ? 0 : -1,
        };
    }

    private static bool Fits(ReadOnlySpan<char> onset, ReadOnlySpan<char> rhyme, int tone)
    {
        if (rhyme.IsEmpty || !RhymeLookup.Contains(rhyme)) return false;
        var front = rhyme[0] is 'i' or 'e' or 'ê' or 'y';
        if (onset is "gh" or "ngh" && !front) return false;
        if (onset is "k" && !front && rhyme is not "an") return false; // Bắc Kạn keeps its k
        if (onset is "c" or "g" or "ng" && front && rhyme[0] != 'y') return false;
        var stopped = rhyme[^1] is 'c' or 'k' or 'p' or 't' || rhyme.EndsWith("ch", StringComparison.Ordinal);
        return !stopped || tone is VietnameseLetters.Acute or VietnameseLetters.Dot;
    }
}
