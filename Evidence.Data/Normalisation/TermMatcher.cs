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
/// A term listed with several values (a co-formulation's code) gives one match per value. Where
/// nothing matches exactly, a word may match one of the <c>nearSpellings</c> (<see cref="NearSpelling"/>).
/// </summary>
public sealed class TermMatcher<T>
{
    private readonly Dictionary<char, List<(string Key, T Value)>> _byFirstLetter = [];

    private readonly Dictionary<char, List<(string Key, T Value)>> _nearByFirstLetter = [];

    /// <summary>Keys of wordings that hold a term but mean something else ("RT-PCR" is a test, not RT): they match, and give nothing.</summary>
    private readonly HashSet<string> _notKeys = new(StringComparer.Ordinal);

    /// <summary>Keys of terms that match only as written, letter case included ("pCR" is not "PCR"), with those spellings.</summary>
    private readonly Dictionary<string, HashSet<string>> _exactCase = new(StringComparer.Ordinal);

    /// <param name="terms">Every wording of every value.</param>
    /// <param name="nearSpellings">
    /// One-word terms also matched when misspelled (<see cref="NearSpelling"/>): names long and
    /// distinctive enough, such as drugs' generic names, never codes or abbreviations.
    /// </param>
    /// <param name="rules">Wordings that are not the terms they contain, and terms whose letter case matters.</param>
    public TermMatcher(IEnumerable<(string Term, T Value)> terms, IEnumerable<(string Term, T Value)>? nearSpellings = null, TermRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(terms);
        foreach (var notTerm in rules?.NotTerms ?? [])
        {
            var key = TermText.Key(notTerm);
            if (key.Length > 0 && _notKeys.Add(key))
            {
                Bucket(_byFirstLetter, key[0]).Add((key, default!));
            }
        }

        foreach (var exact in rules?.CaseSensitive ?? [])
        {
            var key = TermText.Key(exact);
            if (!_exactCase.TryGetValue(key, out var forms))
            {
                _exactCase[key] = forms = new HashSet<string>(StringComparer.Ordinal);
            }

            forms.Add(Letters(exact));
        }

        foreach (var (term, value) in nearSpellings ?? [])
        {
            var key = TermText.Key(term);
            if (NearSpelling.CanMatch(key))
            {
                Bucket(_nearByFirstLetter, key[0]).Add((key, value));
            }
        }

        foreach (var (term, value) in terms)
        {
            var key = TermText.Key(term);
            if (key.Length == 0)
            {
                continue;
            }

            Bucket(_byFirstLetter, key[0]).Add((key, value));
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
                string? matchedKey = null;
                foreach (var (key, value) in candidates)
                {
                    if (matchedKey is not null)
                    {
                        // The same wording standing for several values: a co-formulation's code.
                        if (key.Length < matchedKey.Length)
                        {
                            break;
                        }

                        if (key == matchedKey && !_notKeys.Contains(key) && !matches.Any(m => m.Position == i && EqualityComparer<T>.Default.Equals(m.Value, value)))
                        {
                            matches.Add(new TermMatch<T>(value, text.Original[words[i].Start..words[i + matchedWords - 1].End], i));
                        }

                        continue;
                    }

                    var length = WordsSpelling(words, i, key);
                    if (length > 0 && _exactCase.TryGetValue(key, out var forms) && !forms.Contains(Letters(text.Original[words[i].Start..words[i + length - 1].End])))
                    {
                        length = 0; // "PCR" is not the term "pCR"
                    }

                    if (length > 0)
                    {
                        if (!_notKeys.Contains(key))
                        {
                            matches.Add(new TermMatch<T>(value, text.Original[words[i].Start..words[i + length - 1].End], i));
                        }

                        matchedWords = length;
                        matchedKey = key;
                    }
                }
            }

            if (matchedWords == 0 && TryNear(words[i].Word, out var near))
            {
                matches.Add(new TermMatch<T>(near, text.Original[words[i].Start..words[i].End], i));
            }

            i += Math.Max(1, matchedWords);
        }

        return matches;
    }

    /// <summary>The one value whose near-spelling term <paramref name="word"/> is a misspelling of; none when no term or several are near.</summary>
    private bool TryNear(string word, out T found)
    {
        found = default!;
        if (!NearSpelling.CanBeMisspelling(word) || !_nearByFirstLetter.TryGetValue(word[0], out var candidates))
        {
            return false;
        }

        var count = 0;
        foreach (var (key, value) in candidates)
        {
            if (NearSpelling.IsNear(word, key) && (count == 0 || !EqualityComparer<T>.Default.Equals(found, value)))
            {
                found = value;
                count++;
            }
        }

        return count == 1;
    }

    /// <summary>The letters and digits of a text as written, case kept.</summary>
    private static string Letters(string text) => string.Concat(TermText.FoldWidth(text).Where(char.IsLetterOrDigit));

    private static List<(string Key, T Value)> Bucket(Dictionary<char, List<(string Key, T Value)>> buckets, char first)
    {
        if (!buckets.TryGetValue(first, out var list))
        {
            buckets[first] = list = [];
        }

        return list;
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

/// <summary>
/// What a vocabulary says about its wordings beside their values: wordings that hold a term but
/// mean something else (<see cref="NotTerms"/>: "RT-PCR" holds "RT"), and terms that match only
/// as written, letter case included (<see cref="CaseSensitive"/>: "pCR" is a pathological
/// response, "PCR" a laboratory test).
/// </summary>
public sealed record TermRules(IReadOnlyList<string> NotTerms, IReadOnlyList<string> CaseSensitive);
