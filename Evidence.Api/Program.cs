using Microsoft.AspNetCore.Diagnostics;
using Scalar.AspNetCore;
using TrialEvidence.Api.Changes;
using TrialEvidence.Api.Harvests;
using TrialEvidence.Api.Infrastructure;
using TrialEvidence.Api.Table1;
using TrialEvidence.Api.Topics;
using TrialEvidence.Api.Webhooks;
using TrialEvidence.Api.Trials;
using TrialEvidence.Data.Database;
using TrialEvidence.Harvesting;
using TrialEvidence.Scheduling;
using TrialEvidence.Webhooks;

try
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = args,
        ContentRootPath = AppContext.BaseDirectory,
    });
    builder.Configuration.AddEnvironmentVariables("TRIALEVIDENCE_");
    builder.ListenOnDefaultAddress();
    builder.WebHost.ConfigureKestrel(kestrel =>
    {
        // Long enough that an over-long query reaches QueryLengthLimit and gets a ProblemDetails.
        kestrel.Limits.MaxRequestLineSize = 64 * 1024;
        kestrel.AddServerHeader = false;
    });
    // A failed start is reported below in one line, not logged with its stack; once started, the
    // host's errors (a background service that fails) are logged as always.
    var started = false;
    builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", level => Volatile.Read(ref started) || level < LogLevel.Error);
    builder.Services.AddOpenApi();
    builder.Services.AddEvidenceDatabase(builder.Configuration);
    builder.Services.AddHarvesting(builder.Configuration);
    builder.Services.AddEvidenceApi(builder.Configuration);
    // The product is one process: the API, the web page and (unless Scheduler:Enabled is false) the harvest scheduler.
    builder.Services.AddHarvestScheduling(builder.Configuration);
    // Changes stored by any process reach the webhooks while the API runs.
    builder.Services.AddWebhookDelivery();

    var app = builder.Build();
    app.Lifetime.ApplicationStarted.Register(() => Volatile.Write(ref started, true));
    app.UseMiddleware<SecurityHeaders>();
    app.UseExceptionHandler(new ExceptionHandlerOptions
    {
        StatusCodeSelector = BadInput.StatusCode,
        SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException, // bad input is not an error of ours
    });
    app.UseStatusCodePages();
    app.UseMiddleware<QueryLengthLimit>();
    app.UseDefaultFiles();
    app.UseStaticFiles();
    app.MapOpenApi("/openapi/v1.json"); // the one document; any other name is a 404 ProblemDetails, not the handler's plain text
    // Scalar would fetch its fonts from fonts.scalar.com: a request to a third party on every visit, refused by the policy anyway.
    app.MapScalarApiReference(SecurityHeaders.ReferencePath, options => options.DisableDefaultFonts());
    app.MapTrials();
    app.MapTable1();
    app.MapTopics();
    app.MapSearchReport();
    app.MapHarvests();
    app.MapChanges();
    app.MapPages();
    app.MapWebhooks();
    await app.RunAsync();
    return 0;
}
#pragma warning disable CA1031 // the last line of defence: one line a person can act on, never a stack trace and SIGABRT
catch (Exception ex) when (ex is not HostAbortedException)
#pragma warning restore CA1031
{
    var (reason, exitCode) = StartFailure.Describe(ex);
    await Console.Error.WriteLineAsync($"error: {reason}");
    return exitCode;
}

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
