using System.Net;

namespace TrialEvidence.ClinicalTrialsGov;

/// <summary>The registry answered with an error status after every retry (or one not worth retrying, like 400).</summary>
public sealed class RegistryStatusException(HttpStatusCode status, string detail)
    : Exception($"the registry answered {(int)status} {status}: {detail}")
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>Reads the registry's error text (plain text for 400/404) into the exception.</summary>
    public static async Task<RegistryStatusException> FromAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        text = text.ReplaceLineEndings(" ").Trim();
        return new RegistryStatusException(response.StatusCode, text.Length > 300 ? text[..300] + "..." : text.Length == 0 ? "(no text)" : text);
    }
}
