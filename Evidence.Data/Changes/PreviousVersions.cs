using System.Data.Common;
using System.Text.Json;
using Dapper;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Changes;

/// <summary>The version a study shows now (its study_versions id) and its record: what a newer version is compared with.</summary>
public sealed record PreviousVersion(long VersionId, StudyRecord Record);

/// <summary>
/// Reads and parses the versions studies show now. The batch writer reads those of the studies
/// it replaces; an import reads them ahead, on its parsing thread while the writer stores the
/// batch before, and the writer uses them only while each is still the study's current version.
/// </summary>
public static class PreviousVersions
{
    private const string Sql = """
        SELECT s.nct_id AS NctId, v.id AS VersionId, v.content_hash AS ContentHash, s.last_update_posted_date AS LastUpdatePostedDate,
               v.raw_json AS RawJson, v.raw AS Raw, v.raw_size AS RawSize
        FROM studies s JOIN study_versions v ON v.id = s.current_version_id
        WHERE s.nct_id IN (SELECT value FROM json_each(@Ids))
        """;

    /// <param name="wanted">Which to parse, by NCT id, the current version's content hash and last update date (null: all).</param>
    public static Dictionary<string, PreviousVersion> Read(
        DbConnection connection, DbTransaction? transaction, IEnumerable<string> nctIds, Func<string, string, string?, bool>? wanted = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.Query<(string NctId, long VersionId, string ContentHash, string? LastUpdatePostedDate, string? RawJson, byte[]? Raw, long? RawSize)>(connection.Sql(
                Sql), new { Ids = JsonSerializer.Serialize(nctIds) }, transaction)
            .Where(r => wanted is null || wanted(r.NctId, r.ContentHash, r.LastUpdatePostedDate))
            .ToDictionary(r => r.NctId, r => new PreviousVersion(r.VersionId, StudyRecordParser.Parse(StoredJson.Read(r.RawJson, r.Raw, r.RawSize))), StringComparer.Ordinal);
    }
}
