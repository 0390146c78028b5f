using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using TrialEvidence.Data.Registry;

namespace TrialEvidence.Data.Registries;

/// <summary>
/// Reads EUCTR's full-text download (ctr-search/rest/download): after a line of header, one
/// record per trial and member state, each beginning "Summary" then "EudraCT Number: ...", its
/// fields one a line ("E.1.1 Medical condition(s) being investigated: ..."), a value running on
/// over the lines that follow until the next field; a translation into the member state's
/// language is the same field with the language after its label ("A.3 Full title of the trial
/// (es): ..."). A record is read into a trial as a protocol page is (<see cref="EuctrRecord"/>);
/// a trial may come twice for one member state (two versions of its protocol), each a record.
/// Values are text: a value that looks like an error of another program (ctrdata's tests write
/// "JSON_ERROR_HERE") is what the record says. Streamed, one record at a time.
/// </summary>
public static partial class EuctrFullText
{
    public const string Format = "EUCTR full-text download";

    /// <summary>The first line of a download, which marks the format (read by content, not by file name).</summary>
    public const string Header = "This file contains full details on each clinical trial selected for download.";

    /// <summary>The section every record reaches: a record without it was cut short.</summary>
    private const string LastSectionRead = "G.";

    /// <summary>The lines of a record's last section, P, which every record ends with.</summary>
    private const string EndOfTrial = "P. End of Trial";


    public static bool IsFullText(string start) => start.StartsWith(Header, StringComparison.Ordinal);

    /// <summary>The trials of a download with the line each record starts on.</summary>
    /// <exception cref="RegistryFormatException">A record cut short (the download ends before its section G), holding no EudraCT number or member state, no record at all, or a byte that is not UTF-8.</exception>
    public static IEnumerable<(RegisteredTrial Trial, long Line)> ReadTrials(Stream text)
    {
        List<string>? record = null;
        long start = 0;
        long number = 0;
        foreach (var line in Lines(text))
        {
            number++;
            // "Summary" begins a record only where "EudraCT Number:" follows it.
            if (line.StartsWith("EudraCT Number:", StringComparison.Ordinal) && record is { Count: > 0 } && record[^1] == EuctrField.Summary)
            {
                record.RemoveAt(record.Count - 1);
                if (record.Count > 0 && start > 0)
                {
                    yield return (Trial(record, start), start);
                }

                (record, start) = ([EuctrField.Summary], number - 1);
            }

            (record ??= []).Add(line);
        }

        if (start == 0)
        {
            throw new RegistryFormatException(Format, "the download holds no trial record (no \"Summary\" followed by \"EudraCT Number:\")", number, 1);
        }

        yield return (Trial(record!, start), start);
    }

    /// <summary>The trials as the records the import stores (see <see cref="RegisteredTrialJson"/>).</summary>
    public static IEnumerable<StudyJson> ReadStudies(Stream text) =>
        ReadTrials(text).Select((t, i) => RegisteredTrialJson.ToStudyJson(t.Trial, i, t.Line));

    /// <summary>
    /// The download's lines (without a byte order mark or line ends), each decoded on its own, so
    /// that a byte that is not UTF-8 is refused at its own line and position, not where a buffered
    /// decoder happened to meet it.
    /// </summary>
    private static IEnumerable<string> Lines(Stream text)
    {
        using var buffered = new BufferedStream(text, 64 * 1024);
        var line = new List<byte>(256);
        long number = 0;
        var first = true;
        for (var b = buffered.ReadByte(); ; b = buffered.ReadByte())
        {
            if (b is '\n' or -1)
            {
                if (b == -1 && line.Count == 0)
                {
                    yield break;
                }

                number++;
                var bytes = CollectionsMarshal.AsSpan(line);
                bytes = first && bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
                bytes = bytes.EndsWith("\r"u8) ? bytes[..^1] : bytes;
                first = false;
                yield return Decode(bytes, number);
                line.Clear();
                if (b == -1)
                {
                    yield break;
                }
            }
            else
            {
                line.Add((byte)b);
            }
        }
    }

    private static string Decode(ReadOnlySpan<byte> bytes, long number)
    {
        var chars = new char[bytes.Length];
        return System.Text.Unicode.Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false) == System.Buffers.OperationStatus.Done
            ? new string(chars, 0, written)
            : throw new RegistryFormatException(Format, "a byte that is not UTF-8", number, read + 1);
    }

    /// <summary>The trial of one record: its lines from "Summary" on, the blank lines that end it dropped.</summary>
    private static RegisteredTrial Trial(List<string> lines, long start)
    {
        var end = lines.FindLastIndex(l => l.Length > 0) + 1;
        var fields = Fields(lines.Take(end), start);
        if (!fields.Any(f => f.Code == LastSectionRead))
        {
            var eudract = fields.FirstOrDefault(f => f.Code == EuctrField.Summary && f.Label == "EudraCT Number")?.Value ?? "no number";
            throw new RegistryFormatException(
                Format, $"the record of {eudract} that begins at line {start} ends before its section G: the download was cut short", start + end - 1, lines[end - 1].Length + 1);
        }

        // Every record of a trial in the EEA ends with section P ("P. End of Trial Status: ..."): a
        // download cut in its last record's sections N or P, or after the "Summary" line of a record
        // it then lacks, ends otherwise. A trial run outside the EEA has no sections N and P (its
        // protocol page ends with G and H.4): its record is whole once it has reached G.
        var outsideEea = fields.Any(f => f.Code == EuctrField.Summary && f.Label == "Clinical Trial Type" && f.Value?.Trim() == "Outside EU/EEA");
        if (!outsideEea && !lines[end - 1].StartsWith(EndOfTrial, StringComparison.Ordinal))
        {
            var eudract = fields.FirstOrDefault(f => f.Code == EuctrField.Summary && f.Label == "EudraCT Number")?.Value ?? "no number";
            throw new RegistryFormatException(
                Format, $"the record of {eudract} that begins at line {start} does not end with its section P (End of Trial): the download was cut short", start + end - 1, lines[end - 1].Length + 1);
        }

        return EuctrRecord.Trial(fields, string.Join('\n', lines.Take(end)), Format, start);
    }

    /// <summary>
    /// The record's fields: the summary's "Label: value" lines, then one field per line that
    /// starts with a section code ("E.1.1", "D.IMP", "B.3.1 and B.3.2") or is a section's heading,
    /// the lines after it that do not (a list, a paragraph) going on its value. Sections N and P
    /// code their lines with the letter alone ("N. Date of Competent Authority Decision: ..."):
    /// such a line is a field only after the heading of section G, so that a paragraph of the
    /// criteria starting "P. falciparum" stays text.
    /// </summary>
    private static List<EuctrField> Fields(IEnumerable<string> lines, long start)
    {
        var fields = new List<(string Code, string Label, List<string> Value, long Line)>();
        var inSummary = true;
        var afterInvestigators = false;
        var number = start - 1;
        foreach (var line in lines)
        {
            number++;
            var heading = Headings.FirstOrDefault(h => line.Trim().Equals(h, StringComparison.OrdinalIgnoreCase));
            var coded = CodedLine().Match(line) is { Success: true } c ? c : afterInvestigators && ReviewLine().Match(line) is { Success: true } r ? r : null;
            if (heading is not null)
            {
                inSummary = false;
                afterInvestigators |= heading.StartsWith(LastSectionRead, StringComparison.Ordinal);
                fields.Add((heading[..2], heading[3..], [], number));
            }
            else if (coded is not null)
            {
                inSummary = false;
                var text = coded.Groups["text"].Value;
                var colon = text.IndexOf(':', StringComparison.Ordinal);
                fields.Add((coded.Groups["code"].Value, colon < 0 ? text : text[..colon], colon < 0 ? [] : [text[(colon + 1)..]], number));
            }
            else if (inSummary && line.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon)
            {
                fields.Add((EuctrField.Summary, line[..colon], [line[(colon + 1)..]], number));
            }
            else if (!inSummary && fields.Count > 0)
            {
                fields[^1].Value.Add(line);
            }
        }

        return fields.ConvertAll(f => EuctrField.Of(f.Code, f.Label, string.Join('\n', f.Value.Select(v => v.Trim()).Where(v => v.Length > 0)), f.Line));
    }

    /// <summary>The sections' headings as the download writes them.</summary>
    private static readonly string[] Headings =
    [
        "A. Protocol Information", "B. Sponsor Information", "C. Applicant Identification", "D. IMP Identification",
        "E. General Information on the Trial", "F. Population of Trial Subjects", "G. Investigator Networks to be involved in the Trial",
        "N. Review by the Competent Authority or Ethics Committee in the country concerned", "P. End of Trial",
    ];

    [GeneratedRegex(@"^(?<code>[A-H]\.(?:[0-9]+(?:\.[0-9]+)*|IMP)(?:\s+(?:and|to)\s+[A-H]\.[0-9]+(?:\.[0-9]+)*)?)(?=[\s:])[ \t]*(?<text>.*)\z")]
    private static partial Regex CodedLine();

    [GeneratedRegex(@"^(?<code>[NP]\.)[ \t]+(?<text>.*)\z")]
    private static partial Regex ReviewLine();
}
