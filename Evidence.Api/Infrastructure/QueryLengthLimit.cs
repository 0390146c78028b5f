namespace TrialEvidence.Api.Infrastructure;

/// <summary>A query string longer than any real filter answers 400 with a ProblemDetails, before any work is done.</summary>
public sealed class QueryLengthLimit(RequestDelegate next)
{
    public const int MaxQueryLength = 8192;

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problems);
        if (context.Request.QueryString.Value?.Length > MaxQueryLength)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "The query is too long",
                    Detail = $"A query string may have at most {MaxQueryLength} characters.",
                },
            }).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}
