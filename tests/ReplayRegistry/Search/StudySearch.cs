using System.Collections.Frozen;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace TrialEvidence.ReplayRegistry;

/// <summary>A validated GET /studies request: which studies match, in which order, and which page.</summary>
internal sealed record StudySearch(
    IReadOnlyList<AreaQuery> Queries,
    IReadOnlySet<string>? Ids,
    IReadOnlySet<string>? Statuses,
    IReadOnlyList<LastUpdateRange> LastUpdateRanges,
    Comparison<StudyRecord> Order,
    int PageSize,
    bool CountTotal,
    int? PageOffset,
    byte[] Fingerprint)
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 1000;

    private static readonly FrozenSet<string> Accepted = SearchAreas.Parameters
        .Concat(["filter.ids", "filter.overallStatus", "filter.advanced", "fields", "sort", "pageSize", "pageToken", "countTotal", "format"])
        .ToFrozenSet(StringComparer.Ordinal);

    // The Status enum of the API spec (ctg-oas-v2.yaml); the registry rejects other values.
    private static readonly FrozenSet<string> KnownStatuses = new[]
    {
        "ACTIVE_NOT_RECRUITING", "COMPLETED", "ENROLLING_BY_INVITATION", "NOT_YET_RECRUITING", "RECRUITING",
        "SUSPENDED", "TERMINATED", "WITHDRAWN", "AVAILABLE", "NO_LONGER_AVAILABLE", "TEMPORARILY_NOT_AVAILABLE",
        "APPROVED_FOR_MARKETING", "WITHHELD", "UNKNOWN",
    }.ToFrozenSet(StringComparer.Ordinal);

    public bool IsFirstPage => PageOffset is null;

    public bool Matches(StudyRecord study) =>
        (Ids is null || Ids.Contains(study.NctId))
        && (Statuses is null || (study.OverallStatus is { } status && Statuses.Contains(status)))
        && LastUpdateRanges.All(range => range.Contains(study.LastUpdatePostDate))
        && Queries.All(query => query.Matches(study));

    /// <exception cref="FormatException">A parameter is unknown, repeated or invalid; the message names it.</exception>
    public static StudySearch Parse(IQueryCollection query)
    {
        foreach (var (name, values) in query)
        {
            if (!Accepted.Contains(name))
            {
                throw new FormatException($"Unknown parameter '{name}' (or one the replay registry does not replay)");
            }

            if (values.Count > 1)
            {
                throw new FormatException($"Parameter '{name}' is given more than once");
            }
        }

        if (query["format"].ToString() is { Length: > 0 } format && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException("Invalid format: the replay registry serves only format=json");
        }

        var fingerprint = PageToken.Fingerprint(query);
        return new StudySearch(
            SearchAreas.Parameters
                .Select(parameter => Parsed<AreaQuery?>(query, parameter, expression => new AreaQuery(parameter, EssieQuery.Parse(expression)), null))
                .OfType<AreaQuery>()
                .ToArray(),
            Parsed<IReadOnlySet<string>?>(query, "filter.ids", ids => ListParameter.Split(ids).Select(ParseNctId).ToFrozenSet(StringComparer.Ordinal), null),
            Parsed<IReadOnlySet<string>?>(query, "filter.overallStatus", statuses => ListParameter.Split(statuses).Select(ParseStatus).ToFrozenSet(StringComparer.Ordinal), null),
            Parsed(query, "filter.advanced", LastUpdateRange.ParseAll, []),
            Parsed(query, "sort", StudyOrder.Parse, StudyOrder.Default),
            Parsed(query, "pageSize", ParsePageSize, DefaultPageSize),
            Parsed(query, "countTotal", ParseBoolean, false),
            Parsed<int?>(query, "pageToken", token => PageToken.ReadOffset(token, fingerprint), null),
            fingerprint);
    }

    /// <summary>Parses a parameter if it has a value, naming the parameter in any error.</summary>
    private static T Parsed<T>(IQueryCollection query, string name, Func<string, T> parse, T absent)
    {
        var value = query[name].ToString();
        if (string.IsNullOrWhiteSpace(value))
        {
            return absent;
        }

        try
        {
            return parse(value);
        }
        catch (FormatException e)
        {
            throw new FormatException($"Invalid {name}: {e.Message}", e);
        }
    }

    private static string ParseNctId(string value) =>
        NctId.TryNormalize(value, out var nctId) ? nctId : throw new FormatException($"'{value}' is not an NCT id");

    private static string ParseStatus(string value)
    {
        var status = value.ToUpperInvariant();
        return KnownStatuses.Contains(status)
            ? status
            : throw new FormatException($"'{value}' is not a status; expected one of {string.Join(", ", KnownStatuses.Order(StringComparer.Ordinal))}");
    }

    private static int ParsePageSize(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= MaxPageSize
            ? size
            : throw new FormatException($"'{value}' is not a whole number from 1 to {MaxPageSize}");

    private static bool ParseBoolean(string value) =>
        bool.TryParse(value, out var flag) ? flag : throw new FormatException($"'{value}' is not true or false");
}
