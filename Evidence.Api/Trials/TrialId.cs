using Microsoft.AspNetCore.Mvc;
using TrialEvidence.Api.Infrastructure;

namespace TrialEvidence.Api.Trials;

/// <summary>The {nctId} of a trial's routes: a registry's trial id (NCT03482102, ChiCTR2000034346, EUCTR2005-002909-23-PT), in any case.</summary>
public sealed record TrialId([FromRoute(Name = "nctId")] string Value) : IValidatedRequest
{
    /// <summary>
    /// The id as stored: as its registry writes it (NCT upper case, "ChiCTR..."). A slash of an id
    /// ("CTRI/2020/03/024402") reaches the route escaped, as trial pages link it.
    /// </summary>
    public string NctId => Data.Studies.RegistryId.Canonical(Unescaped) ?? Unescaped;

    private string Unescaped => Value.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(Value) : Value;

    public void Validate(IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!Data.Studies.RegistryId.IsPlausible(NctId))
        {
            errors["nctId"] = ["a registry's trial id, e.g. NCT03482102 (NCT followed by 8 digits), ChiCTR2000034346 or EUCTR2005-002909-23-PT"];
        }
    }
}
