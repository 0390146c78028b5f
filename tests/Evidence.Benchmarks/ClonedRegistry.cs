using System.IO.Compression;
using System.Text;
using TrialEvidence.Data.Import;
using TrialEvidence.Data.Registry;
using TrialEvidence.TestSupport;

namespace TrialEvidence.Benchmarks;

/// <summary>
/// Writes benchmark inputs: the real records of ../shared/ctgov cloned under new NCT ids
/// (NCT9xxxxxxx, never a real registry id), streamed to disk so the generator stays small too.
/// </summary>
internal static class ClonedRegistry
{
    /// <summary>Maximum size of a record used as a template; 0 takes every record.</summary>
    public static int MaxTemplateBytes { get; set; }

    public static List<(string NctId, byte[] Json)> Templates()
    {
        var templates = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var source in RecordSource.Expand([SharedData.CtGov]))
        {
            using var stream = source.Open();
            foreach (var study in new StudyJsonReader(stream, source.Name).ReadStudies())
            {
                var parsed = Data.Studies.ParsedStudy.From(study);
                templates.TryAdd(parsed.Record.NctId, study.Utf8.ToArray());
            }
        }

        return templates
            .Where(t => MaxTemplateBytes <= 0 || t.Value.Length <= MaxTemplateBytes)
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => (t.Key, t.Value))
            .ToList();
    }

    public static byte[] Clone(string templateId, byte[] template, int index) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(template).Replace(templateId, $"NCT9{index:D7}", StringComparison.Ordinal));

    /// <summary>A website-style JSON array download, one study per line.</summary>
    public static long WriteArray(string path, int count)
    {
        var templates = Templates();
        using var file = File.Create(path);
        file.Write("[\n"u8);
        for (var i = 0; i < count; i++)
        {
            var (id, json) = templates[i % templates.Count];
            file.Write(Clone(id, json, i));
            file.Write(i + 1 < count ? ",\n"u8 : "\n"u8);
        }

        file.Write("]\n"u8);
        return file.Length;
    }

    /// <summary>The bulk download's layout: one entry per study, NN/NCT########.json.</summary>
    public static long WriteZip(string path, int count)
    {
        var templates = Templates();
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            for (var i = 0; i < count; i++)
            {
                var (id, json) = templates[i % templates.Count];
                var nctId = $"NCT9{i:D7}";
                using var entry = zip.CreateEntry($"{nctId[^2..]}/{nctId}.json", CompressionLevel.Fastest).Open();
                entry.Write(Clone(id, json, i));
            }
        }

        return new FileInfo(path).Length;
    }
}
