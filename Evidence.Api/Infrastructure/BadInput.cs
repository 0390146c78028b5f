using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace TrialEvidence.Api.Infrastructure;

/// <summary>
/// Input the framework cannot bind (minEnrollment=abc, a malformed body) answers 400 with a
/// ProblemDetails naming the parameter; anything else unexpected is a 500 without its text.
/// </summary>
public static partial class BadInput
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
                context.ProblemDetails.Detail = Explain(bad.Message);
            }
        };
    }

    /// <summary>
    /// The framework's message names the value and the C# parameter ("int Page" from "one"); an
    /// [AsParameters] record's property is bound from the query parameter of its camelCase name
    /// ("page"), which is the name the caller wrote, so the message says that one too.
    /// </summary>
    private static string Explain(string message)
    {
        var failure = BindFailure().Match(message);
        if (!failure.Success)
        {
            return message;
        }

        var name = failure.Groups["name"].Value;
        var expected = failure.Groups["type"].Value.TrimEnd('?') is "int" or "long" ? "a whole number" : $"a value of type {failure.Groups["type"].Value}";
        return $"{message} The query parameter '{char.ToLowerInvariant(name[0]) + name[1..]}' takes {expected}.";
    }

    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"\s]+) (?<name>\w+)" from """)]
    private static partial Regex BindFailure();
}
