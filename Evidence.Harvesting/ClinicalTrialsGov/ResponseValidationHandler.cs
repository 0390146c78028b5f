using System.Net;
using System.Text.Json;

namespace TrialEvidence.ClinicalTrialsGov;

/// <summary>
/// Sits under the resilience pipeline, so it runs once per attempt: reads a successful
/// response's body whole and checks that it is complete, well-formed JSON. A truncated or
/// garbled body becomes a <see cref="RegistryResponseException"/>, which the pipeline retries
/// like any other transient failure instead of the harvest storing or choking on it.
/// </summary>
internal sealed class ResponseValidationHandler : DelegatingHandler
{
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
            throw new RegistryResponseException($"The registry's answer to {request.RequestUri} was cut off: {ex.Message}", ex);
        }

        if (FirstJsonError(body) is { } error)
        {
            response.Dispose();
            throw new RegistryResponseException($"The registry's answer to {request.RequestUri} is not valid JSON ({body.Length:N0} bytes): {error}");
        }

        var validated = new ByteArrayContent(body);
        foreach (var header in response.Content.Headers)
        {
            validated.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = validated;
        return response;
    }

    private static string? FirstJsonError(byte[] body)
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
            return $"line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}";
        }
    }
}
