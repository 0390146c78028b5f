using System.Net;
using System.Text.Json;

namespace TrialEvidence.ClinicalTrialsGov;

/// <summary>
/// Sits under a resilience pipeline, so it runs once per attempt: reads a successful response's
/// body whole and checks that it is complete and what was asked for. A truncated or garbled body
/// becomes a <see cref="RegistryResponseException"/>, which the pipeline retries like any other
/// transient failure instead of the harvest storing or choking on it.
/// </summary>
internal abstract class CheckedBodyHandler(string registry) : DelegatingHandler
{
    /// <summary>Why the body is not a whole answer to the request; null when it is.</summary>
    protected abstract string? Problem(HttpRequestMessage request, byte[] body);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return response;
        }

        byte[] body;
        try
        {
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            response.Dispose();
            throw new RegistryResponseException($"{registry}'s answer to {request.RequestUri} was cut off: {ex.Message}", ex);
        }

        if (Problem(request, body) is { } problem)
        {
            response.Dispose();
            throw new RegistryResponseException($"{registry}'s answer to {request.RequestUri} {problem}");
        }

        var checkedContent = new ByteArrayContent(body);
        foreach (var header in response.Content.Headers)
        {
            checkedContent.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = checkedContent;
        return response;
    }
}

/// <summary>ClinicalTrials.gov's answers must be complete, well-formed JSON.</summary>
internal sealed class ResponseValidationHandler() : CheckedBodyHandler("The registry")
{
    protected override string? Problem(HttpRequestMessage request, byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            while (reader.Read())
            {
            }

            return null;
        }
        catch (JsonException ex)
        {
            return $"is not valid JSON ({body.Length:N0} bytes): line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}";
        }
    }
}
