using Microsoft.Data.Sqlite;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Import;
using TrialEvidence.Data.Ingest;
using TrialEvidence.Data.Registry;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.TestSupport;

/// <summary>A real SQLite file in a temporary folder, migrated to the newest schema unless told otherwise; deleted on dispose.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase(int? migrateTo = null)
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "trialevidence-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Path = System.IO.Path.Combine(Directory, "evidence.db");
        Connections = new SqliteConnectionFactory(new DatabaseOptions { Path = Path, BusyTimeoutMilliseconds = 5000 });
        Migrator = new Migrator(Connections, TimeProvider.System);
        if (migrateTo is { } version)
        {
            Migrator.Migrate(version);
        }
        else
        {
            Migrator.Migrate();
        }
    }

    public string Directory { get; }

    public string Path { get; }

    public SqliteConnectionFactory Connections { get; }

    public Migrator Migrator { get; }

    public StudyImporter CreateImporter(TimeProvider? clock = null, int batchSize = StudyImporter.DefaultBatchSize, long? singlePassBytes = null, int? maxRecordBytes = null) =>
        new(new StudyIngest(Connections, new StudyWriter(clock ?? TimeProvider.System)))
        {
            BatchSize = batchSize,
            SinglePassBytes = singlePassBytes ?? StudyImporter.DefaultSinglePassBytes,
            MaxRecordBytes = maxRecordBytes ?? StudyJsonReader.DefaultMaxRecordBytes,
        };

    public ImportSummary Import(params string[] paths) => CreateImporter().Import(RecordSource.Expand(paths));

    public SqliteConnection Open() => Connections.Open();

    /// <summary>A file in this database's temporary folder, for inputs a test writes.</summary>
    public string WriteFile(string name, string content)
    {
        var file = System.IO.Path.Combine(Directory, name);
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
        return file;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a failing Dispose would hide the test's own result.
        }
    }
}
