namespace TrialEvidence.Data.Normalisation;

/// <summary>
/// The names of normalised fields, as the database stores them (intervention_values.field,
/// normalised_terms.field) and the API's filters and facets name them.
/// </summary>
public static class NormalisedField
{
    public const string Agent = "agent";
    public const string AgentClass = "agent_class";
    public const string Target = "target";
    public const string AgentProperty = "agent_property";
    public const string RtModality = "rt_modality";
    public const string PartnerClass = "partner_class";
    public const string EndpointClass = "endpoint_class";
    public const string EndpointLandmark = "endpoint_landmark";
    public const string Institution = "institution";
    public const string DiseaseSetting = "disease_setting";
    public const string Sequence = "rt_ici_sequence";

    /// <summary>Not a value: the failure of a normaliser rule on the record, which left the study without derived values (<see cref="StudyNormaliser.Unnormalised"/>).</summary>
    public const string NormaliserError = "normaliser_error";
}
