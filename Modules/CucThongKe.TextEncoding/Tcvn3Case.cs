namespace CucThongKe.TextEncoding;

/// <summary>Recovers the case of TCVN3 toned letters after decoding (rules on <see cref="LegacyVietnamese.FromTcvn3"/>).</summary>
internal static class Tcvn3Case
{
    private enum Caps : byte { Undecided, Lower, Upper }

    private readonly record struct Word(int Start, int End, Caps Caps);

    public static void Recover(char[] chars, bool[] unknown)
    {
        var words = new List<Word>();
        for (var i = 0; i < chars.Length;)
        {
            if (!char.IsLetter(chars[i]))
            {
                i++;
                continue;
            }
            var end = i;
            while (end < chars.Length && char.IsLetter(chars[end])) end++;
            words.Add(new Word(i, end, CapsOf(chars, unknown, i, end)));
            i = end;
        }

        for (var w = 0; w < words.Count; w++)
        {
            var (start, end, caps) = words[w];
            var hasUnknown = false;
            for (var i = start; i < end; i++) hasUnknown |= unknown[i];
            if (!hasUnknown) continue;

            if (caps == Caps.Undecided) caps = FromNeighbours(words, w);
            if (caps == Caps.Upper)
            {
                for (var i = start; i < end; i++) if (unknown[i]) chars[i] = char.ToUpperInvariant(chars[i]);
            }
            else if (unknown[start] && StartsSentence(chars, start, words.Count))
            {
                chars[start] = char.ToUpperInvariant(chars[start]);
            }
        }
    }

    // Upper: two or more known letters, all capitals. Lower: any known lower-case letter. Undecided otherwise (no
    // known letter, or a single capital that may be a title-case initial).
    private static Caps CapsOf(char[] chars, bool[] unknown, int start, int end)
    {
        var upper = 0;
        for (var i = start; i < end; i++)
        {
            if (unknown[i]) continue;
            if (char.IsLower(chars[i])) return Caps.Lower;
            if (char.IsUpper(chars[i])) upper++;
        }
        return upper >= 2 ? Caps.Upper : Caps.Undecided;
    }

    private static Caps FromNeighbours(List<Word> words, int w)
    {
        for (var p = w - 1; p >= 0; p--)
        {
            if (words[p].Caps != Caps.Undecided) return words[p].Caps;
        }
        for (var n = w + 1; n < words.Count; n++)
        {
            if (words[n].Caps != Caps.Undecided) return words[n].Caps;
        }
        return Caps.Undecided;
    }

    private static bool StartsSentence(char[] chars, int start, int wordCount)
    {
        for (var i = start - 1; i >= 0; i--)
        {
            var c = chars[i];
            if (c is '\n' or '\r') return true;
            if (char.IsWhiteSpace(c) || c is '"' or '\'' or '(' or '“' or '‘' or '-' or '–' or '—') continue;
            return c is '.' or '!' or '?' or '…';
        }
        return wordCount >= 2;
    }
}
