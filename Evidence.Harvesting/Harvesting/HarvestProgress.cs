using TrialEvidence.ClinicalTrialsGov;

namespace TrialEvidence.Harvesting;

/// <summary>Where a running harvest stands, reported after every stored page.</summary>
/// <param name="StudiesPerPage">
/// How many studies the registry puts on a page: the largest page so far, which may be fewer than
/// were asked for (the registry caps the page size).
/// </param>
public sealed record HarvestProgress(string Topic, long RunId, long Pages, long? TotalCount, int StudiesPerPage, long Studies, TimeSpan Elapsed)
{
    /// <summary>Set when this report is of a failed registry request that will be tried again, not of a page.</summary>
    public RegistryRetry? Retry { get; init; }

    /// <summary>
    /// The pages the harvest will take, when the total is known and the pages so far agree with it;
    /// null when not (e.g. studies were added while it ran): better no total than "page 5/4".
    /// </summary>
    public long? TotalPages =>
        TotalCount is { } total && StudiesPerPage > 0 && Math.Max(1, (total + StudiesPerPage - 1) / StudiesPerPage) is var pages && pages >= Pages
            ? pages
            : null;

    public double StudiesPerMinute => Studies / Math.Max(Elapsed.TotalMinutes, 1e-6);

    /// <summary>Time left at the rate so far, when the total is known.</summary>
    public TimeSpan? Remaining =>
        TotalCount is { } total && Studies > 0 ? TimeSpan.FromMinutes(Math.Max(0, total - Studies) / StudiesPerMinute) : null;

    public override string ToString() => Retry is { } retry ? $"{Topic}: {retry}" :
        $"{Topic}: page {Pages}{(TotalPages is { } pages ? $"/{pages}" : string.Empty)}, {Studies:N0}{(TotalCount is { } total ? $"/{total:N0}" : string.Empty)} studies, " +
        $"{StudiesPerMinute:N0}/min{(Remaining is { } left ? $", about {left:h\\:mm\\:ss} left" : string.Empty)}";
}
