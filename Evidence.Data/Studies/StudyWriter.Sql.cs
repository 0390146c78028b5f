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
        SELECT nct_id AS NctId, last_update_posted_date AS LastUpdatePostedDate, version_holder AS VersionHolder
        FROM studies
        WHERE nct_id IN (SELECT value FROM json_each(@Ids))
        """;

    private const string SelectSnapshots = """
        SELECT nct_id AS NctId, last_update_posted_date AS LastUpdatePostedDate, count AS Count, type AS Type
        FROM enrollment_snapshots
        WHERE nct_id IN (SELECT value FROM json_each(@Ids))
        ORDER BY id
        """;

    private const string InsertVersion = """
        INSERT INTO study_versions (nct_id, version_holder, last_update_posted_date, content_hash, fetched_at, source, raw_json)
        VALUES (@NctId, @VersionHolder, @LastUpdatePostedDate, @ContentHash, @FetchedAt, @Source, @RawJson)
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
            current_version_id, updated_at)
        VALUES (
            @NctId, @BriefTitle, @OfficialTitle, @Acronym, @Organization, @OrgStudyId,
            @OverallStatus, @LastKnownStatus, @WhyStopped, @StudyType, @Phase,
            @Allocation, @InterventionModel, @PrimaryPurpose, @Masking,
            @EnrollmentCount, @EnrollmentType,
            @StartDate, @StartDateType, @PrimaryCompletionDate, @PrimaryCompletionDateType,
            @CompletionDate, @CompletionDateType, @FirstPostedDate, @LastUpdatePostedDate,
            @LeadSponsor, @LeadSponsorClass, @BriefSummary, @HasResults, @VersionHolder,
            {VersionIdOf}, @UpdatedAt)
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
            version_holder = excluded.version_holder, current_version_id = excluded.current_version_id,
            updated_at = excluded.updated_at
        """;

    // Child rows are replaced whole when a version becomes current: a record's lists carry no
    // stable ids in the registry, so positions (ordinal) are the only identity they have.
    private static readonly string[] DeleteChildren =
    [
        "DELETE FROM conditions WHERE nct_id = @NctId",
        "DELETE FROM keywords WHERE nct_id = @NctId",
        "DELETE FROM mesh_terms WHERE nct_id = @NctId",
        "DELETE FROM interventions WHERE nct_id = @NctId",
        "DELETE FROM arm_groups WHERE nct_id = @NctId",
        "DELETE FROM outcomes WHERE nct_id = @NctId",
        "DELETE FROM locations WHERE nct_id = @NctId",
        "DELETE FROM secondary_ids WHERE nct_id = @NctId",
        "DELETE FROM collaborators WHERE nct_id = @NctId",
    ];

    private const string InsertCondition = "INSERT INTO conditions (nct_id, ordinal, name) VALUES (@NctId, @Ordinal, @Value)";

    private const string InsertKeyword = "INSERT INTO keywords (nct_id, ordinal, keyword) VALUES (@NctId, @Ordinal, @Value)";

    private const string InsertMeshTerm = """
        INSERT INTO mesh_terms (nct_id, browse_module, relation, mesh_id, term)
        VALUES (@NctId, @BrowseModule, @Relation, @MeshId, @Term)
        """;

    private const string InsertIntervention = """
        INSERT INTO interventions (nct_id, ordinal, type, name, description, other_names, arm_group_labels)
        VALUES (@NctId, @Ordinal, @Type, @Name, @Description, @OtherNames, @ArmGroupLabels)
        """;

    private const string InsertArmGroup = """
        INSERT INTO arm_groups (nct_id, ordinal, label, type, description, intervention_names)
        VALUES (@NctId, @Ordinal, @Label, @Type, @Description, @InterventionNames)
        """;

    private const string InsertOutcome = """
        INSERT INTO outcomes (nct_id, kind, ordinal, measure, description, time_frame)
        VALUES (@NctId, @Kind, @Ordinal, @Measure, @Description, @TimeFrame)
        """;

    private const string InsertLocation = """
        INSERT INTO locations (nct_id, ordinal, facility, city, state, zip, country, status, latitude, longitude)
        VALUES (@NctId, @Ordinal, @Facility, @City, @State, @Zip, @Country, @Status, @Latitude, @Longitude)
        """;

    private const string InsertSecondaryId = """
        INSERT INTO secondary_ids (nct_id, ordinal, secondary_id, type, domain, link)
        VALUES (@NctId, @Ordinal, @Id, @Type, @Domain, @Link)
        """;

    private const string InsertCollaborator = """
        INSERT INTO collaborators (nct_id, ordinal, name, class)
        VALUES (@NctId, @Ordinal, @Name, @Class)
        """;

    private const string InsertSnapshot = $"""
        INSERT INTO enrollment_snapshots (nct_id, version_id, version_holder, last_update_posted_date, observed_at, count, type)
        VALUES (@NctId, {VersionIdOf}, @VersionHolder, @LastUpdatePostedDate, @ObservedAt, @Count, @Type)
        """;
}
