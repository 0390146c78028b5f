namespace TrialEvidence.Harvesting;

/// <summary>Where a running harvest stands, reported after every stored page.</summary>
public sealed record HarvestProgress(string Topic, long RunId, long Pages, long? TotalCount, int PageSize, long Studies, TimeSpan Elapsed)
{
    public long? TotalPages => TotalCount is { } total ? Math.Max(1, (total + PageSize - 1) / PageSize) : null;

    public double StudiesPerMinute => Studies / Math.Max(Elapsed.TotalMinutes, 1e-6);

    /// <summary>Time left at the rate so far, when the total is known.</summary>
    public TimeSpan? Remaining =>
        TotalCount is { } total && Studies > 0 ? TimeSpan.FromMinutes(Math.Max(0, total - Studies) / StudiesPerMinute) : null;

    public override string ToString() =>
        $"{Topic}: page {Pages}{(TotalPages is { } pages ? $"/{pages}" : string.Empty)}, {Studies:N0}{(TotalCount is { } total ? $"/{total:N0}" : string.Empty)} studies, " +
        $"{StudiesPerMinute:N0}/min{(Remaining is { } left ? $", about {left:h\\:mm\\:ss} left" : string.Empty)}";
}
