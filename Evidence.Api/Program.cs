using TrialEvidence.Api.Status;
using TrialEvidence.Data.Database;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});
builder.Configuration.AddEnvironmentVariables("TRIALEVIDENCE_");
builder.WebHost.UseUrls(builder.Configuration["Urls"] ?? "http://localhost:5080");
builder.Services.AddProblemDetails();
builder.Services.AddEvidenceDatabase(builder.Configuration);

var app = builder.Build();
app.Services.GetRequiredService<Migrator>().Migrate();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapStatus();
app.Run();

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
