using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace TrialEvidence.Api.Infrastructure;

/// <summary>
/// Writes a ProblemDetails as JSON whatever the request's Accept header says. The framework's
/// writer declines a request that accepts only text/csv, say, and the error then became a 500
/// or an empty 400; registered after it, this one takes every request it declines, so every
/// error is a ProblemDetails body (application/problem+json), which a client can always parse.
/// </summary>
public sealed class ProblemJsonWriter(IOptions<JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        var problem = context.ProblemDetails;
        problem.Status ??= response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(response.StatusCode);
        problem.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
        return new ValueTask(response.WriteAsJsonAsync(problem, problem.GetType(), json.Value.SerializerOptions, "application/problem+json"));
    }
}
