using System.Globalization;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrialEvidence.Api.Infrastructure;
using TrialEvidence.Api.Table1;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Ingest;
using TrialEvidence.Data.Registry;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Api.Trials;

/// <summary>asOf=yyyy-MM-dd: answer from the versions that were current on that registry date.</summary>
public sealed record AsOfRequest([FromQuery(Name = "asOf")] string? AsOf = null) : IValidatedRequest
{
    public void Validate(IDictionary<string, string[]> errors) => AsOfDates.Validate(errors, "asOf", AsOf);
}

public static class AsOfDates
{
    /// <summary>Adds a problem under <paramref name="name"/> unless <paramref name="value"/> is null or a real yyyy-MM-dd date.</summary>
    public static void Validate(IDictionary<string, string[]> errors, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is not null && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors[name] = ["a registry date as yyyy-MM-dd: the versions whose last update was posted on or before it"];
        }
    }
}

/// <summary>A request for a date whose trials are more than an as-of answer rebuilds: narrow it by topic or ids.</summary>
public sealed class AsOfTooLargeException(int trials, int max)
    : Exception($"the registry as of that date holds {trials:N0} of these trials; an as-of answer rebuilds at most {max:N0}: narrow it with topic= or ids=");

/// <summary>
/// The evidence database as it stood on a registry date: a temporary SQLite file holding, for
/// the trials asked about, every stored version posted on or before that date, written through
/// the same writer in the order they were stored (so the version current then is current there,
/// with its enrollment history and normalised values), and read by the same reads as today's.
/// Deleted when disposed. What was never stored (versions before TrialEvidence first saw a trial)
/// is not there: such a trial is absent as of an earlier date.
/// </summary>
public sealed class AsOfSnapshot : IDisposable
{
    private readonly string _folder;

    internal AsOfSnapshot(string folder, SqliteConnectionFactory connections, IOptions<ApiOptions> options, long trials)
    {
        _folder = folder;
        Connections = connections;
        Trials = trials;
        // No facet copy in memory: the snapshot is read once or twice and thrown away.
        var readOptions = Options.Create(new ApiOptions { FacetCodesInMemory = false, MergeFacetFiltersFrom = options.Value.MergeFacetFiltersFrom });
        Watcher = new DataVersionWatcher(connections);
        Reads = new TrialReads(connections, readOptions, new FacetSnapshots(connections, Watcher, readOptions, NullLogger<FacetSnapshots>.Instance));
        Table1 = new Table1Reads(connections, readOptions);
    }

    public SqliteConnectionFactory Connections { get; }

    /// <summary>How many trials had a version by that date.</summary>
    public long Trials { get; }

    public TrialReads Reads { get; }

    public Table1Reads Table1 { get; }

    private DataVersionWatcher Watcher { get; }

    public void Dispose()
    {
        Watcher.Dispose();
        Delete(_folder, Connections);
    }

    /// <summary>Closes the snapshot's pooled connections (its own pool only) and deletes its folder.</summary>
    internal static void Delete(string folder, SqliteConnectionFactory connections)
    {
        try
        {
            using (var connection = connections.Open())
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
            }

            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DatabaseUnavailableException)
        {
            // A leftover temporary file is harmless; the answer is already made (or has failed).
        }
    }
}

/// <summary>Makes <see cref="AsOfSnapshot"/>s of the evidence database.</summary>
public sealed class AsOfSnapshots(EvidenceDatabase connections, IOptions<ApiOptions> options, TimeProvider clock)
{
    /// <summary>At most this many trials are rebuilt for one answer (about a second per thousand).</summary>
    public const int MaxTrials = 5000;

    private const int BatchSize = 200;

    /// <param name="asOf">yyyy-MM-dd: versions whose last update was posted on or before it.</param>
    /// <param name="topics">Only trials of these topics (none: all).</param>
    /// <param name="ids">Only these trials (none: all).</param>
    /// <exception cref="AsOfTooLargeException">More than <see cref="MaxTrials"/> trials would be rebuilt.</exception>
    public AsOfSnapshot Create(string asOf, IReadOnlyList<string>? topics, IReadOnlyList<string>? ids)
    {
        var filter = new List<string> { "v.last_update_posted_date IS NOT NULL", "substr(v.last_update_posted_date, 1, 10) <= @AsOf" };
        var parameters = new DynamicParameters(new { AsOf = asOf });
        if (topics is { Count: > 0 })
        {
            filter.Add("v.nct_id IN (SELECT nct_id FROM topic_studies WHERE topic IN (SELECT value FROM json_each(@Topics)))");
            parameters.Add("Topics", JsonSerializer.Serialize(topics));
        }

        if (ids is not null)
        {
            // An empty list is no trial, not every trial.
            filter.Add("v.nct_id IN (SELECT value FROM json_each(@Ids))");
            parameters.Add("Ids", JsonSerializer.Serialize(ids));
        }

        var where = string.Join(" AND ", filter);
        using var source = connections.Open();
        using var read = EvidenceDatabase.BeginRead(source); // one state of the database throughout
        var trials = source.ExecuteScalar<long>(source.Sql($"SELECT COUNT(DISTINCT v.nct_id) FROM study_versions v WHERE {where}"), parameters, read);
        if (trials > MaxTrials)
        {
            throw new AsOfTooLargeException((int)trials, MaxTrials);
        }

        var folder = Path.Combine(Path.GetTempPath(), "trialevidence-asof", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var target = new SqliteConnectionFactory(new DatabaseOptions { Path = Path.Combine(folder, "asof.db") });
        try
        {
            new Migrator(target, clock).Migrate();
            using (var session = new StudyIngest(target, new StudyWriter(clock)).OpenBulkSession())
            {
                var versionIds = source.Query<long>(source.Sql($"SELECT v.id FROM study_versions v WHERE {where} ORDER BY v.id"), parameters, read).ToList();
                foreach (var chunk in versionIds.Chunk(BatchSize))
                {
                    var batch = new IngestBatch(chunk.Length);
                    foreach (var version in source.Query<(long Id, string Source, string? RawJson, byte[]? Raw, long? RawSize)>(source.Sql(
                        "SELECT id, source, raw_json, raw, raw_size FROM study_versions WHERE id IN (SELECT CAST(value AS INTEGER) FROM json_each(@Ids)) ORDER BY id"),
                        new { Ids = JsonSerializer.Serialize(chunk) },
                        read))
                    {
                        batch.Add(new StudyJson(StoredJson.Read(version.RawJson, version.Raw, version.RawSize), 0, 0), version.Source);
                    }

                    session.Store(batch);
                }
            }

            return new AsOfSnapshot(folder, target, options, trials);
        }
        catch
        {
            AsOfSnapshot.Delete(folder, target);
            throw;
        }
    }
}
