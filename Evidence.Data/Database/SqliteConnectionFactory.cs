using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace TrialEvidence.Data.Database;

/// <summary>
/// Opens connections to the evidence database with the settings every connection needs:
/// foreign keys on, a busy timeout so concurrent writers wait instead of failing, WAL journaling.
/// </summary>
public sealed class SqliteConnectionFactory : EvidenceDatabase
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMilliseconds;
    private readonly int _pageCacheKiB;

    public SqliteConnectionFactory(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        DatabasePath = System.IO.Path.GetFullPath(options.Path);
        _busyTimeoutMilliseconds = options.BusyTimeoutMilliseconds;
        _pageCacheKiB = options.PageCacheMiB * 1024;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = Math.Max(1, _busyTimeoutMilliseconds / 1000),
        }.ToString();
    }

    public string DatabasePath { get; }

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string Description => DatabasePath;

    public override string WorkFolder => System.IO.Path.GetDirectoryName(DatabasePath)!;

    /// <summary>BEGIN IMMEDIATE: the write lock first, so the batch's reads see what it will write over.</summary>
    public override DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);


    public override SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            var directory = System.IO.Path.GetDirectoryName(DatabasePath);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            connection.Open();
            using var pragma = connection.CreateCommand();
            // page_size and journal_mode are persistent in the file (page_size only takes on a new one:
            // 16 KiB pages hold a typical raw record in few overflow pages); the rest is per connection.
            // synchronous=NORMAL under WAL never corrupts the file and survives a killed process;
            // only a power cut can roll back the last commits. The page cache is small
            // (DatabaseOptions.PageCacheMiB): the operating system caches the file too.
            pragma.CommandText = $"""
                PRAGMA page_size = 16384;
                PRAGMA journal_mode = WAL;
                PRAGMA busy_timeout = {_busyTimeoutMilliseconds};
                PRAGMA synchronous = NORMAL;
                PRAGMA cache_size = -{_pageCacheKiB};
                PRAGMA journal_size_limit = 67108864;
                """;
            pragma.ExecuteNonQuery();
            Studies.StoredJson.Register(connection);
            Studies.Registrations.Register(connection);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            connection.Dispose();
            throw new DatabaseUnavailableException(DatabasePath, ex);
        }

        return connection;
    }
}
