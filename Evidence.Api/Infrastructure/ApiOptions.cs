namespace TrialEvidence.Api.Infrastructure;

/// <summary>The "Api" section of appsettings.json.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    public const int MinimumKeyLength = 16;

    /// <summary>What <see cref="KeyIsValid"/> checks, as the start-up error says it.</summary>
    public static readonly string KeyRule =
        $"{Section}:{nameof(HarvestApiKey)} must be at least {MinimumKeyLength} characters (or empty, which switches harvests on demand off)";

    /// <summary>Key for POST /api/topics/{name}/harvest; empty switches the endpoint off. Keep it out of the repository.</summary>
    public string? HarvestApiKey { get; set; }

    /// <summary>Memory for answers of trial lists and Table 1 kept while the database is unchanged (<see cref="ReadCache"/>); 0 switches it off.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 4096)]
    public int ReadCacheMegabytes { get; set; } = 64;

    /// <summary>
    /// Trial lists and Table 1 filtered by several facet values (status=RECRUITING&amp;phase=PHASE2)
    /// merge the values' lists of studies when the narrowest selects at least this many; below,
    /// it reads its studies and the others test each (TrialReads.Select). Set 0 to merge always.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, int.MaxValue)]
    public int MergeFacetFiltersFrom { get; set; } = (int)Trials.TrialReads.IntersectFrom;

    /// <summary>
    /// Keep every study's facet numbers in memory (about 60 bytes a study: 35 MB at 600,000) so
    /// that trial lists of a broad search or several filters count their facets without reading
    /// a row per study (FacetSnapshots); false counts them in SQL.
    /// </summary>
    public bool FacetCodesInMemory { get; set; } = true;

    /// <summary>No key (harvests on demand off), or one long enough not to be guessed.</summary>
    public static bool KeyIsValid(ApiOptions options) => options is { HarvestApiKey: null } or { HarvestApiKey.Length: >= MinimumKeyLength };
}
