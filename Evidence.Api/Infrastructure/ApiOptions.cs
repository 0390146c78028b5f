using System.ComponentModel.DataAnnotations;

namespace TrialEvidence.Api.Infrastructure;

/// <summary>The "Api" section of appsettings.json.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Key for POST /api/topics/{name}/harvest; empty switches the endpoint off. Keep it out of the repository.</summary>
    [MinLength(16, ErrorMessage = "Api:HarvestApiKey must be at least 16 characters (or unset, which switches harvests on demand off)")]
    public string? HarvestApiKey { get; set; }
}
