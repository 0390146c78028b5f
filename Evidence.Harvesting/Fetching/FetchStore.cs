using System.Data.Common;
using System.Globalization;
using Dapper;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Ingest;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Fetching;

/// <summary>
/// What single-study fetches keep: the fetched study with the ETag the registry gave for it (in
/// one transaction), the last ETag per study, and retired NCT ids (study_aliases).
/// </summary>
public sealed class FetchStore(EvidenceDatabase connections, StudyIngest ingest, TimeProvider clock)
{
    /// <summary>Stores the fetched study and, in the same transaction, the ETag it came with.</summary>
    /// <exception cref="StudyFormatException">The registry's answer is not a usable study record.</exception>
    public WriteOutcome Store(IngestBatch fetched, string? etag)
    {
        ArgumentNullException.ThrowIfNull(fetched);
        if (fetched.Rejections.Count > 0 || fetched.Studies.Count != 1)
        {
            throw new StudyFormatException(fetched.Rejections.Count > 0 ? fetched.Rejections[0].ToString() : $"{fetched.Studies.Count} studies where one was asked for");
        }

        var outcome = WriteOutcome.Unchanged;
        ingest.Store(fetched, (connection, transaction, stored) =>
        {
            outcome = stored.Outcomes[0];
            if (etag is not null)
            {
                connection.Execute(connection.Sql(UpsertEtag), new { url = EtagKey(stored.Studies[0].Study.Record.NctId), etag, now = Now() }, transaction);
            }
        });
        return outcome;
    }

    public string? KnownEtag(string nctId)
    {
        using var connection = connections.Open();
        return connection.QuerySingleOrDefault<string?>(connection.Sql("SELECT etag FROM http_etags WHERE url = @url"), new { url = EtagKey(nctId) });
    }

    public void RecordAlias(string retired, string replacement)
    {
        using var connection = connections.Open();
        connection.Execute(connection.Sql(UpsertAlias), new { retired, replacement, now = Now() });
    }

    private const string UpsertEtag = """
        INSERT INTO http_etags (url, etag, seen_at) VALUES (@url, @etag, @now)
        ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, seen_at = excluded.seen_at
        """;

    private const string UpsertAlias = """
        INSERT INTO study_aliases (retired_nct_id, nct_id, seen_at) VALUES (@retired, @replacement, @now)
        ON CONFLICT (retired_nct_id) DO UPDATE SET nct_id = excluded.nct_id, seen_at = excluded.seen_at
        """;

    /// <summary>ETags are kept per study resource, whatever base address reached it.</summary>
    private static string EtagKey(string nctId) => $"studies/{nctId}";

    private string Now() => clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
}
