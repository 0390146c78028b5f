using System.Buffers;
using System.Text.RegularExpressions;

namespace TrialEvidence.Data.Normalisation;

/// <summary>
/// Text prepared for term matching: folded (full-width letters and punctuation become
/// ASCII), lower-cased, and cut into words of letters and digits. Each word keeps its position
/// in the original text, so a match can quote exactly what the registry wrote.
/// </summary>
public sealed partial class TermText
{
    private TermText(string original, List<(string Word, int Start, int End)> words)
    {
        Original = original;
        Words = words;
    }

    public string Original { get; }

    /// <summary>Words with their start and end (exclusive) in <see cref="Original"/>.</summary>
    public IReadOnlyList<(string Word, int Start, int End)> Words { get; }

    /// <summary>The <paramref name="count"/> words (or fewer, at the start) before word <paramref name="position"/>.</summary>
    public IEnumerable<string> WordsBefore(int position, int count) =>
        Words.Skip(Math.Max(0, position - count)).Take(Math.Min(count, position)).Select(w => w.Word);

    /// <summary>The original text between word <paramref name="left"/> and word <paramref name="right"/> (spaces, punctuation, a "+" or "/").</summary>
    public ReadOnlySpan<char> Between(int left, int right) => Original.AsSpan(Words[left].End, Words[right].Start - Words[left].End);

    /// <summary>The <paramref name="count"/> words (or fewer, at the end) from word <paramref name="position"/> on.</summary>
    public IEnumerable<string> WordsFrom(int position, int count) => Words.Skip(position).Take(count).Select(w => w.Word);

    /// <summary>The words between two matches in this text, whichever comes first (none where they touch or overlap).</summary>
    public List<string> WordsBetween<T>(TermMatch<T> one, TermMatch<T> other)
    {
        var (first, second) = one.Position < other.Position ? (one, other) : (other, one);
        return [.. WordsFrom(first.Position + first.Words, second.Position - first.Position - first.Words)];
    }

    /// <summary>
    /// Each text cut into sentences (after ". ; : ! ?" and at line breaks), trimmed, empty ones
    /// left out, each with the field it came from. "i.e." and "e.g." end one too: rules read the
    /// protocol's sentences by how they open ("Patients (i.e. treatment-naive) receive ..."), and
    /// joining them changes what those rules see (a measured step of its own).
    /// </summary>
    public static IEnumerable<(string Field, string Sentence)> Sentences(IEnumerable<(string Field, string? Text)> texts) =>
        texts.SelectMany(t => SentenceBreaks().Split(t.Text ?? string.Empty).Select(sentence => (t.Field, Sentence: sentence.Trim())))
            .Where(s => s.Sentence.Length > 0);

    [GeneratedRegex(@"(?<=[.;:!?])\s+|\n+")]
    private static partial Regex SentenceBreaks();

    /// <summary>
    /// The words of a text. The rules of one study read the same titles, sentences and
    /// descriptions many times over, so each thread keeps the texts it cut most recently (up to
    /// <see cref="RecentLimit"/>, then starts again) and cuts each once: a TermText never changes.
    /// </summary>
    public static TermText Of(string? text)
    {
        var original = text ?? string.Empty;
        var recent = t_recent ??= new RecentAnswers<string, TermText>(RecentLimit, StringComparer.Ordinal);
        if (recent.TryGet(original, out var known))
        {
            return known;
        }

        var made = Cut(original);
        recent.Add(original, made);
        return made;
    }

    /// <summary>How many texts a thread keeps cut: more than one study's rules read (a few hundred), few enough to stay small.</summary>
    private const int RecentLimit = 2048;

    [ThreadStatic]
    private static RecentAnswers<string, TermText>? t_recent;

    private static TermText Cut(string original)
    {
        // One word per six characters or so: the list rarely grows, and a text is folded and
        // lower-cased once into a pooled buffer that each word is cut from.
        var words = new List<(string, int, int)>((original.Length / 6) + 1);
        var buffer = ArrayPool<char>.Shared.Rent(original.Length + 1);
        try
        {
            var lowered = buffer.AsSpan(0, original.Length);
            for (var i = 0; i < original.Length; i++)
            {
                lowered[i] = char.ToLowerInvariant(Fold(original[i]));
            }

            var start = -1;
            for (var i = 0; i <= original.Length; i++)
            {
                var folded = i < original.Length ? lowered[i] : ' ';
                if (char.IsDigit(folded) && start >= 0 && IsVersion(original, i) && AllLetters(lowered[start..i], MinimumLettersBeforeDigits))
                {
                    // "RECIST1.1", "CTCAE5.0": a name of four letters or more run into a version number
                    // is the name and the version ("recist" "1" "1"). Only a version: "SIRT1" and
                    // "FLOT1" are genes, not SIRT and FLOT; keys run words together, so codes such as
                    // "SHR1210" and "CTLA4" match as they always did.
                    words.Add((new string(lowered[start..i]), start, i));
                    start = -1;
                }

                if (char.IsLetterOrDigit(folded))
                {
                    if (start < 0)
                    {
                        start = i;
                    }
                }
                else if (start >= 0)
                {
                    words.Add((new string(lowered[start..i]), start, i));
                    start = -1;
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        return new TermText(original, words);
    }

    private const int MinimumLettersBeforeDigits = 4;

    /// <summary>Whether a version number ("1.1", "5.0") starts at <paramref name="index"/>.</summary>
    private static bool IsVersion(string text, int index)
    {
        var i = index;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]);
    }

    /// <summary>Whether a word is all letters, at least <paramref name="count"/> of them.</summary>
    private static bool AllLetters(ReadOnlySpan<char> word, int count)
    {
        if (word.Length < count)
        {
            return false;
        }

        foreach (var c in word)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Text with diacritics, full-width forms and Unicode dashes folded (see <see cref="Fold"/>), as matching sees it.</summary>
    public static string Folded(string text) => Mapped(text, Fold);

    /// <summary>
    /// Text with only full-width forms and Unicode dashes folded, diacritics kept: what a search of
    /// the full-text index sends, whose tokenizer removes accents itself but keeps letters such as
    /// ł and ø that <see cref="Fold"/> would turn into l and o.
    /// </summary>
    public static string WidthFolded(string text) => Mapped(text, FoldWidth);

    private static string Mapped(string text, Func<char, char> fold) => string.Create(text.Length, (text, fold), (span, state) =>
    {
        for (var i = 0; i < state.text.Length; i++)
        {
            span[i] = state.fold(state.text[i]);
        }
    });

    /// <summary>A term's match key: its words run together ("PD-1", "PD1" and "pd 1" all give "pd1").</summary>
    public static string Key(string term)
    {
        var text = Of(term);
        return string.Concat(text.Words.Select(w => w.Word));
    }

    /// <summary>
    /// Latin letters with diacritics (U+00C0-U+017F: "Universität", "Hôpital", "Łódź") to their
    /// base letters, full-width ASCII forms (U+FF01-U+FF5E, common in registry text from East Asia) to ASCII,
    /// the ideographic space to a space, and Unicode dashes and minus signs to a hyphen. Done by
    /// hand rather than with Unicode normalisation, which globalisation-invariant mode lacks.
    /// </summary>
    private static char Fold(char c) => c is >= '\u00C0' and <= '\u017F' ? LatinLetters[c - 0xC0] : FoldWidth(c);

    /// <summary>Full-width forms, the ideographic space and Unicode dashes of <see cref="Fold"/> alone.</summary>
    private static char FoldWidth(char c) => c switch
    {
        < '\u0080' => c,
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' => ' ',
        (>= '\u2010' and <= '\u2015') or '\u2212' => '-',
        _ => c,
    };

    /// <summary>The base letter of each of U+00C0-U+017F, or the letter itself where it has none (Æ, ß, ĸ, Œ).</summary>
    private const string LatinLetters = "AAAAAAÆCEEEEIIIIÐNOOOOO×OUUUUYÞßaaaaaaæceeeeiiiiðnooooo÷ouuuuyþyAaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIıĲĳJjKkĸLlLlLlLlLlNnNnNnŉŊŋOoOoOoŒœRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzſ";
}
