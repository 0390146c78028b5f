namespace TrialEvidence.Api.Table1;

/// <summary>A printed cell that differs from the same trial's cell in the Table 1 of another registry date.</summary>
public sealed record CellChange(string Column, string? Then, string? Now);

/// <summary>
/// A Table 1 next to the one of the registry as of <see cref="ComparedTo"/>: for each trial, the
/// cells that changed since (by printed column; the registry version column is left out, it moves
/// with any change), and the trials that had no stored version by then.
/// </summary>
public sealed record Table1Comparison(string ComparedTo, IReadOnlyDictionary<string, IReadOnlyList<CellChange>> Changed, IReadOnlyList<string> NewSince)
{
    private static readonly string[] Skipped = ["NCT number", "Registry version"];

    public static Table1Comparison Of(string comparedTo, IReadOnlyList<Table1Row> now, IReadOnlyList<Table1Row> then)
    {
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(then);
        var earlier = then.ToDictionary(r => r.NctNumber, StringComparer.Ordinal);
        var changed = new Dictionary<string, IReadOnlyList<CellChange>>(StringComparer.Ordinal);
        var newSince = new List<string>();
        foreach (var row in now)
        {
            if (!earlier.TryGetValue(row.NctNumber, out var before))
            {
                newSince.Add(row.NctNumber);
                continue;
            }

            var cells = Table1Row.Columns
                .Where(c => !Skipped.Contains(c.Header))
                .Where(c => !string.Equals(c.Cell(before), c.Cell(row), StringComparison.Ordinal))
                .Select(c => new CellChange(c.Header, c.Cell(before), c.Cell(row)))
                .ToList();
            if (cells.Count > 0)
            {
                changed[row.NctNumber] = cells;
            }
        }

        return new Table1Comparison(comparedTo, changed, newSince);
    }

    /// <summary>The change of <paramref name="row"/>'s <paramref name="column"/>, if it changed.</summary>
    public CellChange? Cell(Table1Row row, string column) =>
        Changed.TryGetValue(row?.NctNumber ?? string.Empty, out var cells) ? cells.FirstOrDefault(c => c.Column == column) : null;

    /// <summary>The note under a marked table.</summary>
    public string Note =>
        $"Marked cells changed since the registry as of {ComparedTo}; the value then is given beneath."
        + (NewSince.Count > 0 ? $" Trials marked * had no registry version stored by {ComparedTo}." : string.Empty);
}
