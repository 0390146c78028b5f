using System.Text.RegularExpressions;

namespace TrialEvidence.Api.Table1;

/// <summary>
/// Where a printed cell must not break: a line ending at the hyphen of "PD-", "2022-" or "BMS-"
/// leaves an id or a date in two pieces a reader may misread. Unicode's line breaking keeps a hyphen
/// with the number after it only at a number's start, so Word, LibreOffice and browsers break
/// "2022-01-04" after "2022-"; the writers mark these hyphens instead.
/// </summary>
public static partial class LineBreaks
{
    /// <summary>A hyphen after a character and before a digit.</summary>
    [GeneratedRegex(@"(?<=\S)-(?=\d)")]
    public static partial Regex HyphenBeforeDigit();
}
