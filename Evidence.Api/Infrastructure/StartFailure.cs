using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using TrialEvidence.Data.Configuration;
using TrialEvidence.Data.Database;
using static TrialEvidence.Data.Configuration.StartFailures;

namespace TrialEvidence.Api.Infrastructure;

/// <summary>Why the program could not start, in one line a person can act on.</summary>
public static class StartFailure
{
    /// <summary>Exit code when the settings are wrong (as the command line's).</summary>
    public const int BadSettings = 2;

    public const int Failed = 1;

    public static (string Reason, int ExitCode) Describe(Exception exception) => exception switch
    {
        _ when StartFailures.SettingsFailures(exception) is { } failures => ("configuration: " + string.Join("; ", failures), BadSettings),
        _ when Chain(exception).Any(e => e is AddressInUseException or SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }) =>
            ($"cannot listen: {exception.Message} Another program uses the address; give another with --urls or ASPNETCORE_URLS.", Failed),
        _ when Chain(exception).FirstOrDefault(e => e is IOException && e.Message.StartsWith("Failed to bind", StringComparison.Ordinal)) is { } bind =>
            ($"cannot listen: {bind.Message.TrimEnd('.')}: {bind.GetBaseException().Message}", Failed),
        _ when DatabaseUnavailableException.FindIn(exception) is { } database => (database.Message, Failed),
        _ => (exception.GetBaseException().Message, Failed),
    };

}
