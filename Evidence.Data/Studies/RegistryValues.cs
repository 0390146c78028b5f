namespace TrialEvidence.Data.Studies;

/// <summary>The kinds of outcome a record lists (outcomes.kind), from outcomesModule's three lists.</summary>
public static class OutcomeKind
{
    public const string Primary = "primary";
    public const string Secondary = "secondary";
    public const string Other = "other";
}

/// <summary>The registry's enrollment types (enrollmentInfo.type): a target, or the count after recruitment ended.</summary>
public static class EnrollmentTypes
{
    public const string Estimated = "ESTIMATED";
    public const string Actual = "ACTUAL";
}

/// <summary>How studies.phase holds designModule.phases: joined with "/", e.g. "PHASE1/PHASE2".</summary>
public static class StoredPhases
{
    public const string Separator = "/";

    public static string? Join(IReadOnlyList<string> phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        return phases.Count == 0 ? null : string.Join(Separator, phases);
    }

    public static IEnumerable<string> Split(string phase) => phase.Split(Separator);
}
