using Microsoft.AspNetCore.Mvc;
using TrialEvidence.Api.Infrastructure;

namespace TrialEvidence.Api.Trials;

/// <summary>The {nctId} of a trial's routes, in any case.</summary>
public sealed record TrialId([FromRoute(Name = "nctId")] string Value) : IValidatedRequest
{
    /// <summary>The id as stored: upper case.</summary>
    public string NctId => Value.ToUpperInvariant();

    public void Validate(IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!Data.Studies.NctId.IsValid(NctId))
        {
            errors["nctId"] = ["an NCT id is NCT followed by 8 digits, e.g. NCT03482102"];
        }
    }
}
