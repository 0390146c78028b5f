using Dapper;
using TrialEvidence.Data.Database;

namespace TrialEvidence.Api.Status;

/// <summary>
/// GET /api/status: what the database holds. The Table 1 views, search and exports come with
/// their own feature folders; until then this shows the product is up and where its data is.
/// </summary>
public static class StatusApi
{
    public static IEndpointRouteBuilder MapStatus(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/status", GetStatus).WithTags("Status");
        routes.MapGet("/", () => TypedResults.Redirect("/api/status"));
        return routes;
    }

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<DatabaseStatus>> GetStatus(SqliteConnectionFactory connections)
    {
        await using var connection = connections.Open();
        var status = await connection.QuerySingleAsync<DatabaseStatus>("""
            SELECT (SELECT COUNT(*) FROM studies) AS Studies,
                   (SELECT COUNT(*) FROM study_versions) AS Versions,
                   (SELECT MAX(version) FROM schema_migrations) AS SchemaVersion
            """);
        return TypedResults.Ok(status);
    }

    public sealed record DatabaseStatus(long Studies, long Versions, long SchemaVersion);
}
