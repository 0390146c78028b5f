using System.Text;
using System.Text.Json;

namespace TrialEvidence.ReplayRegistry;

/// <summary>Reads every study in the *.json files below a folder, in ordinal order of their paths.</summary>
internal static class StudyFolder
{
    /// <summary>
    /// All study versions found, files in ordinal path order and studies in file order, so that
    /// <see cref="StudyStore.FromVersions"/> breaks ties the same way on every machine.
    /// </summary>
    public static IEnumerable<StudyRecord> Read(string folder)
    {
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The replay data folder {root} does not exist.");
        }

        return Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories)
            .OrderBy(path => Path.GetRelativePath(root, path).Replace('\\', '/'), StringComparer.Ordinal)
            .SelectMany(ReadFile);
    }

    private static IEnumerable<StudyRecord> ReadFile(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var json = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes[Encoding.UTF8.Preamble.Length..] : bytes;
        try
        {
            // Objects without an NCT id (other JSON, or a fields= subset without NCTId) are not servable studies.
            return StudySpans.Find(json)
                .Select(span => StudyRecord.TryCreate(json[span]))
                .OfType<StudyRecord>()
                .ToList();
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {e.Message}", e);
        }
    }
}
