using ICSharpCode.SharpZipLib;

namespace TrialEvidence.Data.Import;

/// <summary>One readable input: a file of registry records or a JSON entry of a zip. <see cref="Open"/> may be called more than once.</summary>
public sealed record RecordSource(string Name, Func<Stream> Open, RecordFormat Format = RecordFormat.Json)
{
    /// <summary>
    /// Expands paths into sources: a file as it is (a .zip by its .json entries), a folder by
    /// its .zip files and the files whose first bytes are registry records (JSON, a WHO ICTRP
    /// export, ChiCTR's and EUCTR's pages and downloads; <see cref="RecordFormats"/>),
    /// recursively, in ordinal name order so runs are repeatable. Other files in a folder
    /// (README, specs, a registry's search page) are passed over and counted in <paramref name="skipped"/>.
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
                else if (RecordFormats.Detect(file) is var format
                         && (format != RecordFormat.Unknown || !Directory.Exists(path) || file.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
                {
                    // A file named on its own, or named .json, is meant as records: what is not one
                    // (a saved error page) is read as JSON and refused with its position, not passed over.
                    yield return new RecordSource(file, () => File.OpenRead(file), format == RecordFormat.Unknown ? RecordFormat.Json : format);
                }
                else
                {
                    skipped?.Invoke(file);
                }
            }
        }
    }

    private static bool IsZip(string file) => file.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The .json entries of a zip, read in the order they were written, without loading its
    /// central directory (see <see cref="ForwardZip"/>).
    /// </summary>
    private static IEnumerable<RecordSource> ZipEntries(string file)
    {
        using var zip = new ForwardZip(file);
        using var current = new ZipEntryCursor(zip);
        var after = string.Empty;
        while (true)
        {
            string? name = null;
            string? unreadable = null;
            string? problem = current.Damaged
                ? "an entry's data was damaged, so where the next entry begins is not known"
                : null;
            if (problem is null)
            {
                try
                {
                    var entry = zip.GetNextEntry();
                    current.Pass();
                    if (entry is null)
                    {
                        yield break;
                    }

                    if (entry.IsFile && entry.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                    {
                        name = entry.Name;
                        unreadable = entry.Unreadable;
                    }
                }
                catch (Exception ex) when (ex is SharpZipBaseException or EndOfStreamException or IOException or InvalidDataException)
                {
                    problem = ex.Message;
                }
            }

            if (problem is not null)
            {
                // What could be read was; the rest of the zip is one rejected source, not the end
                // of the import, and never skipped in silence.
                var reason = $"not a readable zip{after}: {problem}";
                yield return new RecordSource(file, () => throw new InvalidDataException(reason));
                yield break;
            }

            if (name is not null)
            {
                after = $" after its entry {name}";
                var why = unreadable;
                yield return new RecordSource($"{file}!{name}", why is null ? current.Open() : () => throw new InvalidDataException($"the zip entry cannot be read: {why}"));
            }
        }
    }
}
