using System.Text.Json;

namespace TrialEvidence.Data.Studies;

/// <summary>Turns one registry study object (API v2 shape) into the rows of the evidence database.</summary>
public static class StudyRecordParser
{
    /// <summary>A study from its JSON as UTF-8 bytes (a stored version read back with <see cref="StoredJson.Read"/>).</summary>
    public static StudyRecord Parse(byte[] utf8)
    {
        using var document = JsonDocument.Parse(utf8);
        return Parse(document.RootElement);
    }

    /// <exception cref="StudyFormatException">No valid NCT id, or a field present with the wrong type.</exception>
    public static StudyRecord Parse(JsonElement study)
    {
        if (study.ValueKind != JsonValueKind.Object)
        {
            throw new StudyFormatException($"a study must be a JSON object, not {study.ValueKind}");
        }

        JsonElement? root = study;
        var protocol = root.Get("protocolSection");
        var identification = protocol.Get("identificationModule");
        var nctId = identification.String("nctId")
            ?? throw new StudyFormatException("the record has no protocolSection.identificationModule.nctId");
        // Another registry's record, written by RegisteredTrialJson, says which registry issued its id.
        var registrySection = root.Get("registrySection");
        var registry = registrySection.String("registry") ?? RegistryId.ClinicalTrialsGov;
        var valid = registry == RegistryId.ClinicalTrialsGov
            ? NctId.IsValid(nctId)
            : RegistryId.RegistryOf(nctId) is { } known ? known == registry : RegistryId.IsPlausible(nctId);
        if (!valid)
        {
            throw new StudyFormatException(registry == RegistryId.ClinicalTrialsGov
                ? $"\"{nctId}\" is not an NCT id (NCT followed by 8 digits)"
                : $"\"{nctId}\" is not an id of the registry the record names ({registry})");
        }

        var status = protocol.Get("statusModule");
        var sponsors = protocol.Get("sponsorCollaboratorsModule");
        var leadSponsor = sponsors.Get("leadSponsor");
        var design = protocol.Get("designModule");
        var designInfo = design.Get("designInfo");
        var enrollment = design.Get("enrollmentInfo");
        var conditionsModule = protocol.Get("conditionsModule");
        var arms = protocol.Get("armsInterventionsModule");
        var eligibility = protocol.Get("eligibilityModule");
        var derived = root.Get("derivedSection");

        return new StudyRecord
        {
            NctId = nctId,
            Registry = registry,
            RegistryStatus = registrySection.String("registryStatus"),
            RegistryUrl = registrySection.String("url"),
            Via = registrySection.String("via"),
            EnrollmentGroups = [.. registrySection.Items("enrollmentGroups").Select(element =>
            {
                JsonElement? group = element;
                return new Registries.SampleGroup(group.String("group") ?? string.Empty, group.Int64("count") ?? 0);
            })],
            BriefTitle = identification.String("briefTitle"),
            OfficialTitle = identification.String("officialTitle"),
            Acronym = identification.String("acronym"),
            Organization = identification.Get("organization").String("fullName"),
            OrgStudyId = identification.Get("orgStudyIdInfo").String("id"),
            OverallStatus = status.Code("overallStatus"),
            LastKnownStatus = status.String("lastKnownStatus"),
            WhyStopped = status.String("whyStopped"),
            StudyType = design.String("studyType"),
            Phases = design.Strings("phases"),
            Allocation = designInfo.String("allocation"),
            InterventionModel = designInfo.String("interventionModel"),
            PrimaryPurpose = designInfo.String("primaryPurpose"),
            Masking = designInfo.Get("maskingInfo").String("masking"),
            EnrollmentCount = enrollment.Int64("count"),
            EnrollmentType = enrollment.String("type"),
            StartDate = status.Get("startDateStruct").Code("date"),
            StartDateType = status.Get("startDateStruct").String("type"),
            PrimaryCompletionDate = status.Get("primaryCompletionDateStruct").Code("date"),
            PrimaryCompletionDateType = status.Get("primaryCompletionDateStruct").String("type"),
            CompletionDate = status.Get("completionDateStruct").Code("date"),
            CompletionDateType = status.Get("completionDateStruct").String("type"),
            FirstPostedDate = status.Get("studyFirstPostDateStruct").Code("date"),
            LastUpdatePostedDate = status.Get("lastUpdatePostDateStruct").Code("date"),
            LeadSponsor = leadSponsor.String("name"),
            LeadSponsorClass = leadSponsor.String("class"),
            BriefSummary = protocol.Get("descriptionModule").String("briefSummary"),
            DetailedDescription = protocol.Get("descriptionModule").String("detailedDescription"),
            EligibilityCriteria = eligibility.String("eligibilityCriteria"),
            EligibilitySex = eligibility.String("sex"),
            MinimumAge = eligibility.String("minimumAge"),
            MaximumAge = eligibility.String("maximumAge"),
            ResponsiblePartyType = sponsors.Get("responsibleParty").String("type"),
            ResponsibleInvestigator = sponsors.Get("responsibleParty").String("investigatorFullName"),
            ResponsibleAffiliation = sponsors.Get("responsibleParty").String("investigatorAffiliation"),
            HasResults = root.Boolean("hasResults"),
            Complete = derived is not null && status.String("overallStatus") is not null && status.Get("lastUpdatePostDateStruct") is not null,
            Lists = new[]
                {
                    ("interventions", arms.Get("interventions")), ("armGroups", arms.Get("armGroups")),
                    ("primaryOutcomes", protocol.Get("outcomesModule").Get("primaryOutcomes")),
                    ("secondaryOutcomes", protocol.Get("outcomesModule").Get("secondaryOutcomes")),
                    ("locations", protocol.Get("contactsLocationsModule").Get("locations")),
                }
                .Where(l => l.Item2 is not null).Select(l => l.Item1).ToHashSet(StringComparer.Ordinal),
            VersionHolder = derived.Get("miscInfoModule").String("versionHolder"),
            Conditions = conditionsModule.Strings("conditions"),
            Keywords = conditionsModule.Strings("keywords"),
            MeshTerms = MeshTerms(nctId, derived),
            Interventions = Interventions(nctId, arms),
            ArmGroups = ArmGroups(nctId, arms),
            Outcomes = Outcomes(nctId, protocol.Get("outcomesModule")),
            Locations = Locations(nctId, protocol.Get("contactsLocationsModule")),
            SecondaryIds = SecondaryIds(nctId, identification),
            Collaborators = Collaborators(nctId, sponsors),
        };
    }

    private static List<MeshTerm> MeshTerms(string nctId, JsonElement? derived)
    {
        var terms = new List<MeshTerm>();
        foreach (var (module, property) in new[] { ("condition", "conditionBrowseModule"), ("intervention", "interventionBrowseModule") })
        {
            var browse = derived.Get(property);
            foreach (var (relation, list) in new[] { ("mesh", "meshes"), ("ancestor", "ancestors") })
            {
                var ordinal = 0;
                foreach (JsonElement? item in browse.Items(list))
                {
                    if (item.String("term") is { } term)
                    {
                        terms.Add(new MeshTerm(nctId, module, relation, ordinal++, item.String("id"), term));
                    }
                }
            }
        }

        return terms;
    }

    private static List<Intervention> Interventions(string nctId, JsonElement? arms) =>
        arms.Items("interventions").Select((element, i) =>
        {
            JsonElement? item = element;
            return new Intervention(
                nctId,
                i,
                item.String("type"),
                item.String("name"),
                item.String("description"),
                item.Strings("otherNames"),
                item.Strings("armGroupLabels"));
        }).ToList();

    private static List<ArmGroup> ArmGroups(string nctId, JsonElement? arms) =>
        arms.Items("armGroups").Select((element, i) =>
        {
            JsonElement? item = element;
            return new ArmGroup(nctId, i, item.String("label"), item.String("type"), item.String("description"), item.Strings("interventionNames"));
        }).ToList();

    private static List<Outcome> Outcomes(string nctId, JsonElement? module)
    {
        var outcomes = new List<Outcome>();
        foreach (var (kind, property) in new[] { (OutcomeKind.Primary, "primaryOutcomes"), (OutcomeKind.Secondary, "secondaryOutcomes"), (OutcomeKind.Other, "otherOutcomes") })
        {
            outcomes.AddRange(module.Items(property).Select((element, i) =>
            {
                JsonElement? item = element;
                return new Outcome(nctId, kind, i, item.String("measure"), item.String("description"), item.String("timeFrame"));
            }));
        }

        return outcomes;
    }

    private static List<Location> Locations(string nctId, JsonElement? module) =>
        module.Items("locations").Select((element, i) =>
        {
            JsonElement? item = element;
            var geo = item.Get("geoPoint");
            return new Location(
                nctId,
                i,
                item.String("facility"),
                item.String("city"),
                item.String("state"),
                item.String("zip"),
                item.String("country"),
                item.String("status"),
                geo.Double("lat"),
                geo.Double("lon"));
        }).ToList();

    private static List<SecondaryId> SecondaryIds(string nctId, JsonElement? identification)
    {
        var ids = new List<SecondaryId>();
        var ordinal = 0;
        foreach (JsonElement? item in identification.Items("secondaryIdInfos"))
        {
            if (item.String("id") is { } id)
            {
                ids.Add(new SecondaryId(nctId, ordinal++, id, item.String("type"), item.String("domain"), item.String("link")));
            }
        }

        return ids;
    }

    private static List<Collaborator> Collaborators(string nctId, JsonElement? sponsors)
    {
        var collaborators = new List<Collaborator>();
        var ordinal = 0;
        foreach (JsonElement? item in sponsors.Items("collaborators"))
        {
            if (item.String("name") is { } name)
            {
                collaborators.Add(new Collaborator(nctId, ordinal++, name, item.String("class")));
            }
        }

        return collaborators;
    }
}
