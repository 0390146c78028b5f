using TrialEvidence.Harvester;

return await HarvesterCli.Build().Parse(args).InvokeAsync();
