using System.IO.Compression;
using Microsoft.Extensions.Time.Testing;

namespace TrialEvidence.Api.Tests.Table1;

/// <summary>The application on SQLite, whatever the suite's provider, its records imported at <see cref="ImportedAt"/>.</summary>
public sealed class SqliteApiFactory() : EvidenceApiFactory(postgres: false, new FakeTimeProvider(ImportedAt))
{
    public static readonly DateTimeOffset ImportedAt = new(2026, 12, 5, 6, 0, 0, TimeSpan.Zero);
}

/// <summary>The application on PostgreSQL (the tests that use it are skipped without a server), its records imported when SQLite's were.</summary>
public sealed class PostgresApiFactory() : EvidenceApiFactory(postgres: PostgresServer.ConnectionString is not null, new FakeTimeProvider(SqliteApiFactory.ImportedAt));

/// <summary>
/// The same records give the same Table 1 from either engine, byte for byte, in every format a
/// paper takes: the review's eight trials, and a filtered table with its words, facets and sort.
/// </summary>
public sealed partial class Table1ProviderParityTests(SqliteApiFactory sqlite, PostgresApiFactory postgres)
    : IClassFixture<SqliteApiFactory>, IClassFixture<PostgresApiFactory>
{
    [SkippableTheory]
    [InlineData("csv")]
    [InlineData("md")]
    [InlineData("html")]
    [InlineData("json")]
    [InlineData("ris")]
    [InlineData("docx")]
    [InlineData("xlsx")]
    public async Task The_review_table_is_byte_identical_from_both_engines(string format)
    {
        var (fromSqlite, fromPostgres) = await FromBoth($"/api/table1?ids={Table1ApiTests.ReviewIds}&format={format}");

        Assert.True(fromSqlite.Length > 1000, $"{fromSqlite.Length} bytes");
        if (format is "docx" or "xlsx")
        {
            // A package records when it was made, and names its parts' relationships at random:
            // what a reader sees (the document, the sheets and their strings) compared as text,
            // those names left out.
            var parts = Parts(fromSqlite);
            Assert.Contains(parts, p => p.Name is "word/document.xml" or "xl/worksheets/sheet1.xml");
            Assert.Equal(parts, Parts(fromPostgres));
        }
        else
        {
            Assert.Equal(Convert.ToHexString(fromSqlite), Convert.ToHexString(fromPostgres));
        }
    }

    private static List<(string Name, string Text)> Parts(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        return [.. zip.Entries
            .Where(e => e.FullName is "word/document.xml" or "xl/sharedStrings.xml" || e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal))
            .Select(e =>
            {
                using var reader = new StreamReader(e.Open());
                return (e.FullName, RelationshipId().Replace(reader.ReadToEnd(), "id=\"\""));
            })
            .OrderBy(p => p.FullName, StringComparer.Ordinal)];
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bid=""R[0-9A-Fa-f]+""", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex RelationshipId();

    [SkippableTheory]
    [InlineData("/api/table1?q=hepatocellular&format=csv")]
    [InlineData("/api/table1?modality=any&target=any&format=md")]
    [InlineData("/api/trials?q=radiotherapy%20OR%20radiation&sort=-enrollment&pageSize=50")]
    [InlineData("/api/trials?status=RECRUITING&status=COMPLETED&phase=PHASE2&sort=title")]
    [InlineData("/api/trials?sponsor=university&country=china&pageSize=100")]
    [InlineData("/api/trials/NCT03482102")]
    public async Task Lists_and_tables_are_the_same_from_both_engines(string url)
    {
        var (fromSqlite, fromPostgres) = await FromBoth(url);

        Assert.Equal(System.Text.Encoding.UTF8.GetString(fromSqlite), System.Text.Encoding.UTF8.GetString(fromPostgres));
    }

    /// <summary>The answer of each engine's application to <paramref name="url"/> (skipped without a PostgreSQL server).</summary>
    private async Task<(byte[] Sqlite, byte[] Postgres)> FromBoth(string url)
    {
        Skip.If(postgres.Postgres is null, PostgresServer.SkipReason);
        return (await sqlite.CreateClient().GetByteArrayAsync(url), await postgres.CreateClient().GetByteArrayAsync(url));
    }
}
