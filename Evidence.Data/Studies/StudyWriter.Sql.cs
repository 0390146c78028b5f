using System.Text.Encodings.Web;
using System.Text.Json;
using TrialEvidence.Data.Normalisation;

namespace TrialEvidence.Data.Studies;

public sealed partial class StudyWriter
{
    // Ids of a batch travel as one JSON array parameter and are expanded with json_each, so every
    // statement stays parameterised and is prepared once per batch, whatever the batch size.
    private const string SelectKnownVersions = """
        SELECT nct_id AS NctId, content_hash AS ContentHash
        FROM study_versions
        WHERE nct_id IN (SELECT value FROM json_each(@Ids))
        """;

    private const string SelectCurrentVersions = """
        SELECT nct_id AS NctId, last_update_posted_date AS LastUpdatePostedDate, version_holder AS VersionHolder, current_version_id AS CurrentVersionId, via AS Via
        FROM studies
        WHERE nct_id IN (SELECT value FROM json_each(@Ids))
        """;

    private const string SelectSnapshots = """
        SELECT nct_id AS NctId, last_update_posted_date AS LastUpdatePostedDate, count AS Count, type AS Type
        FROM enrollment_snapshots
        WHERE nct_id IN (SELECT value FROM json_each(@Ids))
        ORDER BY COALESCE(last_update_posted_date, ''), id
        """;

    // On SQLite raw_json is '' for versions stored since migration 0014: the record is in raw
    // (StoredJson). PostgreSQL keeps it as text in raw_json, which it compresses itself.
    private const string InsertVersion = """
        INSERT INTO study_versions (nct_id, version_holder, last_update_posted_date, content_hash, fetched_at, source, via, raw_json, raw, raw_size)
        VALUES (@NctId, @VersionHolder, @LastUpdatePostedDate, @ContentHash, @FetchedAt, @Source, @Via, @RawJson, @Raw, @RawSize)
        """;

    private static (string, Func<VersionRow, object?>)[] VersionColumns(bool postgres) =>
    [
        ("NctId", x => x.Record.NctId),
        ("VersionHolder", x => x.Record.VersionHolder),
        ("LastUpdatePostedDate", x => x.Record.LastUpdatePostedDate),
        ("ContentHash", x => x.ContentHash),
        ("FetchedAt", x => x.FetchedAt),
        ("Source", x => x.Source),
        ("Via", x => x.Record.Via),
        ("RawJson", x => postgres ? System.Text.Encoding.UTF8.GetString(x.RawUtf8.Span) : string.Empty),
        ("Raw", x => postgres ? null : x.Raw),
        ("RawSize", x => postgres ? null : x.RawUtf8.Length),
    ];

    // The studies just added, into the sponsor trigram index in one statement (migration 0019);
    // a changed sponsor and a deleted study update it by trigger (0018).
    private const string IndexNewSponsors = """
        INSERT INTO sponsor_search (rowid, lead_sponsor)
        SELECT rowid, lead_sponsor FROM studies WHERE nct_id IN (SELECT value FROM json_each(@Ids))
        """;

    private const string VersionIdOf = "(SELECT id FROM study_versions WHERE nct_id = @NctId AND content_hash = @ContentHash)";

    private const string UpsertStudy = $"""
        INSERT INTO studies (
            nct_id, brief_title, official_title, acronym, organization, org_study_id,
            overall_status, last_known_status, why_stopped, study_type, phase,
            allocation, intervention_model, primary_purpose, masking,
            enrollment_count, enrollment_type,
            start_date, start_date_type, primary_completion_date, primary_completion_date_type,
            completion_date, completion_date_type, first_posted_date, last_update_posted_date,
            lead_sponsor, lead_sponsor_class, brief_summary, has_results, version_holder,
            registry, registry_status, via, current_version_id, updated_at)
        VALUES (
            @NctId, @BriefTitle, @OfficialTitle, @Acronym, @Organization, @OrgStudyId,
            @OverallStatus, @LastKnownStatus, @WhyStopped, @StudyType, @Phase,
            @Allocation, @InterventionModel, @PrimaryPurpose, @Masking,
            @EnrollmentCount, @EnrollmentType,
            @StartDate, @StartDateType, @PrimaryCompletionDate, @PrimaryCompletionDateType,
            @CompletionDate, @CompletionDateType, @FirstPostedDate, @LastUpdatePostedDate,
            @LeadSponsor, @LeadSponsorClass, @BriefSummary, @HasResults, @VersionHolder,
            @Registry, @RegistryStatus, @Via, {VersionIdOf}, @UpdatedAt)
        ON CONFLICT (nct_id) DO UPDATE SET
            brief_title = excluded.brief_title, official_title = excluded.official_title,
            acronym = excluded.acronym, organization = excluded.organization, org_study_id = excluded.org_study_id,
            overall_status = excluded.overall_status, last_known_status = excluded.last_known_status,
            why_stopped = excluded.why_stopped, study_type = excluded.study_type, phase = excluded.phase,
            allocation = excluded.allocation, intervention_model = excluded.intervention_model,
            primary_purpose = excluded.primary_purpose, masking = excluded.masking,
            enrollment_count = excluded.enrollment_count, enrollment_type = excluded.enrollment_type,
            start_date = excluded.start_date, start_date_type = excluded.start_date_type,
            primary_completion_date = excluded.primary_completion_date,
            primary_completion_date_type = excluded.primary_completion_date_type,
            completion_date = excluded.completion_date, completion_date_type = excluded.completion_date_type,
            first_posted_date = excluded.first_posted_date, last_update_posted_date = excluded.last_update_posted_date,
            lead_sponsor = excluded.lead_sponsor, lead_sponsor_class = excluded.lead_sponsor_class,
            brief_summary = excluded.brief_summary, has_results = excluded.has_results,
            version_holder = excluded.version_holder, registry = excluded.registry, registry_status = excluded.registry_status, via = excluded.via,
            current_version_id = excluded.current_version_id,
            updated_at = excluded.updated_at
        """;

    private static readonly (string, Func<StudyRow, object?>)[] StudyColumns =
    [
        ("NctId", x => x.Record.NctId),
        ("BriefTitle", x => x.Record.BriefTitle),
        ("OfficialTitle", x => x.Record.OfficialTitle),
        ("Acronym", x => x.Record.Acronym),
        ("Organization", x => x.Record.Organization),
        ("OrgStudyId", x => x.Record.OrgStudyId),
        ("OverallStatus", x => x.Record.OverallStatus),
        ("LastKnownStatus", x => x.Record.LastKnownStatus),
        ("WhyStopped", x => x.Record.WhyStopped),
        ("StudyType", x => x.Record.StudyType),
        ("Phase", x => StoredPhases.Join(x.Record.Phases)),
        ("Allocation", x => x.Record.Allocation),
        ("InterventionModel", x => x.Record.InterventionModel),
        ("PrimaryPurpose", x => x.Record.PrimaryPurpose),
        ("Masking", x => x.Record.Masking),
        ("EnrollmentCount", x => x.Record.EnrollmentCount),
        ("EnrollmentType", x => x.Record.EnrollmentType),
        ("StartDate", x => x.Record.StartDate),
        ("StartDateType", x => x.Record.StartDateType),
        ("PrimaryCompletionDate", x => x.Record.PrimaryCompletionDate),
        ("PrimaryCompletionDateType", x => x.Record.PrimaryCompletionDateType),
        ("CompletionDate", x => x.Record.CompletionDate),
        ("CompletionDateType", x => x.Record.CompletionDateType),
        ("FirstPostedDate", x => x.Record.FirstPostedDate),
        ("LastUpdatePostedDate", x => x.Record.LastUpdatePostedDate),
        ("LeadSponsor", x => x.Record.LeadSponsor),
        ("LeadSponsorClass", x => x.Record.LeadSponsorClass),
        ("BriefSummary", x => x.Record.BriefSummary),
        ("HasResults", x => x.Record.HasResults),
        ("VersionHolder", x => x.Record.VersionHolder),
        ("Registry", x => x.Record.Registry),
        ("RegistryStatus", x => x.Record.RegistryStatus),
        ("Via", x => x.Record.Via),
        ("ContentHash", x => x.ContentHash),
        ("UpdatedAt", x => x.UpdatedAt),
    ];

    // Child rows are replaced whole when a version becomes current: a record's lists carry no
    // stable ids in the registry, so positions (ordinal) are the only identity they have.
    private static readonly string[] DeleteChildren =
    [
        "DELETE FROM conditions WHERE nct_id IN (SELECT value FROM json_each(@Ids))",
        "DELETE FROM keywords WHERE nct_id IN (SELECT value FROM json_each(@Ids))",
        "DELETE FROM mesh_terms WHERE nct_id IN (SELECT value FROM json_each(@Ids))",
        "DELETE FROM interventions WHERE nct_id IN (SELECT value FROM json_each(@Ids))",
        "DELETE FROM arm_groups WHERE nct_id IN (SELECT value FROM json_each(@Ids))",
        "DELETE FROM outcomes WHERE nct_id IN (SELECT value FROM json_each(@Ids))",
        "DELETE FROM locations WHERE nct_id IN (SELECT value FROM json_each(@Ids))",
        "DELETE FROM secondary_ids WHERE nct_id IN (SELECT value FROM json_each(@Ids))",
        "DELETE FROM collaborators WHERE nct_id IN (SELECT value FROM json_each(@Ids))",
    ];

    /// <summary>An item of a plain string list (conditions, keywords) with its position.</summary>
    private sealed record ListItem(string NctId, int Ordinal, string Value);

    private static readonly (string, Func<ListItem, object?>)[] ListItemColumns =
    [
        ("NctId", x => x.NctId),
        ("Ordinal", x => x.Ordinal),
        ("Value", x => x.Value),
    ];

    private const string InsertCondition = "INSERT INTO conditions (nct_id, ordinal, name) VALUES (@NctId, @Ordinal, @Value)";

    private const string InsertKeyword = "INSERT INTO keywords (nct_id, ordinal, keyword) VALUES (@NctId, @Ordinal, @Value)";

    private const string InsertMeshTerm = """
        INSERT INTO mesh_terms (nct_id, browse_module, relation, ordinal, mesh_id, term)
        VALUES (@NctId, @BrowseModule, @Relation, @Ordinal, @MeshId, @Term)
        """;

    private static readonly (string, Func<MeshTerm, object?>)[] MeshTermColumns =
    [
        ("NctId", x => x.NctId),
        ("BrowseModule", x => x.BrowseModule),
        ("Relation", x => x.Relation),
        ("Ordinal", x => x.Ordinal),
        ("MeshId", x => x.MeshId),
        ("Term", x => x.Term),
    ];

    private const string InsertIntervention = """
        INSERT INTO interventions (nct_id, ordinal, type, name, description, other_names, arm_group_labels)
        VALUES (@NctId, @Ordinal, @Type, @Name, @Description, @OtherNames, @ArmGroupLabels)
        """;

    private static readonly (string, Func<Intervention, object?>)[] InterventionColumns =
    [
        ("NctId", x => x.NctId),
        ("Ordinal", x => x.Ordinal),
        ("Type", x => x.Type),
        ("Name", x => x.Name),
        ("Description", x => x.Description),
        ("OtherNames", x => JsonText.Of(StoredList(x.OtherNames))),
        ("ArmGroupLabels", x => JsonText.Of(StoredList(x.ArmGroupLabels))),
    ];

    private const string InsertArmGroup = """
        INSERT INTO arm_groups (nct_id, ordinal, label, type, description, intervention_names)
        VALUES (@NctId, @Ordinal, @Label, @Type, @Description, @InterventionNames)
        """;

    private static readonly (string, Func<ArmGroup, object?>)[] ArmGroupColumns =
    [
        ("NctId", x => x.NctId),
        ("Ordinal", x => x.Ordinal),
        ("Label", x => x.Label),
        ("Type", x => x.Type),
        ("Description", x => x.Description),
        ("InterventionNames", x => JsonText.Of(StoredList(x.InterventionNames))),
    ];

    private const string InsertOutcome = """
        INSERT INTO outcomes (nct_id, kind, ordinal, measure, description, time_frame, endpoint_class, endpoint_landmark)
        VALUES (@NctId, @Kind, @Ordinal, @Measure, @Description, @TimeFrame, @EndpointClass, @Landmark)
        """;

    private static readonly (string, Func<(Outcome First, OutcomeTerms Second), object?>)[] OutcomeColumns =
    [
        ("NctId", x => x.First.NctId),
        ("Kind", x => x.First.Kind),
        ("Ordinal", x => x.First.Ordinal),
        ("Measure", x => x.First.Measure),
        ("Description", x => x.First.Description),
        ("TimeFrame", x => x.First.TimeFrame),
        ("EndpointClass", x => x.Second.EndpointClass),
        ("Landmark", x => x.Second.Landmark),
    ];

    private const string InsertLocation = """
        INSERT INTO locations (nct_id, ordinal, facility, city, state, zip, country, status, latitude, longitude)
        VALUES (@NctId, @Ordinal, @Facility, @City, @State, @Zip, @Country, @Status, @Latitude, @Longitude)
        """;

    private static readonly (string, Func<Location, object?>)[] LocationColumns =
    [
        ("NctId", x => x.NctId),
        ("Ordinal", x => x.Ordinal),
        ("Facility", x => x.Facility),
        ("City", x => x.City),
        ("State", x => x.State),
        ("Zip", x => x.Zip),
        ("Country", x => x.Country),
        ("Status", x => x.Status),
        ("Latitude", x => x.Latitude),
        ("Longitude", x => x.Longitude),
    ];

    private const string InsertSecondaryId = """
        INSERT INTO secondary_ids (nct_id, ordinal, secondary_id, type, domain, link)
        VALUES (@NctId, @Ordinal, @Id, @Type, @Domain, @Link)
        """;

    private static readonly (string, Func<SecondaryId, object?>)[] SecondaryIdColumns =
    [
        ("NctId", x => x.NctId),
        ("Ordinal", x => x.Ordinal),
        ("Id", x => x.Id),
        ("Type", x => x.Type),
        ("Domain", x => x.Domain),
        ("Link", x => x.Link),
    ];

    private const string InsertCollaborator = """
        INSERT INTO collaborators (nct_id, ordinal, name, class)
        VALUES (@NctId, @Ordinal, @Name, @Class)
        """;

    private static readonly (string, Func<Collaborator, object?>)[] CollaboratorColumns =
    [
        ("NctId", x => x.NctId),
        ("Ordinal", x => x.Ordinal),
        ("Name", x => x.Name),
        ("Class", x => x.Class),
    ];

    private const string InsertSnapshot = $"""
        INSERT INTO enrollment_snapshots (nct_id, version_id, version_holder, last_update_posted_date, observed_at, count, type)
        VALUES (@NctId, {VersionIdOf}, @VersionHolder, @LastUpdatePostedDate, @ObservedAt, @Count, @Type)
        """;

    private static readonly (string, Func<SnapshotRow, object?>)[] SnapshotColumns =
    [
        ("NctId", x => x.Record.NctId),
        ("ContentHash", x => x.ContentHash),
        ("VersionHolder", x => x.Record.VersionHolder),
        ("LastUpdatePostedDate", x => x.Record.LastUpdatePostedDate),
        ("ObservedAt", x => x.ObservedAt),
        ("Count", x => x.Record.EnrollmentCount),
        ("Type", x => x.Record.EnrollmentType),
    ];

    private const string InsertChange = $"""
        INSERT INTO study_changes (nct_id, from_version_id, to_version_id, field, old, new, registry_date, observed_at)
        VALUES (@NctId, @FromVersionId, {VersionIdOf}, @Field, @Old, @New, @RegistryDate, @ObservedAt)
        """;

    private static readonly (string, Func<ChangeRow, object?>)[] ChangeColumns =
    [
        ("NctId", x => x.Record.NctId),
        ("FromVersionId", x => x.FromVersionId),
        ("ContentHash", x => x.ContentHash),
        ("Field", x => x.Change.Field),
        ("Old", x => x.Change.Old),
        ("New", x => x.Change.New),
        ("RegistryDate", x => x.Record.LastUpdatePostedDate),
        ("ObservedAt", x => x.ObservedAt),
    ];

    private static readonly JsonSerializerOptions ListJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A list held in one column: a JSON array of strings (query it with json_each); NULL when empty.</summary>
    internal static string? StoredList(IReadOnlyList<string> values) =>
        values.Count == 0 ? null : JsonSerializer.Serialize(values, ListJson);

}
