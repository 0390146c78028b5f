namespace TrialEvidence.Api.Trials;

/// <summary>Sort keys from an allow-list: the client names one, the SQL comes from here. A leading '-' means descending.</summary>
public static class TrialSort
{
    public static readonly IReadOnlyDictionary<string, string> Columns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["nctId"] = "s.nct_id",
        ["title"] = "s.brief_title",
        ["status"] = "s.overall_status",
        ["phase"] = "s.phase",
        ["enrollment"] = "s.enrollment_count",
        ["start"] = "s.start_date",
        ["updated"] = "s.last_update_posted_date",
        ["sponsor"] = "s.lead_sponsor",
    };

    /// <summary>The ORDER BY for a sort key, or null when the key is not allowed.</summary>
    public static string? OrderBy(string sort)
    {
        ArgumentNullException.ThrowIfNull(sort);
        var descending = sort.StartsWith('-');
        var key = descending ? sort[1..] : sort;
        return Columns.TryGetValue(key, out var column)
            ? $"{column} {(descending ? "DESC" : "ASC")} NULLS LAST, s.nct_id"
            : null;
    }

    public static string Allowed => string.Join(", ", Columns.Keys.SelectMany(k => new[] { k, "-" + k }));
}
