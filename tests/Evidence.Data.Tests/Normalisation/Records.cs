using System.Text.Json;
using System.Text.Json.Nodes;
using TrialEvidence.Data.Normalisation;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>Small registry records for normaliser tests, written in the API's own JSON shape.</summary>
internal static class Records
{
    public static StudyRecord Parse(JsonObject protocolSection, JsonObject? derivedSection = null)
    {
        protocolSection["identificationModule"] ??= new JsonObject { ["nctId"] = "NCT00000001" };
        var study = new JsonObject { ["protocolSection"] = protocolSection };
        if (derivedSection is not null)
        {
            study["derivedSection"] = derivedSection;
        }

        using var document = JsonDocument.Parse(study.ToJsonString());
        return StudyRecordParser.Parse(document.RootElement);
    }

    public static JsonObject Intervention(string type, string name, string? description = null, string[]? otherNames = null, string[]? arms = null)
    {
        var intervention = new JsonObject { ["type"] = type, ["name"] = name };
        if (description is not null)
        {
            intervention["description"] = description;
        }

        if (otherNames is not null)
        {
            intervention["otherNames"] = new JsonArray(otherNames.Select(n => (JsonNode)n).ToArray());
        }

        if (arms is not null)
        {
            intervention["armGroupLabels"] = new JsonArray(arms.Select(n => (JsonNode)n).ToArray());
        }

        return intervention;
    }

    public static JsonObject Arm(string label, string? description, params string[] interventionNames) => new()
    {
        ["label"] = label,
        ["type"] = "EXPERIMENTAL",
        ["description"] = description,
        ["interventionNames"] = new JsonArray(interventionNames.Select(n => (JsonNode)n).ToArray()),
    };

    /// <summary><paramref name="arm"/> (made by <see cref="Arm"/>) with another arm type ("SHAM_COMPARATOR").</summary>
    public static JsonObject Typed(JsonObject arm, string type)
    {
        arm["type"] = type;
        return arm;
    }

    /// <summary>A protocol section with a title, a brief summary, interventions and arms.</summary>
    public static JsonObject Trial(string title, string? summary, JsonObject[] interventions, params JsonObject[] arms)
    {
        var protocol = WithArms(interventions, arms);
        protocol["identificationModule"] = new JsonObject { ["nctId"] = "NCT00000001", ["briefTitle"] = title };
        protocol["descriptionModule"] = new JsonObject { ["briefSummary"] = summary };
        return protocol;
    }

    /// <summary><paramref name="protocol"/> (made by <see cref="Trial"/>) with a detailed description.</summary>
    public static JsonObject Described(JsonObject protocol, string? description)
    {
        protocol["descriptionModule"]!["detailedDescription"] = description;
        return protocol;
    }

    public static JsonObject WithArms(JsonObject[] interventions, params JsonObject[] arms) => new()
    {
        ["armsInterventionsModule"] = new JsonObject
        {
            ["interventions"] = new JsonArray(interventions.Cast<JsonNode>().ToArray()),
            ["armGroups"] = new JsonArray(arms.Cast<JsonNode>().ToArray()),
        },
    };

    /// <summary>A record of no arm whose one primary outcome is <paramref name="measure"/>, described by <paramref name="description"/> where one is given.</summary>
    public static JsonObject WithOutcome(string measure, string? description = null)
    {
        var protocol = WithArms([]);
        var outcome = new JsonObject { ["measure"] = measure };
        if (description is not null)
        {
            outcome["description"] = description;
        }

        protocol["outcomesModule"] = new JsonObject { ["primaryOutcomes"] = new JsonArray(outcome) };
        return protocol;
    }

    /// <summary>The protocol, registered as an interventional trial of <paramref name="purpose"/> ("SUPPORTIVE_CARE", "TREATMENT").</summary>
    public static JsonObject WithPurpose(JsonObject protocol, string purpose)
    {
        protocol["designModule"] = new JsonObject { ["studyType"] = "INTERVENTIONAL", ["designInfo"] = new JsonObject { ["primaryPurpose"] = purpose } };
        return protocol;
    }

    /// <summary>The protocol with <paramref name="conditions"/> as its conditions.</summary>
    public static JsonObject WithConditions(JsonObject protocol, params string[] conditions)
    {
        protocol["conditionsModule"] = new JsonObject { ["conditions"] = new JsonArray(conditions.Select(c => (JsonNode)c).ToArray()) };
        return protocol;
    }

    /// <summary>An observational study (<see cref="Trial"/>): it follows patients and assigns no treatment.</summary>
    public static JsonObject Observational(string title, string? summary = null, JsonObject[]? interventions = null)
    {
        var protocol = Trial(title, summary, interventions ?? []);
        protocol["designModule"] = new JsonObject { ["studyType"] = "OBSERVATIONAL" };
        return protocol;
    }

    /// <summary>The disease settings of a record of no intervention with a title, summary, eligibility criteria and one condition.</summary>
    public static IReadOnlyList<string> SettingsOf(string title, string? summary, string? criteria, string condition)
    {
        var protocol = WithConditions(Trial(title, summary, []), condition);
        if (criteria is not null)
        {
            protocol["eligibilityModule"] = new JsonObject { ["eligibilityCriteria"] = criteria };
        }

        return Normalise(protocol).Summary.Settings ?? [];
    }

    public static NormalisedStudy Normalise(JsonObject protocolSection, JsonObject? derivedSection = null) =>
        StudyNormaliser.Embedded.Normalise(Parse(protocolSection, derivedSection));

    /// <summary>Every kind of RT an intervention gives, in order, joined by " + "; empty for none.</summary>
    public static string Kinds(InterventionTerms? terms) => terms is null ? "" : string.Join(" + ", terms.RtModalities.Order(StringComparer.Ordinal));

    /// <summary>An interventional trial of treatment with <paramref name="title"/> and <paramref name="interventions"/>, normalised.</summary>
    public static NormalisedStudy Treatment(string title, params JsonObject[] interventions) =>
        Normalise(WithPurpose(Trial(title, null, interventions), "TREATMENT"));

    /// <summary>The ICI the trial's free text gives, agents and targets, joined by " + "; empty for none.</summary>
    public static string IciOf(NormalisedStudy study) =>
        string.Join(" + ", (study.FreeText?.Agents ?? []).Concat(study.FreeText?.Targets ?? []));

    /// <summary>Every kind of RT the trial gives, from its interventions and its free text, in order, joined by " + ".</summary>
    public static string TrialKinds(NormalisedStudy study) =>
        string.Join(" + ", study.AllInterventionTerms.SelectMany(t => t.RtModalities).Distinct().Order(StringComparer.Ordinal));

    public static InterventionTerms OnlyIntervention(params JsonObject[] interventions) =>
        Normalise(WithArms(interventions)).Interventions[0];

    /// <summary>A record of no arm whose lead sponsor (of <paramref name="sponsorClass"/>), responsible party type and registering organisation are given.</summary>
    public static JsonObject Sponsored(string sponsor, string? sponsorClass, string? responsiblePartyType, string? organization = null)
    {
        var protocol = WithArms([]);
        var identification = new JsonObject { ["nctId"] = "NCT00000001" };
        if (organization is not null)
        {
            identification["organization"] = new JsonObject { ["fullName"] = organization };
        }

        protocol["identificationModule"] = identification;
        var lead = new JsonObject { ["name"] = sponsor };
        if (sponsorClass is not null)
        {
            lead["class"] = sponsorClass;
        }

        var sponsors = new JsonObject { ["leadSponsor"] = lead };
        if (responsiblePartyType is not null)
        {
            sponsors["responsibleParty"] = new JsonObject { ["type"] = responsiblePartyType };
        }

        protocol["sponsorCollaboratorsModule"] = sponsors;
        return protocol;
    }
}
