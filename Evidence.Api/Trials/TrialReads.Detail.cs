using System.Data;
using System.Data.Common;
using System.Text.Json;
using Dapper;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Normalisation;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Api.Trials;

public sealed partial class TrialReads
{
    /// <summary>One trial: its current record, normalised values, provenance and version; null when it is not stored.</summary>
    public TrialDetail? Detail(string nctId)
    {
        using var connection = connections.Open();
        // One read transaction: a harvest committing meanwhile cannot pair one version's record
        // with another's normalised rows.
        using var read = EvidenceDatabase.BeginRead(connection);
        var id = new { id = nctId };
        var stored = connection.QuerySingleOrDefault<(string? RawJson, byte[]? Raw, long? RawSize)?>(connection.Sql(
            "SELECT v.raw_json, v.raw, v.raw_size FROM studies s JOIN study_versions v ON v.id = s.current_version_id WHERE s.nct_id = @id"), id, read);
        if (stored is not { } version)
        {
            return null;
        }

        using var document = JsonDocument.Parse(StoredJson.Read(version.RawJson, version.Raw, version.RawSize));
        var values = connection.Query<(int Ordinal, string Field, string Value)>(connection.Sql(
            "SELECT ordinal, field, value FROM intervention_values WHERE nct_id = @id ORDER BY ordinal, field, position"), id, read)
            .ToLookup(v => (v.Ordinal, v.Field), v => v.Value);
        var summary = connection.QuerySingleOrDefault<(string? Institution, string? Country, string? Interventions, string Sequence, string? Disease, string Vocabulary, string At)?>(connection.Sql(
            "SELECT institution, country, intervention_summary, rt_ici_sequence, disease, vocabulary_version, normalised_at FROM study_summaries WHERE nct_id = @id"), id, read);
        var settings = connection.Query<string>(connection.Sql("SELECT setting FROM study_settings WHERE nct_id = @id"), id, read).ToHashSet(StringComparer.Ordinal);
        // The interventions, and ordinal -1 when values were read from the trial's free text.
        var interventions = connection.Query<int>(connection.Sql(
                "SELECT ordinal FROM interventions WHERE nct_id = @id UNION SELECT ordinal FROM intervention_values WHERE nct_id = @id ORDER BY ordinal"), id, read)
            .Select(ordinal => new InterventionTerms(
                ordinal,
                [.. values[(ordinal, NormalisedField.Agent)]],
                [.. values[(ordinal, NormalisedField.AgentClass)]],
                [.. values[(ordinal, NormalisedField.Target)]],
                values[(ordinal, NormalisedField.RtModality)].FirstOrDefault(),
                [.. values[(ordinal, NormalisedField.PartnerClass)]],
                [.. values[(ordinal, NormalisedField.AgentProperty)]])
            {
                AlsoRtModalities = [.. values[(ordinal, NormalisedField.RtModality)].Skip(1)],
            })
            .ToList();
        var outcomes = connection.Query<(string Kind, int Ordinal, string? Class, string? Landmark)>(connection.Sql(
                "SELECT kind, ordinal, endpoint_class, endpoint_landmark FROM outcomes WHERE nct_id = @id ORDER BY kind DESC, ordinal"), id, read)
            .Select(o => new OutcomeTerms(o.Kind, o.Ordinal, o.Class ?? Terms.OtherEndpoint, o.Landmark))
            .ToList();
        var regimens = connection.Query<(int Ordinal, string SourceField, string RawText, double? TotalMin, double? TotalMax, long? FractionsMin, long? FractionsMax,
                double? PerFractionMin, double? PerFractionMax, double? BedMin, double? BedMax, double? Eqd2Min, double? Eqd2Max)>(connection.Sql("""
                SELECT ordinal, source_field, raw_text, total_dose_gy_min, total_dose_gy_max, fractions_min, fractions_max,
                       dose_per_fraction_gy_min, dose_per_fraction_gy_max, bed10_gy_min, bed10_gy_max, eqd2_gy_min, eqd2_gy_max
                FROM rt_regimens WHERE nct_id = @id ORDER BY ordinal
                """), id, read)
            .Select(r => new RtRegimen(r.Ordinal, r.SourceField, r.RawText, r.TotalMin, r.TotalMax, (int?)r.FractionsMin, (int?)r.FractionsMax,
                r.PerFractionMin, r.PerFractionMax, r.BedMin, r.BedMax, r.Eqd2Min, r.Eqd2Max))
            .ToList();
        var provenance = connection.Query<(string Entity, int EntityOrdinal, string Field, string Value, string SourceField, string Matched)>(connection.Sql(
                "SELECT entity, entity_ordinal, field, value, source_field, matched_text FROM normalised_terms WHERE nct_id = @id ORDER BY entity, entity_ordinal, field"), id, read)
            .Select(t => new TermSource(t.Entity, t.EntityOrdinal, t.Field, t.Value, t.SourceField, t.Matched))
            .ToList();
        var enrollment = connection.Query<TrialEnrollment>(connection.Sql(EnrollmentSql), id, read).ToList();
        var registrations = Registrations(connection, read, id);
        var record = StudyRecordParser.Parse(document.RootElement);
        return new TrialDetail(
            nctId,
            // Another registry's page as its record gives it (ChiCTR's pages go by an internal number).
            record.Registry == RegistryId.ClinicalTrialsGov ? RegistryId.RegistryUrl(nctId) : record.RegistryUrl ?? RegistryId.RegistryUrl(nctId),
            record,
            Versions(connection, read, nctId).Single(v => v.Current),
            new TrialNormalisation(
                summary is { } cells
                    ? new StudySummary(cells.Institution, cells.Country, cells.Interventions, cells.Sequence, cells.Disease, [.. FilterRules.Settings.Where(settings.Contains)])
                    : null,
                summary?.Vocabulary,
                summary?.At,
                interventions,
                outcomes,
                regimens,
                provenance),
            enrollment,
            // The trial's topics: those that found any of its registrations (as its list row's).
            connection.Query<string>(connection.Sql(
                "SELECT DISTINCT topic FROM topic_studies WHERE nct_id IN (SELECT value FROM json_each(@ids)) ORDER BY topic"),
                new { ids = JsonSerializer.Serialize(registrations.Select(r => r.Id)) }, read).ToList(),
            registrations,
            Newest(registrations));
    }

    /// <summary>
    /// The registrations of the trial @id is one of, as the list groups them (Registrations): the
    /// one it is listed under and those listed under that one; itself first, then the listed one.
    /// </summary>
    private const string RegistrationsSql = """
        WITH listed(nct_id) AS (SELECT COALESCE(shown_as, nct_id) FROM studies WHERE nct_id = @id),
        trial(nct_id) AS (SELECT nct_id FROM listed UNION SELECT s.nct_id FROM studies s JOIN listed l ON s.shown_as = l.nct_id)
        SELECT s.nct_id AS Id, s.registry AS Registry, COALESCE(s.shown_as, s.nct_id) AS ListedAs, COALESCE(s.overall_status, s.registry_status) AS Status,
               s.enrollment_count AS EnrollmentCount, s.enrollment_type AS EnrollmentType, s.start_date AS StartDate, s.completion_date AS CompletionDate,
               s.last_update_posted_date AS LastUpdatePostedDate,
               (SELECT json_group_array(DISTINCT COALESCE(v.via, s.registry)) FROM study_versions v WHERE v.nct_id = s.nct_id) AS SourcesJson
        FROM trial JOIN studies s USING (nct_id)
        ORDER BY s.nct_id <> @id, s.shown_as IS NOT NULL, s.nct_id
        """;

    private static List<TrialRegistration> Registrations(IDbConnection connection, IDbTransaction read, object id) =>
        [.. connection.Query<(string Id, string Registry, string ListedAs, string? Status, long? EnrollmentCount, string? EnrollmentType, string? StartDate,
                string? CompletionDate, string? LastUpdatePostedDate, string SourcesJson)>(connection.Sql(RegistrationsSql), id, read)
            .Select(r => new TrialRegistration(r.Id, r.Registry, RegistryId.RegistryUrl(r.Id), r.ListedAs, r.Status, r.EnrollmentCount, r.EnrollmentType,
                r.StartDate, r.CompletionDate, r.LastUpdatePostedDate, JsonSerializer.Deserialize<List<string>>(r.SourcesJson) ?? []))];

    /// <summary>
    /// Status, enrollment and dates as the registration updated last that states each says them:
    /// a trial's registries are updated at different times, and a reviewer wants the latest.
    /// </summary>
    private static List<NewestValue> Newest(List<TrialRegistration> registrations)
    {
        var newest = new List<NewestValue>();
        void Add(string field, Func<TrialRegistration, string?> value)
        {
            if (registrations.Where(r => value(r) is not null).MaxBy(r => r.LastUpdatePostedDate ?? string.Empty, StringComparer.Ordinal) is { } latest)
            {
                newest.Add(new NewestValue(field, value(latest)!, latest.Id, latest.LastUpdatePostedDate));
            }
        }

        Add("status", r => r.Status);
        Add("enrollment", r => r.EnrollmentCount?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("startDate", r => r.StartDate);
        Add("completionDate", r => r.CompletionDate);
        return newest;
    }

    /// <summary>Every stored version of a trial, oldest first, the current one marked; empty when the trial is not stored.</summary>
    /// <summary>Every enrollment the registry showed for the trial, oldest first.</summary>
    public List<TrialEnrollment> EnrollmentHistory(string nctId)
    {
        using var connection = connections.Open();
        return [.. connection.Query<TrialEnrollment>(connection.Sql(EnrollmentSql), new { id = nctId })];
    }

    private const string EnrollmentSql = """
        SELECT last_update_posted_date AS LastUpdatePostedDate, version_holder AS VersionHolder, count AS Count, type AS Type, observed_at AS ObservedAt
        FROM enrollment_snapshots WHERE nct_id = @id ORDER BY COALESCE(last_update_posted_date, ''), id
        """;

    /// <summary>Other registries' trials with titles like this one's that name no id in common (SimilarTitles); null when the trial is not stored.</summary>
    public List<SimilarTrial>? Similar(string nctId)
    {
        using var connection = connections.Open();
        using var read = EvidenceDatabase.BeginRead(connection);
        if (connection.ExecuteScalar<long>(connection.Sql("SELECT COUNT(*) FROM studies WHERE nct_id = @nctId"), new { nctId }, read) == 0)
        {
            return null;
        }

        return SimilarTitles.Of(connection, read, nctId, [.. Registrations(connection, read, new { id = nctId }).Select(r => r.Id)]);
    }

    public List<TrialVersion> Versions(string nctId)
    {
        using var connection = connections.Open();
        return Versions(connection, null, nctId);
    }

    /// <summary>
    /// A stored version's registry JSON, the bytes exactly as received (default: the current one);
    /// null when there is none. Read as bytes, not text, so nothing is decoded and re-encoded.
    /// </summary>
    public byte[]? Raw(string nctId, long? version)
    {
        using var connection = connections.Open();
        var stored = connection.QuerySingleOrDefault<(byte[]? RawJson, byte[]? Raw, long? RawSize)?>(connection.Sql("""
            SELECT CAST(v.raw_json AS BLOB), v.raw, v.raw_size FROM study_versions v JOIN studies s USING (nct_id)
            WHERE v.nct_id = @id AND v.id = COALESCE(@version, s.current_version_id)
            """), new { id = nctId, version });
        return stored is not { } found ? null
            : found.Raw is not null && found.RawSize is { } size ? StoredJson.Decompress(found.Raw, size)
            : found.RawJson ?? [];
    }

    private static List<TrialVersion> Versions(IDbConnection connection, IDbTransaction? transaction, string nctId) =>
        connection.Query<TrialVersion>(connection.Sql("""
            SELECT v.id AS Id, v.version_holder AS VersionHolder, v.last_update_posted_date AS LastUpdatePostedDate,
                   v.content_hash AS ContentHash, v.fetched_at AS FetchedAt, v.source AS Source,
                   v.id = s.current_version_id AS "Current"
            FROM study_versions v JOIN studies s USING (nct_id)
            WHERE v.nct_id = @nctId
            ORDER BY COALESCE(v.last_update_posted_date, ''), v.id
            """), new { nctId }, transaction).ToList();
}
