using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Normalisation;

/// <summary>
/// Re-derives every normalised value from the stored raw JSON of each study's current version,
/// offline: after a vocabulary change, nothing needs fetching again. Works in batches, each in
/// one transaction, so readers see a study either all old or all new.
/// </summary>
public sealed class Renormaliser(EvidenceDatabase connections, TimeProvider clock)
{
    private const int BatchSize = 500;

    /// <summary>Every value derived for study <c>s</c>, as one JSON text: a study "changed" when it differs after renormalising.</summary>
    private const string DerivedValues = """
        json_array(
            (SELECT json_group_array(json_array(entity, entity_ordinal, field, value)) FROM
               (SELECT * FROM normalised_terms t WHERE t.nct_id = s.nct_id ORDER BY 1, 2, 3, 4, 5, 6)),
            (SELECT json_group_array(json_array(ordinal, field, position, value)) FROM
               (SELECT * FROM intervention_values i WHERE i.nct_id = s.nct_id ORDER BY 1, 2, 3, 4)),
            (SELECT json_group_array(json_array(kind, ordinal, endpoint_class, endpoint_landmark)) FROM
               (SELECT * FROM outcomes o WHERE o.nct_id = s.nct_id ORDER BY kind, ordinal)),
            (SELECT json_group_array(json_array(ordinal, source_field, raw_text, total_dose_gy_min, total_dose_gy_max, fractions_min, fractions_max)) FROM
               (SELECT * FROM rt_regimens r WHERE r.nct_id = s.nct_id ORDER BY ordinal)),
            (SELECT json_array(institution, country, intervention_summary, rt_ici_sequence, disease) FROM study_summaries x WHERE x.nct_id = s.nct_id),
            (SELECT json_group_array(setting ORDER BY setting) FROM study_settings g WHERE g.nct_id = s.nct_id))
        """;

    /// <summary>A batch's current raw versions and derived values before renormalising.</summary>
    private const string SelectCurrent = $"""
        SELECT s.nct_id, v.raw_json, v.raw, v.raw_size, {DerivedValues}
        FROM studies s JOIN study_versions v ON v.id = s.current_version_id
        WHERE s.nct_id IN (SELECT value FROM json_each(@Ids))
        """;

    /// <summary>A batch's derived values after renormalising.</summary>
    private const string SelectDerived = $"""
        SELECT s.nct_id, {DerivedValues}
        FROM studies s WHERE s.nct_id IN (SELECT value FROM json_each(@Ids))
        """;

    /// <summary>The studies whose stored values another vocabulary than <paramref name="version"/> made, by that version.</summary>
    public IReadOnlyList<(string Version, long Studies)> Stale(string version)
    {
        using var connection = connections.Open();
        return [.. connection.Query<(string, long)>(connection.Sql(
            "SELECT vocabulary_version, COUNT(*) FROM study_summaries WHERE vocabulary_version <> @version GROUP BY 1 ORDER BY 1"), new { version })];
    }

    /// <summary>How many studies the normaliser of <paramref name="version"/> failed on (<see cref="StudyNormaliser.Unnormalised"/>): stored, with no derived values.</summary>
    public long Failed(string version)
    {
        using var connection = connections.Open();
        return connection.ExecuteScalar<long>(connection.Sql("SELECT COUNT(*) FROM study_summaries WHERE vocabulary_version = @failed"), new { failed = version + StudyNormaliser.FailedMark });
    }

    /// <returns>How many studies were renormalised, how many of their values changed, and how many the normaliser failed on.</returns>
    public RenormaliseSummary Run(StudyNormaliser normaliser, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(normaliser);
        using var connection = connections.Open();
        // Registrations listed under another first: their text joins the full-text row of the one they are listed under.
        var ids = connection.Query<string>(connection.Sql("SELECT nct_id FROM studies ORDER BY shown_as IS NULL, nct_id")).ToList();
        long done = 0, changed = 0, failed = 0;
        foreach (var batch in ids.Chunk(BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batchIds = JsonSerializer.Serialize(batch);
            var rows = connection.Query<(string NctId, string RawJson, byte[]? Raw, long? RawSize, string? Before)>(connection.Sql(SelectCurrent), new { Ids = batchIds }).ToList();
            var normalised = rows.ConvertAll(r => (r.NctId, Study: normaliser.Normalise(StudyRecordParser.Parse(StoredJson.Read(r.RawJson, r.Raw, r.RawSize))), r.Before));

            using var transaction = connections.BeginWrite(connection);
            NormalisationWriter.DeleteDerived(connection, transaction, batchIds);

            var studies = normalised.ConvertAll(n => (n.NctId, n.Study));
            NormalisationWriter.UpdateOutcomes(connection, transaction, studies);
            NormalisationWriter.InsertDerived(connection, transaction, studies, clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            changed += connection.Query<(string NctId, string? After)>(connection.Sql(SelectDerived), new { Ids = batchIds }, transaction)
                .Count(after => normalised.First(n => n.NctId == after.NctId).Before != after.After);
            transaction.Commit();
            done += batch.Length;
            failed += normalised.Count(n => n.Study.VocabularyVersion.EndsWith(StudyNormaliser.FailedMark, StringComparison.Ordinal));
            progress?.Report(done);
        }

        return new RenormaliseSummary(done, changed, normaliser.VocabularyVersion, failed);
    }
}

/// <summary>The outcome of a renormalisation: studies processed, studies whose normalised values changed, studies the normaliser failed on.</summary>
public sealed record RenormaliseSummary(long Studies, long Changed, string VocabularyVersion, long Failed = 0);
