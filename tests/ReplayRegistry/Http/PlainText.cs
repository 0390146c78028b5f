using System.Net.Mime;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace TrialEvidence.ReplayRegistry;

/// <summary>Error answers as the registry sends them: plain text, not JSON or ProblemDetails.</summary>
internal static class PlainText
{
    public static ContentHttpResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, message);

    public static ContentHttpResult NotFound(string message) => Error(StatusCodes.Status404NotFound, message);

    public static ContentHttpResult Error(int statusCode, string message) =>
        TypedResults.Text(message, MediaTypeNames.Text.Plain, statusCode: statusCode);
}
