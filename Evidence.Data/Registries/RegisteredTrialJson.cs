using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using TrialEvidence.Data.Registry;

namespace TrialEvidence.Data.Registries;

/// <summary>
/// Writes a <see cref="RegisteredTrial"/> as a record in the shape of ClinicalTrials.gov's API v2
/// (protocolSection and its modules, the same property names), which the parser, the normaliser,
/// change detection and <c>json_extract</c> read as they read ClinicalTrials.gov's, plus:
/// <list type="bullet">
/// <item><c>registrySection</c>: the registry, the format read, the page, the registry's own
/// status words, sample sizes per group, countries and text in the registry's other language;</item>
/// <item><c>registryDocument</c>, last: the registry's document verbatim, for a reviewer to check
/// every value against. It is not part of the version's content hash (<see cref="Studies.ContentHash"/>):
/// a re-export of the same record (ICTRP stamps each with its export date) is the same version.</item>
/// </list>
/// A field the registry does not give is absent, as in a ClinicalTrials.gov record.
/// </summary>
public static class RegisteredTrialJson
{
    /// <summary>The top-level property holding the registry's document.</summary>
    public const string DocumentProperty = "registryDocument";

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(RegisteredTrial trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var buffer = new ArrayBufferWriter<byte>(4096 + (trial.Document.Length * 2));
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteStartObject("protocolSection");
            Identification(json, trial);
            Status(json, trial);
            Sponsors(json, trial);
            Module(json, "descriptionModule", () => Text(json, "briefSummary", trial.Summary), trial.Summary is not null);
            Module(json, "conditionsModule", () => Strings(json, "conditions", trial.Conditions), trial.Conditions.Count > 0);
            Design(json, trial);
            ArmsAndInterventions(json, trial);
            Outcomes(json, trial);
            Eligibility(json, trial);
            Locations(json, trial);
            json.WriteEndObject();
            RegistrySection(json, trial);
            json.WriteString(DocumentProperty, trial.Document);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The record as the import reads one study of a file.</summary>
    public static StudyJson ToStudyJson(RegisteredTrial trial, int index, long line) => new(Write(trial), index, line);

    private static void Identification(Utf8JsonWriter json, RegisteredTrial trial)
    {
        json.WriteStartObject("identificationModule");
        json.WriteString("nctId", trial.Id);
        Text(json, "briefTitle", trial.BriefTitle);
        Text(json, "officialTitle", trial.OfficialTitle);
        Text(json, "acronym", trial.Acronym);
        if (trial.SecondaryIds.Count > 0)
        {
            json.WriteStartArray("secondaryIdInfos");
            foreach (var id in trial.SecondaryIds)
            {
                json.WriteStartObject();
                json.WriteString("id", id);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void Status(Utf8JsonWriter json, RegisteredTrial trial)
    {
        json.WriteStartObject("statusModule");
        Text(json, "overallStatus", trial.OverallStatus);
        Date(json, "startDateStruct", trial.StartDate);
        Date(json, "studyFirstPostDateStruct", trial.RegistrationDate);
        Date(json, "lastUpdatePostDateStruct", trial.LastUpdateDate);
        json.WriteEndObject();
    }

    private static void Sponsors(Utf8JsonWriter json, RegisteredTrial trial)
    {
        if (trial.Sponsor is null && trial.SecondarySponsors.Count == 0)
        {
            return;
        }

        json.WriteStartObject("sponsorCollaboratorsModule");
        if (trial.Sponsor is not null)
        {
            json.WriteStartObject("leadSponsor");
            json.WriteString("name", trial.Sponsor);
            json.WriteEndObject();
        }

        Objects(json, "collaborators", trial.SecondarySponsors, name => json.WriteString("name", name));
        json.WriteEndObject();
    }

    private static void Design(Utf8JsonWriter json, RegisteredTrial trial)
    {
        json.WriteStartObject("designModule");
        Text(json, "studyType", trial.StudyType);
        Strings(json, "phases", trial.Phases);
        if (trial.Allocation is not null || trial.Masking is not null)
        {
            json.WriteStartObject("designInfo");
            Text(json, "allocation", trial.Allocation);
            if (trial.Masking is not null)
            {
                json.WriteStartObject("maskingInfo");
                json.WriteString("masking", trial.Masking);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        if (trial.EnrollmentCount is { } count)
        {
            json.WriteStartObject("enrollmentInfo");
            json.WriteNumber("count", count);
            Text(json, "type", trial.EnrollmentType);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void ArmsAndInterventions(Utf8JsonWriter json, RegisteredTrial trial)
    {
        if (trial.Arms.Count == 0 && trial.Interventions.Count == 0)
        {
            return;
        }

        json.WriteStartObject("armsInterventionsModule");
        Objects(json, "armGroups", trial.Arms, arm =>
        {
            json.WriteString("label", arm.Label);
            Text(json, "type", arm.Type);
            Text(json, "description", arm.Description);
            Strings(json, "interventionNames", arm.Interventions ?? []);
        });
        Objects(json, "interventions", trial.Interventions, intervention =>
        {
            Text(json, "type", intervention.Type);
            json.WriteString("name", intervention.Name);
            Text(json, "description", intervention.Description);
            Strings(json, "armGroupLabels", intervention.Arms ?? []);
        });
        json.WriteEndObject();
    }

    private static void Outcomes(Utf8JsonWriter json, RegisteredTrial trial)
    {
        if (trial.PrimaryOutcomes.Count == 0 && trial.SecondaryOutcomes.Count == 0)
        {
            return;
        }

        json.WriteStartObject("outcomesModule");
        foreach (var (property, outcomes) in new[] { ("primaryOutcomes", trial.PrimaryOutcomes), ("secondaryOutcomes", trial.SecondaryOutcomes) })
        {
            Objects(json, property, outcomes, outcome =>
            {
                json.WriteString("measure", outcome.Measure);
                Text(json, "description", outcome.Description);
                Text(json, "timeFrame", outcome.TimeFrame);
            });
        }

        json.WriteEndObject();
    }

    /// <summary>The criteria as ClinicalTrials.gov writes them: "Inclusion Criteria:", then "Exclusion Criteria:".</summary>
    private static void Eligibility(Utf8JsonWriter json, RegisteredTrial trial)
    {
        if (trial.InclusionCriteria is null && trial.ExclusionCriteria is null && trial.Sex is null && trial.MinimumAge is null && trial.MaximumAge is null)
        {
            return;
        }

        json.WriteStartObject("eligibilityModule");
        var parts = new List<string>();
        if (trial.InclusionCriteria is not null)
        {
            parts.Add($"Inclusion Criteria:\n{trial.InclusionCriteria}");
        }

        if (trial.ExclusionCriteria is not null)
        {
            parts.Add($"Exclusion Criteria:\n{trial.ExclusionCriteria}");
        }

        Text(json, "eligibilityCriteria", parts.Count == 0 ? null : string.Join("\n\n", parts));
        Text(json, "sex", trial.Sex);
        Text(json, "minimumAge", trial.MinimumAge);
        Text(json, "maximumAge", trial.MaximumAge);
        json.WriteEndObject();
    }

    /// <summary>The sites, or where the registry names only countries, one location per country (no facility).</summary>
    private static void Locations(Utf8JsonWriter json, RegisteredTrial trial)
    {
        var sites = trial.Sites.Count > 0 ? trial.Sites : [.. trial.Countries.Select(c => new RegisteredSite(null, null, c))];
        if (sites.Count == 0)
        {
            return;
        }

        json.WriteStartObject("contactsLocationsModule");
        Objects(json, "locations", sites, site =>
        {
            Text(json, "facility", site.Facility);
            Text(json, "city", site.City);
            Text(json, "country", site.Country);
        });
        json.WriteEndObject();
    }

    private static void RegistrySection(Utf8JsonWriter json, RegisteredTrial trial)
    {
        json.WriteStartObject("registrySection");
        json.WriteString("registry", trial.Registry);
        json.WriteString("format", trial.Format);
        Text(json, "via", trial.Via);
        Text(json, "url", trial.Url);
        Text(json, "registryStatus", trial.RegistryStatus);
        Objects(json, "enrollmentGroups", trial.EnrollmentGroups, group =>
        {
            json.WriteString("group", group.Group);
            json.WriteNumber("count", group.Count);
        });
        Strings(json, "countries", trial.Countries);
        if (trial.Original.Count > 0)
        {
            json.WriteStartObject("original");
            foreach (var (field, text) in trial.Original.OrderBy(o => o.Key, StringComparer.Ordinal))
            {
                json.WriteString(field, text);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void Module(Utf8JsonWriter json, string name, Action write, bool present)
    {
        if (present)
        {
            json.WriteStartObject(name);
            write();
            json.WriteEndObject();
        }
    }

    private static void Objects<T>(Utf8JsonWriter json, string name, IReadOnlyList<T> items, Action<T> write)
    {
        if (items.Count == 0)
        {
            return;
        }

        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            write(item);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            json.WriteStartArray(name);
            foreach (var value in values)
            {
                json.WriteStringValue(value);
            }

            json.WriteEndArray();
        }
    }

    private static void Text(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void Date(Utf8JsonWriter json, string name, string? date)
    {
        if (date is not null)
        {
            json.WriteStartObject(name);
            json.WriteString("date", date);
            json.WriteEndObject();
        }
    }
}
