using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace TrialEvidence.Data.Database;

/// <summary>One numbered script from migrations/, as shipped inside this assembly.</summary>
public sealed partial record Migration(int Version, string Name, string Sql)
{
    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));

    /// <summary>The scripts embedded from migrations/NNNN_name.sql, in version order: SQLite's.</summary>
    public static IReadOnlyList<Migration> Embedded { get; } = LoadEmbedded(SqliteResourceName());

    /// <summary>
    /// PostgreSQL's, from migrations/postgres/NNNN_name.sql: the first (0026) is the schema SQLite's
    /// 0001-0026 make; each later one has the number of its SQLite twin.
    /// </summary>
    public static IReadOnlyList<Migration> EmbeddedPostgres { get; } = LoadEmbedded(PostgresResourceName());

    /// <summary>The scripts of <paramref name="provider"/>.</summary>
    public static IReadOnlyList<Migration> For(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? EmbeddedPostgres : Embedded;

    private static List<Migration> LoadEmbedded(Regex resourceName)
    {
        var assembly = typeof(Migration).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = resourceName.Match(resource);
            if (!match.Success)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            migrations.Add(new Migration(
                int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                reader.ReadToEnd()));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < migrations.Count; i++)
        {
            if (migrations[i].Version == migrations[i - 1].Version)
            {
                throw new InvalidOperationException($"Two migrations share version {migrations[i].Version}.");
            }
        }

        return migrations;
    }

    [GeneratedRegex(@"^migrations/(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex SqliteResourceName();

    [GeneratedRegex(@"^migrations/postgres/(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex PostgresResourceName();
}
