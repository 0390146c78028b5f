using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using TrialEvidence.Data.Database;

namespace TrialEvidence.Api.Infrastructure;

/// <summary>Why the program could not start, in one line a person can act on.</summary>
public static class StartFailure
{
    /// <summary>Exit code when the settings are wrong (as the command line's).</summary>
    public const int BadSettings = 2;

    public const int Failed = 1;

    public static (string Reason, int ExitCode) Describe(Exception exception) => exception switch
    {
        OptionsValidationException one => (Settings(one.Failures), BadSettings),
        AggregateException many when many.InnerExceptions.All(e => e is OptionsValidationException) =>
            (Settings(many.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)), BadSettings),
        _ when Chain(exception).Any(e => e is AddressInUseException or SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }) =>
            ($"cannot listen: {exception.Message} Another program uses the address; give another with --urls or ASPNETCORE_URLS.", Failed),
        _ when Chain(exception).FirstOrDefault(e => e is IOException && e.Message.StartsWith("Failed to bind", StringComparison.Ordinal)) is { } bind =>
            ($"cannot listen: {bind.Message.TrimEnd('.')}: {bind.GetBaseException().Message}", Failed),
        _ when DatabaseUnavailableException.FindIn(exception) is { } database => (database.Message, Failed),
        _ => (exception.GetBaseException().Message, Failed),
    };

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    private static string Settings(IEnumerable<string> failures) => "configuration: " + string.Join("; ", failures);
}
