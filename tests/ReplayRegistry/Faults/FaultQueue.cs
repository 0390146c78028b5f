using Microsoft.AspNetCore.Http;

namespace TrialEvidence.ReplayRegistry;

/// <summary>Injected faults waiting for the requests they apply to, oldest first.</summary>
internal sealed class FaultQueue
{
    private readonly Lock _gate = new();
    private readonly List<Scheduled> _scheduled = [];

    public void Add(Fault fault, int times, Func<HttpRequest, bool> when)
    {
        lock (_gate)
        {
            _scheduled.Add(new Scheduled(fault, when) { RemainingTimes = times });
        }
    }

    /// <summary>The oldest fault whose condition the request meets, counted as used once; null when none.</summary>
    public Fault? TakeFor(HttpRequest request)
    {
        lock (_gate)
        {
            var index = _scheduled.FindIndex(scheduled => scheduled.When(request));
            if (index < 0)
            {
                return null;
            }

            var next = _scheduled[index];
            if (--next.RemainingTimes == 0)
            {
                _scheduled.RemoveAt(index);
            }

            return next.Fault;
        }
    }

    private sealed record Scheduled(Fault Fault, Func<HttpRequest, bool> When)
    {
        public required int RemainingTimes { get; set; }
    }
}
