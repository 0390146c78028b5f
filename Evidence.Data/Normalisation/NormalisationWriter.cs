using System.Data.Common;
using System.Text.Json;
using Dapper;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Facets;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Normalisation;

/// <summary>
/// Writes what the normaliser derived: the intervention_values rows, the normalised columns of
/// outcomes, and the rt_regimens, normalised_terms, study_summaries, study_settings, study_search and study_facets rows. The import writes them with
/// each new current version; renormalize rewrites them all from the stored raw versions.
/// </summary>
internal static class NormalisationWriter
{
    /// <summary>Deletes the derived rows of the studies in <paramref name="idsJson"/> (a JSON array of NCT ids), before they are written anew.</summary>
    public static void DeleteDerived(DbConnection connection, DbTransaction transaction, string idsJson)
    {
        // The facet pair counts are taken down from the facet rows before those go.
        StudyFacets.Delete(connection, transaction, idsJson);
        foreach (var delete in DeleteStatements)
        {
            connection.Execute(connection.Sql(delete), new { Ids = idsJson }, transaction);
        }
    }

    private static readonly string[] DeleteStatements =
    [
        "DELETE FROM intervention_values WHERE nct_id IN (SELECT value FROM json_each(@Ids))",
        "DELETE FROM rt_regimens WHERE nct_id IN (SELECT value FROM json_each(@Ids))",
        "DELETE FROM normalised_terms WHERE nct_id IN (SELECT value FROM json_each(@Ids))",
        "DELETE FROM study_summaries WHERE nct_id IN (SELECT value FROM json_each(@Ids))",
        "DELETE FROM study_settings WHERE nct_id IN (SELECT value FROM json_each(@Ids))",
        "DELETE FROM study_search WHERE rowid IN (SELECT rowid FROM studies WHERE nct_id IN (SELECT value FROM json_each(@Ids)))",
        "DELETE FROM registration_text WHERE nct_id IN (SELECT value FROM json_each(@Ids))",
    ];

    private const string InsertRegimen = """
        INSERT INTO rt_regimens (nct_id, ordinal, source_field, raw_text, total_dose_gy_min, total_dose_gy_max, fractions_min, fractions_max,
            dose_per_fraction_gy_min, dose_per_fraction_gy_max, bed10_gy_min, bed10_gy_max, eqd2_gy_min, eqd2_gy_max)
        VALUES (@NctId, @Ordinal, @SourceField, @RawText, @TotalMin, @TotalMax, @FractionsMin, @FractionsMax,
            @PerFractionMin, @PerFractionMax, @BedMin, @BedMax, @Eqd2Min, @Eqd2Max)
        """;

    private const string InsertTerm = """
        INSERT OR IGNORE INTO normalised_terms (nct_id, entity, entity_ordinal, field, value, source_field, matched_text)
        VALUES (@NctId, @Entity, @EntityOrdinal, @Field, @Value, @SourceField, @Matched)
        """;

    private const string InsertSummary = """
        INSERT INTO study_summaries (nct_id, institution, country, intervention_summary, rt_ici_sequence, disease, vocabulary_version, normalised_at)
        VALUES (@NctId, @Institution, @Country, @Interventions, @Sequence, @Disease, @Version, @At)
        """;

    private const string InsertSetting = "INSERT OR IGNORE INTO study_settings (nct_id, setting) VALUES (@NctId, @Setting)";

    private const string InsertSearch = """
        INSERT INTO study_search (rowid, nct_id, titles, summary, conditions, interventions, sponsor)
        VALUES ((SELECT rowid FROM studies WHERE nct_id = @NctId), @NctId, @Titles, @Summary, @Conditions, @Interventions, @Sponsor)
        """;

    /// <summary>
    /// A listed study's full-text row when other registrations of its trial are listed under it:
    /// its own text, then each of theirs (registration_text), so their words find the trial.
    /// </summary>
    private const string InsertSearchWithRegistrations = """
        INSERT INTO study_search (rowid, nct_id, titles, summary, conditions, interventions, sponsor)
        SELECT s.rowid, s.nct_id,
               concat_ws(' | ', @Titles, (SELECT group_concat(r.titles, ' | ') FROM studies h JOIN registration_text r ON r.nct_id = h.nct_id WHERE h.shown_as = s.nct_id)),
               concat_ws(' | ', @Summary, (SELECT group_concat(r.summary, ' | ') FROM studies h JOIN registration_text r ON r.nct_id = h.nct_id WHERE h.shown_as = s.nct_id)),
               concat_ws(' | ', @Conditions, (SELECT group_concat(r.conditions, ' | ') FROM studies h JOIN registration_text r ON r.nct_id = h.nct_id WHERE h.shown_as = s.nct_id)),
               concat_ws(' | ', @Interventions, (SELECT group_concat(r.interventions, ' | ') FROM studies h JOIN registration_text r ON r.nct_id = h.nct_id WHERE h.shown_as = s.nct_id)),
               concat_ws(' | ', @Sponsor, (SELECT group_concat(r.sponsor, ' | ') FROM studies h JOIN registration_text r ON r.nct_id = h.nct_id WHERE h.shown_as = s.nct_id))
        FROM studies s WHERE s.nct_id = @NctId
        """;

    /// <summary>The search text of a registration listed under another's: found through that one's row.</summary>
    private const string InsertRegistrationText = """
        INSERT INTO registration_text (nct_id, titles, summary, conditions, interventions, sponsor)
        VALUES (@NctId, @Titles, @Summary, @Conditions, @Interventions, @Sponsor)
        """;

    private const string SelectUnlisted = "SELECT nct_id FROM studies WHERE nct_id IN (SELECT value FROM json_each(@Ids)) AND shown_as IS NOT NULL";

    /// <summary>The studies of a batch that other registrations are listed under.</summary>
    private const string SelectListingOthers = "SELECT DISTINCT shown_as FROM studies WHERE shown_as IN (SELECT value FROM json_each(@Ids))";

    private const string InsertInterventionValue = """
        INSERT INTO intervention_values (nct_id, ordinal, field, position, value)
        VALUES (@NctId, @Ordinal, @Field, @Position, @Value)
        """;

    private const string UpdateOutcome = """
        UPDATE outcomes SET endpoint_class = @EndpointClass, endpoint_landmark = @Landmark
        WHERE nct_id = @NctId AND kind = @Kind AND ordinal = @Ordinal
        """;

    /// <summary>Inserts the derived rows of studies whose previous derived rows are gone.</summary>
    public static void InsertDerived(DbConnection connection, DbTransaction transaction, IReadOnlyList<(string NctId, NormalisedStudy Study)> studies, string now)
    {
        using (var values = RowInsert.Prepare<(string NctId, int Ordinal, (string Field, int Position, string Value) V)>(
                   connection, transaction, InsertInterventionValue,
                   ("NctId", x => x.NctId),
                   ("Ordinal", x => x.Ordinal),
                   ("Field", x => x.V.Field),
                   ("Position", x => x.V.Position),
                   ("Value", x => x.V.Value)))
        {
            values.Execute(studies.SelectMany(s => s.Study.AllInterventionTerms.SelectMany(t => t.Values().Select(v => (s.NctId, t.Ordinal, v)))));
        }

        using (var regimens = RowInsert.Prepare<(string NctId, RtRegimen R)>(
                   connection, transaction, InsertRegimen,
                   ("NctId", x => x.NctId), ("Ordinal", x => x.R.Ordinal), ("SourceField", x => x.R.SourceField), ("RawText", x => x.R.RawText),
                   ("TotalMin", x => x.R.TotalDoseGyMin), ("TotalMax", x => x.R.TotalDoseGyMax), ("FractionsMin", x => x.R.FractionsMin), ("FractionsMax", x => x.R.FractionsMax),
                   ("PerFractionMin", x => x.R.DosePerFractionGyMin), ("PerFractionMax", x => x.R.DosePerFractionGyMax),
                   ("BedMin", x => x.R.Bed10GyMin), ("BedMax", x => x.R.Bed10GyMax), ("Eqd2Min", x => x.R.Eqd2GyMin), ("Eqd2Max", x => x.R.Eqd2GyMax)))
        {
            regimens.Execute(studies.SelectMany(s => s.Study.RtRegimens.Select(r => (s.NctId, r))));
        }

        using (var terms = RowInsert.Prepare<(string NctId, TermSource T)>(
                   connection, transaction, InsertTerm,
                   ("NctId", x => x.NctId), ("Entity", x => x.T.Entity), ("EntityOrdinal", x => x.T.EntityOrdinal), ("Field", x => x.T.Field),
                   ("Value", x => x.T.Value), ("SourceField", x => x.T.SourceField), ("Matched", x => x.T.Matched)))
        {
            terms.Execute(studies.SelectMany(s => s.Study.Sources.Select(t => (s.NctId, t))));
        }

        // A registration listed under another's (Registrations) is found through that one: it has no
        // full-text row of its own; its text is kept, and joins the full-text row of the one it is
        // listed under. Kept first, so that a batch holding both writes that row with it.
        var ids = JsonSerializer.Serialize(studies.Select(s => s.NctId));
        var unlisted = connection.Query<string>(connection.Sql(SelectUnlisted), new { Ids = ids }, transaction).ToHashSet(StringComparer.Ordinal);
        var listingOthers = connection.Query<string>(connection.Sql(SelectListingOthers), new { Ids = ids }, transaction).ToHashSet(StringComparer.Ordinal);
        foreach (var (sql, which) in new[]
                 {
                     (InsertRegistrationText, (Func<string, bool>)unlisted.Contains),
                     (InsertSearch, id => !unlisted.Contains(id) && !listingOthers.Contains(id)),
                     (InsertSearchWithRegistrations, listingOthers.Contains),
                 })
        {
            using var search = RowInsert.Prepare<(string NctId, NormalisedStudy S)>(
                connection, transaction, sql,
                ("NctId", x => x.NctId), ("Titles", x => x.S.Search.Titles), ("Summary", x => x.S.Search.Summary),
                ("Conditions", x => x.S.Search.Conditions), ("Interventions", x => x.S.Search.Interventions), ("Sponsor", x => x.S.Search.Sponsor));
            search.Execute(studies.Where(s => which(s.NctId)));
        }

        if (Database.EvidenceDatabase.IsPostgres(connection))
        {
            Search.PostgresSearchRows.WriteDocuments(connection, transaction, ids);
        }

        using var summaries = RowInsert.Prepare<(string NctId, NormalisedStudy S)>(
            connection, transaction, InsertSummary,
            ("NctId", x => x.NctId), ("Institution", x => x.S.Summary.Institution), ("Country", x => x.S.Summary.Country),
            ("Interventions", x => x.S.Summary.InterventionSummary), ("Sequence", x => x.S.Summary.Sequence), ("Disease", x => x.S.Summary.Disease),
            ("Version", x => x.S.VocabularyVersion), ("At", _ => now));
        summaries.Execute(studies);

        using var settings = RowInsert.Prepare<(string NctId, string Setting)>(
            connection, transaction, InsertSetting, ("NctId", x => x.NctId), ("Setting", x => x.Setting));
        settings.Execute(studies.SelectMany(s => (s.Study.Summary.Settings ?? []).Select(setting => (s.NctId, setting))));
        StudyFacets.Write(connection, transaction, studies.Select(s => s.NctId).Where(id => !unlisted.Contains(id)), unlisted);
    }

    /// <summary>Sets the normalised columns of existing outcome rows (renormalize; the other derived rows are inserted anew).</summary>
    public static void UpdateOutcomes(DbConnection connection, DbTransaction transaction, IReadOnlyList<(string NctId, NormalisedStudy Study)> studies)
    {
        using var outcomes = RowInsert.Prepare<(string NctId, OutcomeTerms T)>(
            connection, transaction, UpdateOutcome,
            ("NctId", x => x.NctId),
            ("Kind", x => x.T.Kind),
            ("Ordinal", x => x.T.Ordinal),
            ("EndpointClass", x => x.T.EndpointClass),
            ("Landmark", x => x.T.Landmark));
        outcomes.Execute(studies.SelectMany(s => s.Study.Outcomes.Select(t => (s.NctId, t))));
    }
}
