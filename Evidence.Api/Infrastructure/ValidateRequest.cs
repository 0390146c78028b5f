namespace TrialEvidence.Api.Infrastructure;

/// <summary>A request bound with [AsParameters] that knows its own rules.</summary>
public interface IValidatedRequest
{
    /// <summary>Adds each problem to <paramref name="errors"/> under the query parameter's name.</summary>
    void Validate(IDictionary<string, string[]> errors);
}

/// <summary>
/// Validates, before the handler runs, every argument of the endpoint that is an
/// <see cref="IValidatedRequest"/>, and answers one ValidationProblem naming every bad
/// parameter with the values it allows. Added once to a route group, it serves all its endpoints.
/// </summary>
public sealed class ValidateRequest : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var request in context.Arguments.OfType<IValidatedRequest>())
        {
            request.Validate(errors);
        }

        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : await next(context).ConfigureAwait(false);
    }
}
