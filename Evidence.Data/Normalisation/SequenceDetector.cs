using System.Text.RegularExpressions;

namespace TrialEvidence.Data.Normalisation;

/// <summary>
/// The order of radiotherapy and checkpoint inhibitor where the text states it: "concurrent",
/// "RT then ICI", "ICI then RT", otherwise "unknown". Reads sentences that name both, looking
/// for concurrent/concomitant/simultaneous, "X followed by Y", "X after Y" and "X before Y".
/// </summary>
internal sealed partial class SequenceDetector(VocabularyMatchers vocabulary)
{
    public const string Unknown = "unknown";
    public const string Concurrent = "concurrent";
    public const string RtThenIci = "RT then ICI";
    public const string IciThenRt = "ICI then RT";

    public (string Sequence, string? Field, string? Sentence) Detect(IEnumerable<(string Field, string? Text)> texts)
    {
        foreach (var (field, text) in texts)
        {
            foreach (var sentence in Sentences().Split(text ?? string.Empty))
            {
                var words = TermText.Of(sentence);
                var rt = vocabulary.RtModalities.Matches(words).Select(m => m.Position).DefaultIfEmpty(-1).Min();
                var ici = vocabulary.Agents.Matches(words).Where(m => m.Value.Class == Terms.Ici).Select(m => m.Position)
                    .Concat(vocabulary.IciClassMatches(words).Select(m => m.Position)).DefaultIfEmpty(-1).Min();
                if (rt < 0 || ici < 0)
                {
                    continue;
                }

                if (Order(sentence, words, rt, ici) is { } sequence)
                {
                    return (sequence, field, sentence.Trim());
                }
            }
        }

        return (Unknown, null, null);
    }

    private static string? Order(string sentence, TermText words, int rt, int ici)
    {
        if (ConcurrentWords().IsMatch(sentence))
        {
            return Concurrent;
        }

        var connective = Connective().Match(sentence);
        if (!connective.Success)
        {
            return null;
        }

        // Word index of the connective, to see which therapy stands on which side of it.
        var at = words.Words.Count(w => w.End <= connective.Index);
        var rtFirstInText = rt < ici;
        if (at <= Math.Min(rt, ici) || at > Math.Max(rt, ici))
        {
            return null; // both on one side: the sentence orders something else
        }

        var firstGivenFirst = connective.Groups["after"].Success ? !rtFirstInText : rtFirstInText;
        return firstGivenFirst ? RtThenIci : IciThenRt;
    }

    [GeneratedRegex(@"(?<=[.;])\s+|\n+")]
    private static partial Regex Sentences();

    [GeneratedRegex(@"\b(concurrent(ly)?|concomitant(ly)?|simultaneous(ly)?|at the same time)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ConcurrentWords();

    [GeneratedRegex(@"\b(?:(?<then>followed by|then|before|prior to|preceding)|(?<after>after|following|upon completion of|after completion of))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Connective();
}
