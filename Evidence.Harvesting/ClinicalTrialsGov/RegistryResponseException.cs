namespace TrialEvidence.ClinicalTrialsGov;

/// <summary>
/// The registry answered 2xx with a body that is cut short or not JSON. Transient by nature
/// (a dropped connection, a proxy error page), so the resilience pipeline retries it.
/// </summary>
public sealed class RegistryResponseException(string message, Exception? inner = null) : Exception(message, inner);
