using System.Collections.Frozen;
using System.Text.Json;

namespace TrialEvidence.ReplayRegistry;

/// <summary>
/// Which parts of a record each query.* parameter searches: an approximation of the registry's
/// search areas (ConditionSearch, InterventionSearch, ...) over the fields a full record carries.
/// </summary>
internal static class SearchAreas
{
    /// <summary>query.term searches every string value of the record.</summary>
    public const string Term = "query.term";

    // A path is a chain of property names; "name[]" steps into each element of an array.
    private static readonly FrozenDictionary<string, string[][]> PathsByParameter = new Dictionary<string, string[]>
    {
        ["query.cond"] =
        [
            "protocolSection.conditionsModule.conditions[]",
            "protocolSection.conditionsModule.keywords[]",
            "derivedSection.conditionBrowseModule.meshes[].term",
            "derivedSection.conditionBrowseModule.ancestors[].term",
            "protocolSection.identificationModule.briefTitle",
            "protocolSection.identificationModule.officialTitle",
        ],
        ["query.intr"] =
        [
            "protocolSection.armsInterventionsModule.interventions[].name",
            "protocolSection.armsInterventionsModule.interventions[].otherNames[]",
            "protocolSection.armsInterventionsModule.armGroups[].interventionNames[]",
            "derivedSection.interventionBrowseModule.meshes[].term",
            "derivedSection.interventionBrowseModule.ancestors[].term",
        ],
        ["query.titles"] =
        [
            "protocolSection.identificationModule.briefTitle",
            "protocolSection.identificationModule.officialTitle",
            "protocolSection.identificationModule.acronym",
        ],
        ["query.outc"] =
        [
            "protocolSection.outcomesModule.primaryOutcomes[].measure",
            "protocolSection.outcomesModule.primaryOutcomes[].description",
            "protocolSection.outcomesModule.secondaryOutcomes[].measure",
            "protocolSection.outcomesModule.secondaryOutcomes[].description",
            "protocolSection.outcomesModule.otherOutcomes[].measure",
            "protocolSection.outcomesModule.otherOutcomes[].description",
        ],
        ["query.spons"] =
        [
            "protocolSection.sponsorCollaboratorsModule.leadSponsor.name",
            "protocolSection.sponsorCollaboratorsModule.collaborators[].name",
        ],
        ["query.lead"] = ["protocolSection.sponsorCollaboratorsModule.leadSponsor.name"],
        ["query.id"] =
        [
            "protocolSection.identificationModule.nctId",
            "protocolSection.identificationModule.nctIdAliases[]",
            "protocolSection.identificationModule.orgStudyIdInfo.id",
            "protocolSection.identificationModule.secondaryIdInfos[].id",
        ],
        ["query.locn"] =
        [
            "protocolSection.contactsLocationsModule.locations[].facility",
            "protocolSection.contactsLocationsModule.locations[].city",
            "protocolSection.contactsLocationsModule.locations[].state",
            "protocolSection.contactsLocationsModule.locations[].country",
        ],
    }.ToFrozenDictionary(area => area.Key, area => area.Value.Select(path => path.Split('.')).ToArray(), StringComparer.Ordinal);

    /// <summary>Every query.* parameter name.</summary>
    public static IEnumerable<string> Parameters { get; } = [.. PathsByParameter.Keys, Term];

    public static FrozenDictionary<string, string[]> Extract(JsonElement study)
    {
        var texts = PathsByParameter.ToDictionary(
            area => area.Key,
            area =>
            {
                var found = new List<string>();
                foreach (var path in area.Value)
                {
                    Collect(study, path, found);
                }

                return found.ToArray();
            },
            StringComparer.Ordinal);

        var everything = new List<string>();
        CollectAllStrings(study, everything);
        texts[Term] = [.. everything];
        return texts.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static void Collect(JsonElement element, ReadOnlySpan<string> path, List<string> found)
    {
        if (path.IsEmpty)
        {
            if (element.ValueKind == JsonValueKind.String)
            {
                found.Add(element.GetString()!);
            }

            return;
        }

        var step = path[0];
        var eachElement = step.EndsWith("[]", StringComparison.Ordinal);
        var name = eachElement ? step[..^2] : step;
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var child))
        {
            return;
        }

        if (!eachElement)
        {
            Collect(child, path[1..], found);
        }
        else if (child.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in child.EnumerateArray())
            {
                Collect(item, path[1..], found);
            }
        }
    }

    private static void CollectAllStrings(JsonElement element, List<string> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                found.Add(element.GetString()!);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    CollectAllStrings(property.Value, found);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CollectAllStrings(item, found);
                }

                break;
        }
    }
}
