using System.Text;

namespace CucThongKe.TextEncoding;

/// <summary>How one word reads (internal detail of the detector, also used for word-by-word conversion).</summary>
internal enum WordReading : byte
{
    /// <summary>ASCII, or nothing any decoder would change: no evidence either way.</summary>
    Neutral,
    /// <summary>A valid Vietnamese syllable as it stands, with only Latin-1 letters ("Thái", "mét").</summary>
    Unicode,
    /// <summary>Has letters only Unicode Vietnamese has (ư ơ ă đ ạ ả ấ …).</summary>
    UnicodeStrong,
    /// <summary>Valid as it stands and also once decoded from TCVN3 and/or VNI ("mét" = TCVN3 "một").</summary>
    Ambiguous,
    /// <summary>Only valid once decoded from TCVN3.</summary>
    Tcvn3,
    /// <summary>Only valid once decoded from VNI.</summary>
    Vni,
    /// <summary>Valid once decoded from either.</summary>
    Both,
    /// <summary>Not Vietnamese in any reading (Café, Müller, São).</summary>
    Foreign,
}

internal readonly record struct WordVerdict(
    int Start, int Length, WordReading Reading, bool Tcvn3, bool Vni, double TcvnWeight = 0, double VniWeight = 0, bool TcvnTelling = false, bool VniTelling = false,
    bool TcvnFits = false, bool VniFits = false);

/// <summary>Tells what a piece of text is written in: clean Unicode, NFD, TCVN3, VNI or a mix.</summary>
/// <remarks>
/// Word by word, against a model of the Vietnamese syllable: a word that is not a syllable as it stands but becomes one
/// once decoded from TCVN3 or VNI votes for that encoding ("TiÕng" → "Tiếng"); a word that already is one, or that has
/// letters only Unicode has (ư ơ ă đ ạ …), is evidence of Unicode. A text is legacy when the votes weigh enough and a
/// word shows a sign no European language writes ("ViÖt", "Th¸i", "Thaønh"), or three words vote, or every word is
/// Vietnamese; so "Café Müller", "Il est tôt" (TCVN3 "tột") or "Non si può fare" (VNI "puị") raise nothing. Legacy
/// votes beside Unicode-only words make it Mixed. The rules in full, with measured figures: README.md.
/// </remarks>
public static class VietnameseTextDetector
{
    private static readonly TextDiagnosis CleanText = new(TextEncodingKind.Unicode, 1, false, false, 0);

    /// <summary>The detector's verdict on <paramref name="text"/>; clean ASCII returns at once.</summary>
    public static TextDiagnosis Detect(string text)
    {
        if (string.IsNullOrEmpty(text) || Ascii.IsValid(text)) return CleanText;
        var nfc = UnicodeText.ToNfc(text);
        var diagnosis = Analyze(nfc, null);
        if (ReferenceEquals(nfc, text)) return diagnosis;
        return diagnosis with
        {
            HasNfd = true,
            Kind = diagnosis.Kind == TextEncodingKind.Unicode ? TextEncodingKind.Nfd : diagnosis.Kind,
        };
    }

    /// <summary>Analyses NFC text word by word; fills <paramref name="words"/> with every non-neutral word when given.</summary>
    internal static TextDiagnosis Analyze(string nfc, List<WordVerdict>? words) => Analyze(nfc, words, out _);

    /// <summary>As above; <paramref name="dominant"/> is the legacy encoding with more votes (TCVN3 or VNI).</summary>
    internal static TextDiagnosis Analyze(string nfc, List<WordVerdict>? words, out TextEncodingKind dominant)
    {
        dominant = TextEncodingKind.Unicode;
        int unicodeStrong = 0, foreign = 0, otherSyllables = 0, unicodeNotTcvn = 0, unicodeNotVni = 0;
        int tcvnWords = 0, vniWords = 0, bothWords = 0, tcvnTelling = 0, vniTelling = 0, tcvnFits = 0, vniFits = 0;
        double tcvnOnly = 0, vniOnly = 0, bothAsTcvn = 0, bothAsVni = 0;
        var lookAlikes = false;
        var span = nfc.AsSpan();
        for (var i = 0; i < span.Length;)
        {
            if (!TextWords.IsWordChar(span[i]))
            {
                i++;
                continue;
            }
            var end = TextWords.WordEnd(span, i);
            var verdict = Judge(span[i..end], i, ref lookAlikes);
            i = end;
            if (verdict.Reading == WordReading.Neutral) continue;
            words?.Add(verdict);
            if (verdict.TcvnFits && verdict.Length > 1) tcvnFits++;
            if (verdict.VniFits && verdict.Length > 1) vniFits++;
            if (verdict.TcvnTelling) tcvnTelling++;
            if (verdict.VniTelling) vniTelling++;
            switch (verdict.Reading)
            {
                case WordReading.UnicodeStrong:
                    unicodeStrong++;
                    break;
                case WordReading.Foreign:
                    foreign++;
                    break;
                case WordReading.Unicode:
                    otherSyllables++;
                    if (!verdict.TcvnFits) unicodeNotTcvn++;
                    if (!verdict.VniFits) unicodeNotVni++;
                    break;
                case WordReading.Ambiguous:
                    otherSyllables++;
                    break;
                case WordReading.Tcvn3:
                    tcvnWords++;
                    tcvnOnly += verdict.TcvnWeight;
                    break;
                case WordReading.Vni:
                    vniWords++;
                    vniOnly += verdict.VniWeight;
                    break;
                case WordReading.Both:
                    bothWords++;
                    bothAsTcvn += verdict.TcvnWeight;
                    bothAsVni += verdict.VniWeight;
                    break;
            }
        }

        // TCVN3 and VNI both put letters on Latin-1 chars, so many legacy words decode to a syllable either way
        // (VNI "tö" = tư, TCVN3 "tö" = tử). The encoding under which more words are syllables wins (then: more words
        // only it explains, more telling words); the text is a mix of the two only when the other also has a fair
        // share of words of its own.
        var tcvnTotal = tcvnOnly + bothAsTcvn;
        var vniTotal = vniOnly + bothAsVni;
        var doubt = Math.Max(tcvnTotal, vniTotal);
        var voters = tcvnWords + vniWords + bothWords;
        // Legacy needs weight 1 and more legacy words than foreign ones, and either a word no European language
        // writes ("ViÖt", "Thaønh"), or three legacy words, or only Vietnamese syllables around ("Tin tøc"): a French
        // "Il est tôt" (TCVN3 "tột") or an Italian "Non si può fare" (VNI "puị") is not enough.
        if (doubt < 1 || voters < foreign
            || (tcvnTelling + vniTelling == 0 && voters < 3 && !VietnameseAround(span, foreign, otherSyllables + voters)))
        {
            return new TextDiagnosis(TextEncodingKind.Unicode, Math.Max(0.5, 1 - 0.2 * Math.Min(doubt, 2)), false, lookAlikes, 0);
        }
        var tcvnWins = tcvnFits != vniFits ? tcvnFits > vniFits
            : tcvnOnly != vniOnly ? tcvnOnly > vniOnly
            : tcvnTelling != vniTelling ? tcvnTelling > vniTelling
            : tcvnTotal >= vniTotal;
        dominant = tcvnWins ? TextEncodingKind.Tcvn3 : TextEncodingKind.Vni;
        var (major, minor) = tcvnWins ? (tcvnOnly, vniOnly) : (vniOnly, tcvnOnly);
        var twoEncodings = minor >= 1.5 && minor >= major / 4;
        var weight = tcvnWins ? tcvnTotal : vniTotal;
        var legacyWords = bothWords + (twoEncodings ? tcvnWords + vniWords : tcvnWins ? tcvnWords : vniWords);
        var confidence = Math.Min(1, 0.6 + 0.2 * weight) * (0.5 + 0.5 * legacyWords / (legacyWords + foreign));
        // Unicode beside the legacy words: a word only Unicode has, or two that are syllables only as they stand (VNI
        // leaves "bình" as it is, TCVN3 does not).
        var unicodeOnly = tcvnWins ? unicodeNotTcvn : unicodeNotVni;
        var kind = twoEncodings || unicodeStrong > 0 || unicodeOnly >= 2 ? TextEncodingKind.Mixed
            : tcvnWins ? TextEncodingKind.Tcvn3 : TextEncodingKind.Vni;
        return new TextDiagnosis(kind, Math.Round(confidence, 3), false, lookAlikes, legacyWords);
    }

    // Whether the words of the text are all Vietnamese syllables: no foreign word, every ASCII word of two letters or
    // more a syllable (initials, "Trần Thị B", say nothing), and at least two syllables in all.
    private static bool VietnameseAround(ReadOnlySpan<char> text, int foreign, int syllables)
    {
        if (foreign > 0) return false;
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsAsciiLetter(text[i]) || (i > 0 && TextWords.IsWordChar(text[i - 1])))
            {
                i++;
                continue;
            }
            var end = TextWords.WordEnd(text, i);
            var word = text[i..end];
            i = end;
            if (word.Length < 2 || !Ascii.IsValid(word)) continue;
            if (!VietnameseSyllable.IsValid(word)) return false;
            syllables++;
        }
        return syllables >= 2;
    }

    private static WordVerdict Judge(ReadOnlySpan<char> word, int start, ref bool lookAlikes)
    {
        if (Ascii.IsValid(word)) return new WordVerdict(start, word.Length, WordReading.Neutral, false, false, 0);
        var strong = false;
        var hasTcvn = false;
        var hasVni = false;
        var lookAlike = false;
        foreach (var c in word)
        {
            strong |= VietnameseLetters.IsBeyondLatin1(c);
            hasTcvn |= Tcvn3Table.IsLegacyChar(c);
            hasVni |= VniTable.IsLegacyChar(c);
            lookAlike |= c is 'Ð' or 'ð';
        }
        if (strong) return new WordVerdict(start, word.Length, WordReading.UnicodeStrong, false, false, 0);
        if (lookAlike && UnicodeText.IsLookAlikeWord(word))
        {
            lookAlikes = true;
            return new WordVerdict(start, word.Length, WordReading.UnicodeStrong, false, false, 0);
        }

        // Capitals inside a lower-case word ("tÕ", "chÕ") are not how Unicode Vietnamese is written.
        var unicodeValid = !HasOddCase(word) && VietnameseSyllable.IsValid(word);
        Span<char> buffer = stackalloc char[16];
        var tcvnValid = false;
        var tcvnStrong = false;
        if (hasTcvn && word.Length <= VietnameseSyllable.MaxLength)
        {
            var decoded = buffer[..word.Length];
            for (var i = 0; i < word.Length; i++)
            {
                var u = Tcvn3Table.ToUnicode(word[i], out _);
                decoded[i] = u != '\0' ? u : word[i];
            }
            tcvnValid = VietnameseSyllable.IsValid(decoded);
            tcvnStrong = HasBeyondLatin1(decoded);
        }
        var vniValid = false;
        var vniStrong = false;
        var vniChanges = false;
        if (hasVni && word.Length <= buffer.Length)
        {
            var decoded = buffer[..VniTable.Decode(word, buffer)];
            vniChanges = !decoded.SequenceEqual(word);
            if (vniChanges)
            {
                vniValid = VietnameseSyllable.IsValid(decoded);
                vniStrong = HasBeyondLatin1(decoded);
            }
        }

        if (unicodeValid)
        {
            // A syllable as it stands is still one in an encoding that leaves it unchanged ("tình" in VNI).
            var reading = tcvnValid || vniValid ? WordReading.Ambiguous : WordReading.Unicode;
            return new WordVerdict(start, word.Length, reading, tcvnValid, vniValid,
                TcvnFits: tcvnValid || !hasTcvn, VniFits: vniValid || !vniChanges);
        }
        if (!tcvnValid && !vniValid) return new WordVerdict(start, word.Length, WordReading.Foreign, false, false);
        var kind = tcvnValid && vniValid ? WordReading.Both : tcvnValid ? WordReading.Tcvn3 : WordReading.Vni;
        var tcvnTelling = tcvnValid && LooksTcvn3(word);
        var vniTelling = vniValid && LooksVni(word);
        return new WordVerdict(start, word.Length, kind, tcvnValid, vniValid,
            Weight(word, tcvnValid, tcvnStrong || tcvnTelling), Weight(word, vniValid, vniStrong || vniTelling), tcvnTelling, vniTelling,
            tcvnValid, vniValid);
    }

    private static double Weight(ReadOnlySpan<char> word, bool valid, bool strong) =>
        !valid || word.Length < 2 ? 0 : strong ? 1 : 0.5;

    // A TCVN3 word that no European language writes: a symbol among its letters ("Th¸i", "®­îc"), ª anywhere or µ
    // after a letter ("kª", "bµn"; "µm" is a unit), or capitals where no case pattern of a word puts them ("ViÖt").
    private static bool LooksTcvn3(ReadOnlySpan<char> word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c == 'ª' || (c == 'µ' && i > 0) || (!char.IsLetter(c) && Tcvn3Table.IsLegacyChar(c))) return true;
        }
        return HasOddCase(word);
    }

    // A VNI word that no European language writes: odd case, a telling mark after a vowel ("Thaønh", "Vieät"), or two
    // VNI chars in a row ("tröôøng").
    private static bool LooksVni(ReadOnlySpan<char> word)
    {
        for (var i = 1; i < word.Length; i++)
        {
            if (VniTable.IsTellingMark(word[i]) && VietnameseLetters.VowelOf(word[i - 1]) >= 0) return true;
            if (word[i] > 0x7F && word[i - 1] > 0x7F && VniTable.IsLegacyChar(word[i]) && VniTable.IsLegacyChar(word[i - 1])) return true;
        }
        return HasOddCase(word);
    }

    // Neither all lower case, nor all capitals, nor a capital followed by lower case.
    private static bool HasOddCase(ReadOnlySpan<char> word)
    {
        for (var i = 1; i < word.Length; i++)
        {
            if (char.IsUpper(word[i]) && char.IsLower(word[i - 1])) return true;
            if (char.IsLower(word[i]) && char.IsUpper(word[i - 1]) && i > 1) return true;
        }
        return false;
    }

    private static bool HasBeyondLatin1(ReadOnlySpan<char> word)
    {
        foreach (var c in word) if (VietnameseLetters.IsBeyondLatin1(c)) return true;
        return false;
    }

    /// <summary>In a mixed text, the encoding word <paramref name="index"/> is in, or null to leave it. A word that only
    /// one encoding explains is converted from it; a word valid in more than one reading ("mét" = TCVN3 "một", VNI
    /// "tö" = tư / TCVN3 tử) is converted from <paramref name="dominant"/> when its nearest deciding neighbours (both,
    /// or the only one there is) are legacy words.</summary>
    internal static TextEncodingKind? EncodingInMixedText(List<WordVerdict> words, int index, TextEncodingKind dominant)
    {
        var word = words[index];
        switch (word.Reading)
        {
            case WordReading.Tcvn3:
                return TextEncodingKind.Tcvn3;
            case WordReading.Vni:
                return TextEncodingKind.Vni;
            case WordReading.Ambiguous:
            case WordReading.Both:
                var before = Decider(words, index, -1);
                var after = Decider(words, index, +1);
                if (before == TextEncodingKind.Unicode || after == TextEncodingKind.Unicode) return null;
                if (before is null && after is null) return null;
                var encoding = word.Reading == WordReading.Both || before is null || after is null || before != after ? dominant : before;
                return (encoding == TextEncodingKind.Tcvn3 && word.Tcvn3) || (encoding == TextEncodingKind.Vni && word.Vni) ? encoding : null;
            default:
                return null;
        }
    }

    private static TextEncodingKind? Decider(List<WordVerdict> words, int index, int step)
    {
        for (var i = index + step; i >= 0 && i < words.Count; i += step)
        {
            switch (words[i].Reading)
            {
                case WordReading.Tcvn3: return TextEncodingKind.Tcvn3;
                case WordReading.Vni: return TextEncodingKind.Vni;
                case WordReading.Unicode or WordReading.UnicodeStrong: return TextEncodingKind.Unicode;
            }
        }
        return null;
    }
}
