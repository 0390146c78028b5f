namespace TrialEvidence.Api.Table1;

/// <summary>
/// One row of a Table 1: the cells a review prints, each from the normalised record, and the
/// registry version behind them so every cell can be traced (its dates in the printed cell, its
/// content hash in the data files only: CSV and JSON).
/// </summary>
public sealed record Table1Row(
    string NctNumber,
    string? Institution,
    string? Phase,
    string? Disease,
    string? Intervention,
    string? Enrollment,
    string? PrimaryEndpoint,
    string? Status,
    string? RecordVersion,
    long? EnrollmentCount,
    string? EnrollmentType,
    long? FirstEstimatedEnrollment,
    string RegistryUrl,
    string ContentHash,
    string? DataDate = null,
    string? LastUpdate = null,
    string? OtherRegistrations = null)
{
    /// <summary>The first column, always printed: what every row is traced by.</summary>
    public const string NctHeader = "NCT number";

    /// <summary>The printed columns, in order, with their headers.</summary>
    public static readonly (string Header, Func<Table1Row, string?> Cell)[] Columns =
    [
        // A trial registered more than once is one row citing every registration ("NCT03418623; ChiCTR2000099999").
        (NctHeader, r => r.OtherRegistrations is null ? r.NctNumber : $"{r.NctNumber}; {r.OtherRegistrations}"),
        ("Institution", r => r.Institution),
        ("Phase", r => r.Phase),
        ("Disease", r => r.Disease),
        ("Intervention", r => r.Intervention),
        ("Enrollment", r => r.Enrollment),
        ("Primary endpoint", r => r.PrimaryEndpoint),
        ("Status", r => r.Status),
        ("Registry version", r => r.RecordVersion),
    ];

    /// <summary>The columns whose cells a printed table keeps on one line: an id, a phase or a status read broken is misread.</summary>
    public static readonly IReadOnlySet<string> OneLine = new HashSet<string>(StringComparer.Ordinal) { NctHeader, "Phase", "Status" };
}
