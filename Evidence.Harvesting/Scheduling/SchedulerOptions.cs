namespace TrialEvidence.Scheduling;

/// <summary>The "Scheduler" section of appsettings.json.</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>
    /// Harvest the enabled topics on their schedules in this installation: in the API's process,
    /// or in the harvester run without a command. Off, topics are harvested only on demand
    /// (the harvester's 'harvest' command).
    /// </summary>
    public bool Enabled { get; set; } = true;
}
