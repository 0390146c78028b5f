namespace TrialEvidence.Api.Infrastructure;

public static class RouteGroups
{
    /// <summary>
    /// A route group whose endpoints' [AsParameters] requests are checked by
    /// <see cref="ValidateRequest"/> before their handlers run, documented as answering a
    /// ValidationProblem when they are not valid.
    /// </summary>
    public static RouteGroupBuilder MapValidatedGroup(this IEndpointRouteBuilder routes, string prefix, string tag)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var group = routes.MapGroup(prefix).WithTags(tag);
        group.AddEndpointFilter<ValidateRequest>();
        group.ProducesValidationProblem();
        return group;
    }
}
