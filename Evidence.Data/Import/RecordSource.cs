using System.IO.Compression;

namespace TrialEvidence.Data.Import;

/// <summary>One readable input: a JSON file or a JSON entry of a zip. <see cref="Open"/> may be called more than once.</summary>
public sealed record RecordSource(string Name, Func<Stream> Open)
{
    /// <summary>
    /// Expands paths into sources: a file as it is (a .zip by its .json entries), a folder by
    /// its .json and .zip files, recursively, in ordinal name order so runs are repeatable.
    /// Other files in a folder (README, specs) are passed over and counted in <paramref name="skipped"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">A path names nothing.</exception>
    public static IEnumerable<RecordSource> Expand(IEnumerable<string> paths, Action<string>? skipped = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var list = paths.ToList();
        foreach (var path in list.Where(p => !File.Exists(p) && !Directory.Exists(p)))
        {
            throw new FileNotFoundException($"No such file or folder: {path}", path);
        }

        foreach (var path in list)
        {
            var files = Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                : Enumerable.Repeat(path, 1);
            foreach (var file in files)
            {
                if (IsZip(file))
                {
                    foreach (var entry in ZipEntries(file))
                    {
                        yield return entry;
                    }
                }
                else if (!Directory.Exists(path) || file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                {
                    yield return new RecordSource(file, () => File.OpenRead(file));
                }
                else
                {
                    skipped?.Invoke(file);
                }
            }
        }
    }

    private static bool IsZip(string file) => file.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<RecordSource> ZipEntries(string file)
    {
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(file);
        }
        catch (InvalidDataException ex)
        {
            // A zip that cannot be opened is one rejected source, not the end of the import.
            var reason = ex.Message;
            return [new RecordSource(file, () => throw new InvalidDataException($"not a readable zip: {reason}"))];
        }

        return Entries(archive, file);
    }

    private static IEnumerable<RecordSource> Entries(ZipArchive opened, string file)
    {
        // The archive stays open while its entries are read; each entry streams on its own.
        using var archive = opened;
        foreach (var entry in archive.Entries)
        {
            if (entry.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                yield return new RecordSource($"{file}!{entry.FullName}", entry.Open);
            }
        }
    }
}
