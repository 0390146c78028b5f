using Microsoft.AspNetCore.Diagnostics;

namespace TrialEvidence.Api.Infrastructure;

/// <summary>
/// Input the framework cannot bind (minEnrollment=abc, a malformed body) answers 400 with a
/// ProblemDetails naming the parameter; anything else unexpected is a 500 without its text.
/// </summary>
public static class BadInput
{
    public static int StatusCode(Exception exception) =>
        exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;

    public static void Describe(Microsoft.AspNetCore.Http.ProblemDetailsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.CustomizeProblemDetails = context =>
        {
            if (context.HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is BadHttpRequestException bad)
            {
                context.ProblemDetails.Status = bad.StatusCode;
                context.ProblemDetails.Title = "The request could not be read";
                context.ProblemDetails.Detail = bad.Message; // names the parameter and the value, e.g. "minEnrollment" from "abc"
            }
        };
    }
}
