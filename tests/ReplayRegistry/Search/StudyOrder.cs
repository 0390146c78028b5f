namespace TrialEvidence.ReplayRegistry;

/// <summary>
/// The sort parameter: up to two of NCTId and LastUpdatePostDate, each with an optional :asc or :desc.
/// As in the registry, a date sorts descending unless told otherwise and studies missing the
/// field come last. Ties, and the default order, go by NCT id ascending so paging is deterministic.
/// </summary>
internal static class StudyOrder
{
    public static Comparison<StudyRecord> Default { get; } = ByNctId;

    /// <exception cref="FormatException">An unknown field or direction, or more than two fields.</exception>
    public static Comparison<StudyRecord> Parse(string sort)
    {
        var keys = ListParameter.Split(sort).Select(ParseKey).ToArray();
        if (keys.Length is 0 or > 2)
        {
            throw new FormatException("sort takes one or two fields");
        }

        return (x, y) =>
        {
            foreach (var key in keys)
            {
                var order = key(x, y);
                if (order != 0)
                {
                    return order;
                }
            }

            return ByNctId(x, y);
        };
    }

    private static Comparison<StudyRecord> ParseKey(string item)
    {
        var parts = item.Split(':');
        var field = parts[0];
        var direction = parts.Length switch
        {
            1 => null,
            2 => parts[1],
            _ => throw new FormatException($"'{item}' is not field[:asc|:desc]"),
        };
        var descending = direction switch
        {
            null => field == "LastUpdatePostDate",
            "asc" => false,
            "desc" => true,
            _ => throw new FormatException($"'{direction}' is not a sort direction (asc or desc)"),
        };

        return field switch
        {
            "NCTId" => descending ? (x, y) => ByNctId(y, x) : ByNctId,
            "LastUpdatePostDate" => (x, y) => MissingLast(x.LastUpdatePostDate, y.LastUpdatePostDate, descending),
            _ => throw new FormatException($"the replay registry sorts only by NCTId or LastUpdatePostDate, not '{field}'"),
        };
    }

    private static int ByNctId(StudyRecord x, StudyRecord y) => string.CompareOrdinal(x.NctId, y.NctId);

    private static int MissingLast(DateOnly? x, DateOnly? y, bool descending) => (x, y) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        ({ } a, { } b) => descending ? b.CompareTo(a) : a.CompareTo(b),
    };
}
