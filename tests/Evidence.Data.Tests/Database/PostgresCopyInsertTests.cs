using Dapper;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Tests.Database;

/// <summary>
/// Which bulk writes go to PostgreSQL as a binary COPY: a plain INSERT of parameters, and nothing
/// that needs a statement per row. (That COPY stores what SQLite stores, row for row, is
/// PostgresIngestTests'.)
/// </summary>
public sealed class PostgresCopyInsertTests
{
    private static readonly (string, Func<(string Id, long N, string? Text), object?>)[] Columns =
        [("NctId", r => r.Id), ("Ordinal", r => r.N), ("Value", r => r.Text)];

    [SkippableTheory]
    [InlineData("INSERT INTO conditions (nct_id, ordinal, name) VALUES (@NctId, @Ordinal, @Value)", true)]
    [InlineData("INSERT OR IGNORE INTO conditions (nct_id, ordinal, name) VALUES (@NctId, @Ordinal, @Value)", false)]
    [InlineData("INSERT INTO conditions (nct_id, ordinal, name) VALUES (@NctId, @Ordinal, @Value) ON CONFLICT (nct_id, ordinal) DO NOTHING", false)]
    [InlineData("INSERT INTO conditions (nct_id, ordinal, name) VALUES (@NctId, @Ordinal + 1, @Value)", false)]
    [InlineData("INSERT INTO conditions (nct_id, ordinal, name) VALUES (@NctId, @Ordinal, lower(@Value))", false)]
    [InlineData("UPDATE conditions SET name = @Value WHERE nct_id = @NctId AND ordinal = @Ordinal", false)]
    public void Only_a_plain_insert_of_parameters_is_copied(string sql, bool copied)
    {
        using var database = new TempPostgresDatabase();
        using var connection = database.Open();

        using var insert = PostgresCopyInsert<(string, long, string?)>.TryPrepare(connection, sql, Columns);

        Assert.Equal(copied, insert is not null);
    }

    [SkippableFact]
    public void Copied_rows_are_stored_with_their_nulls_and_fire_the_statement_triggers_once()
    {
        using var database = new TempPostgresDatabase();
        Assert.Equal(1, database.Import(SharedData.CtGovFile("NCT03418623.json")).Counts.New);
        using var connection = database.Open();
        var version = connection.ExecuteScalar<long>("SELECT version FROM data_version");
        using (var transaction = database.Database.BeginWrite(connection))
        {
            using var insert = RowInsert.Prepare<(string Id, long N, string Name, string? Class)>(
                connection, transaction, "INSERT INTO collaborators (nct_id, ordinal, name, class) VALUES (@NctId, @Ordinal, @Name, @Class)",
                ("NctId", r => r.Id), ("Ordinal", r => r.N), ("Name", r => r.Name), ("Class", r => r.Class));
            Assert.IsType<PostgresCopyInsert<(string, long, string, string?)>>(insert);
            insert.Execute([("NCT03418623", 100, "copied", "OTHER"), ("NCT03418623", 101, "ünïcödé", null)]);
            transaction.Commit();
        }

        Assert.Equal(
            [("copied", "OTHER"), ("ünïcödé", null)],
            connection.Query<(string, string?)>("SELECT name, class FROM collaborators WHERE nct_id = 'NCT03418623' AND ordinal >= 100 ORDER BY ordinal"));
        Assert.Equal(version + 1, connection.ExecuteScalar<long>("SELECT version FROM data_version"));
    }
}
