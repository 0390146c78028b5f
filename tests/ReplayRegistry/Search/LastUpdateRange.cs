using System.Globalization;
using System.Text.RegularExpressions;

namespace TrialEvidence.ReplayRegistry;

/// <summary>
/// filter.advanced as incremental harvests use it: AREA[LastUpdatePostDate]RANGE[from,to], inclusive,
/// where from/to are yyyy-MM-dd or MIN/MAX, several clauses joined by AND. Other Essie is rejected.
/// </summary>
internal sealed partial record LastUpdateRange(DateOnly? From, DateOnly? To)
{
    /// <summary>A record without a lastUpdatePostDate is in no range, as in the registry.</summary>
    public bool Contains(DateOnly? date) =>
        date is { } day && (From is null || day >= From) && (To is null || day <= To);

    /// <exception cref="FormatException">A clause is not a LastUpdatePostDate range.</exception>
    public static IReadOnlyList<LastUpdateRange> ParseAll(string filter) =>
        AndSeparator().Split(filter.Trim()).Select(Parse).ToArray();

    private static LastUpdateRange Parse(string clause)
    {
        var match = RangeClause().Match(clause);
        if (!match.Success)
        {
            throw new FormatException(
                $"'{clause}' cannot be evaluated by the replay registry; it supports only AREA[LastUpdatePostDate]RANGE[from,to] clauses joined by AND");
        }

        return new LastUpdateRange(Bound(match.Groups["from"].Value, "MIN"), Bound(match.Groups["to"].Value, "MAX"));
    }

    private static DateOnly? Bound(string value, string open) =>
        value == open ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new FormatException($"'{value}' is not a date (yyyy-MM-dd) or {open}");

    [GeneratedRegex(@"\s+AND\s+", RegexOptions.CultureInvariant)]
    private static partial Regex AndSeparator();

    [GeneratedRegex(@"^AREA\[LastUpdatePostDate\]\s*RANGE\[\s*(?<from>[^,\]\s]+)\s*,\s*(?<to>[^,\]\s]+)\s*\]\z", RegexOptions.CultureInvariant)]
    private static partial Regex RangeClause();
}
