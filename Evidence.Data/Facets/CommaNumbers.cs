namespace TrialEvidence.Data.Facets;

/// <summary>Lists of whole numbers as SQLite's group_concat writes them ("3,17,240"): how rowids and facet numbers cross from SQLite as one value.</summary>
public static class CommaNumbers
{
    /// <summary>The numbers of <paramref name="joined"/> in order; none for null or empty. An empty item ("3,,5") reads as 0.</summary>
    public static long[] Parse(string? joined)
    {
        if (string.IsNullOrEmpty(joined))
        {
            return [];
        }

        var numbers = new long[joined.AsSpan().Count(',') + 1];
        var count = 0;
        var number = 0L;
        foreach (var c in joined.AsSpan())
        {
            if (c == ',')
            {
                numbers[count++] = number;
                number = 0;
            }
            else
            {
                number = (number * 10) + (c - '0');
            }
        }

        numbers[count] = number;
        return numbers;
    }
}
