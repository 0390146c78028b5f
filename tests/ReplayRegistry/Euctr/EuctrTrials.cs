using System.Text;
using System.Text.RegularExpressions;

namespace TrialEvidence.ReplayRegistry;

/// <summary>
/// The EUCTR trials served: the member-state records of EUCTR full-text download files, grouped
/// by EudraCT number in the order the files hold them, each record as its exact text.
/// </summary>
internal sealed partial class EuctrTrials
{
    private EuctrTrials(string header, IReadOnlyList<EuctrTrial> trials)
    {
        Header = header;
        Trials = trials;
    }

    /// <summary>The download's first line (the format's header).</summary>
    public string Header { get; }

    public IReadOnlyList<EuctrTrial> Trials { get; }

    public static EuctrTrials Read(IEnumerable<string> files)
    {
        var header = "This file contains full details on each clinical trial selected for download.";
        var trials = new List<EuctrTrial>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file, Encoding.UTF8);
            var starts = RecordStart().Matches(text);
            if (starts.Count == 0)
            {
                throw new InvalidDataException($"{file} holds no EUCTR record (\"Summary\" then \"EudraCT Number:\").");
            }

            header = text[..text.IndexOf('\n', StringComparison.Ordinal)].TrimEnd('\r').TrimStart('\uFEFF');
            for (var i = 0; i < starts.Count; i++)
            {
                var end = i + 1 < starts.Count ? starts[i + 1].Index : text.Length;
                var number = starts[i].Groups["number"].Value;
                var record = text[starts[i].Index..end];
                var trial = trials.Find(t => t.EudraCtNumber == number);
                if (trial is null)
                {
                    trials.Add(new EuctrTrial(number, [record]));
                }
                else
                {
                    trial.Records.Add(record);
                }
            }
        }

        return new EuctrTrials(header, trials);
    }

    [GeneratedRegex(@"^Summary\r?\nEudraCT Number: (?<number>\S+)", RegexOptions.Multiline)]
    private static partial Regex RecordStart();
}

/// <summary>One trial: its EudraCT number and the text of each member state's record.</summary>
internal sealed record EuctrTrial(string EudraCtNumber, List<string> Records)
{
    public bool Matches(IReadOnlyList<string> words) =>
        words.All(word => Records.Any(record => record.Contains(word, StringComparison.OrdinalIgnoreCase)));
}
