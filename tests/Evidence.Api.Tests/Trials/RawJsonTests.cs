using System.Text;
using Dapper;

namespace TrialEvidence.Api.Tests.Trials;

/// <summary>
/// A database holding two more versions of NCT03418623: one imported with non-ASCII text,
/// escapes, CRLF and tabs; one whose stored bytes are not UTF-8, as the importer kept them
/// before such files were refused.
/// </summary>
public sealed class RawBytesFactory : EvidenceApiFactory
{
    public RawBytesFactory()
    {
        var study = File.ReadAllBytes(SharedData.CtGovFile("NCT03418623.json"));
        var crlf = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(study).ReplaceLineEndings("\r\n\t"));
        Received = HostileRecords.WithUnreadField(crlf, "é → 😀 \\u00e9 \\ud83d\\ude00 \\\" "u8).Bytes;
        File.WriteAllBytes(Path.Combine(Database.Directory, "received.json"), Received);
        ImportRecords(Path.Combine(Database.Directory, "received.json"));

        var legacy = HostileRecords.WithUnreadField(study, "legacy"u8).Bytes;
        File.WriteAllBytes(Path.Combine(Database.Directory, "legacy.json"), legacy);
        ImportRecords(Path.Combine(Database.Directory, "legacy.json"));
        Legacy = [.. legacy.AsSpan().TrimEnd("\r\n"u8)];
        Legacy[Legacy.AsSpan().IndexOf("legacy"u8)] = 0xFF;
        if (Postgres is null)
        {
            // Bytes that are not UTF-8, as a SQLite file from before the import checked them may hold; PostgreSQL's text cannot.
            using var connection = Database.Open();
            connection.Execute(
                "UPDATE study_versions SET raw_json = CAST(@bytes AS TEXT), raw = NULL, raw_size = NULL WHERE source = @source",
                new { bytes = Legacy, source = Path.Combine(Database.Directory, "legacy.json#0") });
        }
    }

    public byte[] Received { get; }

    public byte[] Legacy { get; }

    public long VersionFrom(string file)
    {
        using var connection = OpenDatabase();
        return connection.QuerySingle<long>("SELECT id FROM study_versions WHERE source = @source", new { source = Path.Combine(Database.Directory, file) + "#0" });
    }
}

public sealed class RawJsonTests(RawBytesFactory factory) : IClassFixture<RawBytesFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Raw_returns_the_bytes_received_byte_for_byte()
    {
        var raw = await _client.GetByteArrayAsync($"/api/trials/NCT03418623/raw?version={factory.VersionFrom("received.json")}");

        Assert.Equal(factory.Received.AsSpan().TrimEnd("\r\n\t"u8).ToArray(), raw);
    }

    [SkippableFact]
    public async Task Raw_returns_stored_bytes_that_are_not_utf8_as_stored_not_as_replacement_characters()
    {
        Skip.If(TestProvider.IsPostgres, "PostgreSQL's text holds only UTF-8: bytes that are not can only be in an old SQLite file");
        var raw = await _client.GetByteArrayAsync($"/api/trials/NCT03418623/raw?version={factory.VersionFrom("legacy.json")}");

        Assert.Equal(factory.Legacy, raw);
    }
}
