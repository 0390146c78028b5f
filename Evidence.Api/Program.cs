using Microsoft.AspNetCore.Diagnostics;
using Scalar.AspNetCore;
using TrialEvidence.Api.Harvests;
using TrialEvidence.Api.Infrastructure;
using TrialEvidence.Api.Table1;
using TrialEvidence.Api.Topics;
using TrialEvidence.Api.Trials;
using TrialEvidence.Data.Configuration;
using TrialEvidence.Data.Database;
using TrialEvidence.Harvesting;
using TrialEvidence.Scheduling;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});
builder.Configuration.AddEnvironmentVariables("TRIALEVIDENCE_");
builder.ListenOnDefaultAddress();
// Long enough that an over-long query reaches QueryLengthLimit and gets a ProblemDetails.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestLineSize = 64 * 1024);
builder.Services.AddProblemDetails(BadInput.Describe);
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.AddOpenApi();
builder.Services.AddEvidenceDatabase(builder.Configuration);
builder.Services.AddHarvesting(builder.Configuration);
builder.Services.AddOptions<ApiOptions>().BindKnownSettings(builder.Configuration.GetSection(ApiOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton<TrialReads>();
builder.Services.AddSingleton<Table1Reads>();
// The product is one process: the API, the web page and (unless Scheduler:Enabled is false) the harvest scheduler.
builder.Services.AddHarvestScheduling(builder.Configuration);

var app = builder.Build();
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    StatusCodeSelector = BadInput.StatusCode,
    SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException, // bad input is not an error of ours
});
app.UseStatusCodePages();
app.UseMiddleware<QueryLengthLimit>();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapOpenApi();
app.MapScalarApiReference("/api/reference");
app.MapTrials();
app.MapTable1();
app.MapTopics();
app.MapHarvests();
app.Run();

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
