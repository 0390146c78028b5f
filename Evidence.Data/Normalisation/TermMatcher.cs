using System.Runtime.CompilerServices;

namespace TrialEvidence.Data.Normalisation;

/// <summary>One occurrence of a vocabulary term in a text.</summary>
/// <param name="Value">What the term stands for (e.g. the canonical agent "nivolumab").</param>
/// <param name="Matched">The words as the registry wrote them (e.g. "Opdivo").</param>
/// <param name="Position">Index of the first matched word, to order matches in the text.</param>
/// <param name="Words">How many words of the text it spans ("PD-1" is two: "pd", "1").</param>
public sealed record TermMatch<T>(T Value, string Matched, int Position, int Words = 1);

/// <summary>
/// Finds vocabulary terms in text on whole-word boundaries, ignoring case, spacing, hyphens and
/// punctuation: a term matches a run of consecutive words whose letters and digits, run together,
/// equal the term's. Longer terms win over shorter ones at the same place ("PD-L1" over "PD").
/// A term listed with several values (a co-formulation's code) gives one match per value. Where
/// nothing matches exactly, a word may match one of the <c>nearSpellings</c> (<see cref="NearSpelling"/>).
/// </summary>
public sealed class TermMatcher<T>
{
    /// <summary>Every term's key, letter by letter: a text is matched by walking it from each word, once.</summary>
    private readonly Node _root = new();

    private readonly Dictionary<char, List<(string Key, T Value)>> _nearByFirstLetter = [];

    private readonly HashSet<string> _otherNames;

    /// <summary>
    /// Whether an acronym the record defines in brackets as other words is not the term
    /// (<see cref="AcronymOfOtherWords"/>): for vocabularies that spell out every term they
    /// abbreviate (RT kinds, drugs), not those whose spelled forms vary ("major pathology
    /// response (MPR)", "High-intensity focused ultrasound (HIFU)").
    /// </summary>
    public bool AcronymsMayBeRedefined { get; init; }

    /// <summary>Keys of terms that match only as written, letter case included ("pCR" is not "PCR"), with those spellings.</summary>
    private readonly Dictionary<string, HashSet<string>> _exactCase = new(StringComparer.Ordinal);

    /// <param name="terms">Every wording of every value.</param>
    /// <param name="nearSpellings">
    /// One-word terms also matched when misspelled (<see cref="NearSpelling"/>): names long and
    /// distinctive enough, such as drugs' generic names, never codes or abbreviations.
    /// </param>
    /// <param name="rules">Wordings that are not the terms they contain, and terms whose letter case matters.</param>
    /// <param name="otherNames">Words that are names in their own right (other drugs): never read as misspellings.</param>
    public TermMatcher(
        IEnumerable<(string Term, T Value)> terms,
        IEnumerable<(string Term, T Value)>? nearSpellings = null,
        TermRules? rules = null,
        IEnumerable<string>? otherNames = null)
    {
        ArgumentNullException.ThrowIfNull(terms);
        _otherNames = (otherNames ?? []).Select(TermText.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var notTerm in rules?.NotTerms ?? [])
        {
            // Wordings that hold a term but mean something else ("RT-PCR" is a test, not RT): they match, and give nothing.
            if (NodeOf(TermText.Key(notTerm)) is { } node)
            {
                node.IsNot = true;
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
                if (!_nearByFirstLetter.TryGetValue(key[0], out var list))
                {
                    _nearByFirstLetter[key[0]] = list = [];
                }

                list.Add((key, value));
            }
        }

        foreach (var (term, value) in terms)
        {
            if (NodeOf(TermText.Key(term)) is { } node && !node.Values.Contains(value))
            {
                node.Values.Add(value);
            }
        }
    }

    /// <summary>All matches in reading order; overlapping matches are resolved in favour of the longest.</summary>
    public List<TermMatch<T>> Matches(TermText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // The rules of one study ask the same matcher about the same text many times over: each
        // thread keeps the answers for the texts it read most recently (TermText.Of hands out
        // one instance per text), and gives each caller its own copy of the list.
        if (RecentMatches.TryGet(this, text, out var known))
        {
            return [.. (List<TermMatch<T>>)known];
        }

        var found = Find(text);
        RecentMatches.Add(this, text, found);
        return [.. found];
    }

    private List<TermMatch<T>> Find(TermText text)
    {
        var matches = new List<TermMatch<T>>();
        var words = text.Words;
        var found = new List<(int Words, Node Node)>();
        var i = 0;
        while (i < words.Count)
        {
            // Every term spelled by the words from i on, ending on a word's end, shortest first.
            found.Clear();
            var node = _root;
            for (var j = i; j < words.Count && node is not null; j++)
            {
                foreach (var letter in words[j].Word)
                {
                    if (node.Children is null || !node.Children.TryGetValue(letter, out node))
                    {
                        node = null;
                        break;
                    }
                }

                if (node is not null && node.IsTerm)
                {
                    found.Add((j - i + 1, node));
                }
            }

            var matchedWords = 0;
            for (var f = found.Count - 1; f >= 0; f--)
            {
                var (length, term) = found[f];
                var written = text.Original[words[i].Start..words[i + length - 1].End];
                if (term.Key is { } key && _exactCase.TryGetValue(key, out var forms) && !forms.Contains(Letters(written)))
                {
                    continue; // "PCR" is not the term "pCR"
                }

                if (!term.IsNot && !(AcronymsMayBeRedefined && AcronymOfOtherWords(text, i, length, written, term.Values, matches)))
                {
                    // The same wording standing for several values (a co-formulation's code) gives one match per value.
                    matches.AddRange(term.Values.Select(value => new TermMatch<T>(value, written, i, length)));
                }

                matchedWords = length;
                break;
            }

            if (matchedWords == 0 && TryNear(words[i].Word, out var near))
            {
                matches.Add(new TermMatch<T>(near, text.Original[words[i].Start..words[i].End], i));
            }

            i += Math.Max(1, matchedWords);
        }

        return matches;
    }

    /// <summary>
    /// Whether a term written as an acronym ("IMPT", "MMC") stands in brackets right after the
    /// words whose initials spell it, and those words are not the same term spelled out: the
    /// record defines the acronym as something else ("Intensive Multimodal Physical Therapy
    /// (IMPT)", "Multidisciplinary Melanoma Clinic (MMC)"). "Stereotactic Body Radiation Therapy
    /// (SBRT)" is the term both ways.
    /// </summary>
    private static bool AcronymOfOtherWords(TermText text, int at, int length, string written, IReadOnlyList<T> values, List<TermMatch<T>> before)
    {
        if (length != 1 || written.Length < 3 || !written.All(char.IsAsciiLetterUpper) || at < 2
            || text.Original[..text.Words[at].Start].TrimEnd() is not [.., '('])
        {
            return false;
        }

        // The words spelled by the acronym: one a letter ("Intensive Multimodal Physical Therapy
        // (IMPT)"), or fewer whose initials it keeps in order, first and last letter included
        // ("Photobiomodulation Therapy (PBT)").
        var letters = written.ToLowerInvariant();
        for (var count = written.Length; count >= 2; count--)
        {
            var from = at - count;
            if (from < 0)
            {
                continue;
            }

            var initials = Enumerable.Range(from, count).Select(k => text.Words[k].Word[0]).ToList();
            // As many words as letters, in order, are the letters themselves.
            if (initials[0] == letters[0] && initials[^1] == letters[^1] && IsSubsequence(initials, letters))
            {
                return !before.Any(m => m.Position + m.Words > from && m.Position < at && values.Contains(m.Value));
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="initials"/> appear in <paramref name="letters"/> in order.</summary>
    private static bool IsSubsequence(List<char> initials, string letters)
    {
        var next = 0;
        foreach (var letter in letters)
        {
            if (next < initials.Count && initials[next] == letter)
            {
                next++;
            }
        }

        return next == initials.Count;
    }

    /// <summary>The node that ends <paramref name="key"/>, made if new; none for an empty key.</summary>
    private Node? NodeOf(string key)
    {
        if (key.Length == 0)
        {
            return null;
        }

        var node = _root;
        foreach (var letter in key)
        {
            node.Children ??= [];
            if (!node.Children.TryGetValue(letter, out var next))
            {
                node.Children[letter] = next = new Node();
            }

            node = next;
        }

        node.Key = key;
        return node;
    }

    /// <summary>
    /// What each matcher's near spellings made of the words a thread read most recently: a
    /// registry's texts repeat their long words (drug names, "radiotherapy", "chemotherapy") from
    /// study to study, and each is otherwise measured against every name of its first letter again.
    /// </summary>
    [ThreadStatic]
    private static RecentAnswers<(TermMatcher<T> Matcher, string Word), (bool Near, T Value)>? t_near;

    /// <summary>The one value whose near-spelling term <paramref name="word"/> is a misspelling of; none when no term or several are near.</summary>
    private bool TryNear(string word, out T found)
    {
        found = default!;
        if (!NearSpelling.CanBeMisspelling(word) || _otherNames.Contains(word) || !_nearByFirstLetter.TryGetValue(word[0], out var candidates))
        {
            return false;
        }

        var recent = t_near ??= new RecentAnswers<(TermMatcher<T>, string), (bool, T)>(NearWordsKept, EqualityComparer<(TermMatcher<T>, string)>.Default);
        if (recent.TryGet((this, word), out var known))
        {
            found = known.Value;
            return known.Near;
        }

        var near = Near(word, candidates, out found);
        recent.Add((this, word), (near, found));
        return near;
    }

    /// <summary>How many words' near spellings each thread keeps (<see cref="t_near"/>).</summary>
    private const int NearWordsKept = 16384;

    private static bool Near(string word, List<(string Key, T Value)> candidates, out T found)
    {
        found = default!;
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
    private static string Letters(string text) => string.Concat(TermText.Folded(text).Where(char.IsLetterOrDigit));

    /// <summary>A letter of the keys' trie; <see cref="Key"/> is set where a term or a not-term ends.</summary>
    private sealed class Node
    {
        public Dictionary<char, Node>? Children { get; set; }

        public string? Key { get; set; }

        public List<T> Values { get; } = [];

        public bool IsNot { get; set; }

        public bool IsTerm => Key is not null;
    }
}

/// <summary>
/// The matches each matcher found in the texts a thread read most recently (up to
/// <see cref="Limit"/>, then it starts again): the rules of one study ask the same matcher about
/// the same text many times over, and <see cref="TermText.Of"/> hands out one instance per text.
/// </summary>
internal static class RecentMatches
{
    private const int Limit = 4096;

    [ThreadStatic]
    private static RecentAnswers<(object Matcher, TermText Text), object>? t_found;

    public static bool TryGet(object matcher, TermText text, out object found)
    {
        found = null!;
        return t_found is { } recent && recent.TryGet((matcher, text), out found);
    }

    public static void Add(object matcher, TermText text, object found) =>
        (t_found ??= new RecentAnswers<(object, TermText), object>(Limit, ByReference.Instance)).Add((matcher, text), found);

    /// <summary>Keys compared by the identity of the matcher and of the text.</summary>
    private sealed class ByReference : IEqualityComparer<(object Matcher, TermText Text)>
    {
        public static readonly ByReference Instance = new();

        public bool Equals((object Matcher, TermText Text) x, (object Matcher, TermText Text) y) =>
            ReferenceEquals(x.Matcher, y.Matcher) && ReferenceEquals(x.Text, y.Text);

        public int GetHashCode((object Matcher, TermText Text) key) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(key.Matcher), RuntimeHelpers.GetHashCode(key.Text));
    }
}

/// <summary>
/// What a vocabulary says about its wordings beside their values: wordings that hold a term but
/// mean something else (<see cref="NotTerms"/>: "RT-PCR" holds "RT"), and terms that match only
/// as written, letter case included (<see cref="CaseSensitive"/>: "pCR" is a pathological
/// response, "PCR" a laboratory test).
/// </summary>
public sealed record TermRules(IReadOnlyList<string> NotTerms, IReadOnlyList<string> CaseSensitive);
