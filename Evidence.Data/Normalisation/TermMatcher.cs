namespace TrialEvidence.Data.Normalisation;

/// <summary>One occurrence of a vocabulary term in a text.</summary>
/// <param name="Value">What the term stands for (e.g. the canonical agent "nivolumab").</param>
/// <param name="Matched">The words as the registry wrote them (e.g. "Opdivo").</param>
/// <param name="Position">Index of the first matched word, to order matches in the text.</param>
public sealed record TermMatch<T>(T Value, string Matched, int Position);

/// <summary>
/// Finds vocabulary terms in text on whole-word boundaries, ignoring case, spacing, hyphens and
/// punctuation: a term matches a run of consecutive words whose letters and digits, run together,
/// equal the term's. Longer terms win over shorter ones at the same place ("PD-L1" over "PD").
/// </summary>
public sealed class TermMatcher<T>
{
    private readonly Dictionary<char, List<(string Key, T Value)>> _byFirstLetter = [];

    public TermMatcher(IEnumerable<(string Term, T Value)> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        foreach (var (term, value) in terms)
        {
            var key = TermText.Key(term);
            if (key.Length == 0)
            {
                continue;
            }

            var bucket = key[0];
            if (!_byFirstLetter.TryGetValue(bucket, out var list))
            {
                _byFirstLetter[bucket] = list = [];
            }

            list.Add((key, value));
        }

        foreach (var list in _byFirstLetter.Values)
        {
            list.Sort((a, b) => b.Key.Length.CompareTo(a.Key.Length));
        }
    }

    /// <summary>All matches in reading order; overlapping matches are resolved in favour of the longest.</summary>
    public List<TermMatch<T>> Matches(TermText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var matches = new List<TermMatch<T>>();
        var words = text.Words;
        var i = 0;
        while (i < words.Count)
        {
            var matchedWords = 0;
            if (_byFirstLetter.TryGetValue(words[i].Word[0], out var candidates))
            {
                foreach (var (key, value) in candidates)
                {
                    var length = WordsSpelling(words, i, key);
                    if (length > 0)
                    {
                        matches.Add(new TermMatch<T>(value, text.Original[words[i].Start..words[i + length - 1].End], i));
                        matchedWords = length;
                        break;
                    }
                }
            }

            i += Math.Max(1, matchedWords);
        }

        return matches;
    }

    /// <summary>How many words starting at <paramref name="start"/> spell <paramref name="key"/> exactly; 0 if none.</summary>
    private static int WordsSpelling(IReadOnlyList<(string Word, int Start, int End)> words, int start, string key)
    {
        var position = 0;
        for (var i = start; i < words.Count; i++)
        {
            var word = words[i].Word;
            if (string.CompareOrdinal(key, position, word, 0, word.Length) != 0 || position + word.Length > key.Length)
            {
                return 0;
            }

            position += word.Length;
            if (position == key.Length)
            {
                return i - start + 1;
            }
        }

        return 0;
    }
}
