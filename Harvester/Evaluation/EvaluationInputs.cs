using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using TrialEvidence.Data.Import;
using TrialEvidence.Data.Normalisation;
using TrialEvidence.Data.Registries;
using TrialEvidence.Data.Registry;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Harvester.Evaluation;

/// <summary>What both evaluations read: the records, normalised, and the rows of a label file.</summary>
internal static class EvaluationInputs
{
    /// <summary>A label's RT modality in the product's name: annotators write DOMAIN.md's names ("SIRT/TARE", "proton beam therapy").</summary>
    public static string ModalityName(string label) =>
        string.Join(Terms.ListSeparator, label.Split(Terms.ListSeparator.Trim()).Select(m => ModalityNames.GetValueOrDefault(m.Trim(), m.Trim())));

    /// <summary>
    /// A labelled agent by the vocabulary's name for it when the label gives a code or brand the
    /// vocabulary lists as that agent's ("TQB2450" is benmelstobart): one agent, two spellings.
    /// </summary>
    public static string AgentName(string label, Vocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var key = TermText.Key(label);
        return vocabulary.Agents.FirstOrDefault(a => a.Synonyms.Append(a.Name).Any(name => TermText.Key(name) == key))?.Name ?? label.Trim();
    }

    /// <summary>A labelled endpoint class by the vocabulary's name for it ("conversion to resection", as DOMAIN.md writes it, is "conversion/resection").</summary>
    public static string EndpointName(string label) => EndpointNames.GetValueOrDefault(label.Trim(), label.Trim());

    private static readonly Dictionary<string, string> EndpointNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["conversion to resection"] = "conversion/resection",
    };

    private static readonly Dictionary<string, string> ModalityNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["proton beam therapy"] = "Proton",
        ["carbon ion"] = "Carbon ion",
        ["SIRT/TARE"] = "SIRT",
        ["brachytherapy"] = "Brachytherapy",
        ["iodine-125 seed implantation"] = "I-125 seed",
        ["hypofractionated RT"] = "Hypofractionated RT",
    };

    /// <summary>Every study in <paramref name="records"/>, in file order (an NCT id may come more than once), with what the normaliser makes of it.</summary>
    public static IEnumerable<(StudyRecord Record, NormalisedStudy Normalised)> Normalised(IEnumerable<RecordSource> records, StudyNormaliser normaliser)
    {
        foreach (var source in records)
        {
            using var stream = source.Open();
            if (source.Format == RecordFormat.WhoIctrpXml)
            {
                // A WHO ICTRP export: records of other registries the normaliser was never tuned on.
                foreach (var trial in WhoIctrpXml.Read(stream))
                {
                    yield return (trial, normaliser.Normalise(trial));
                }

                continue;
            }

            foreach (var json in new StudyJsonReader(stream, source.Name).ReadStudies())
            {
                var record = ParsedStudy.From(json).Record;
                yield return (record, normaliser.Normalise(record));
            }
        }
    }

    /// <summary>The rows of a label CSV file, each a column-to-cell dictionary.</summary>
    public static IEnumerable<Dictionary<string, string?>> LabelRows(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = false });
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        while (csv.Read())
        {
            yield return header.ToDictionary(h => h, h => (string?)csv.GetField(h), StringComparer.Ordinal);
        }
    }
}
