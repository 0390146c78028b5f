using Microsoft.AspNetCore.Http;

namespace TrialEvidence.ReplayRegistry;

/// <summary>Every request received, in order of arrival, completed with the answer it got.</summary>
internal sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            return [.. _requests];
        }
    }

    public void Begin(HttpContext context, RecordedRequest request)
    {
        Entry entry;
        lock (_gate)
        {
            _requests.Add(request);
            entry = new Entry(_requests.Count - 1);
        }

        context.Items[typeof(Entry)] = entry;

        // The status is recorded before the response leaves, so a client that has its answer always
        // finds the request complete in the log.
        context.Response.OnStarting(() =>
        {
            if (!entry.Settled)
            {
                Update(entry, request => request with { StatusCode = context.Response.StatusCode });
            }

            return Task.CompletedTask;
        });
    }

    public void RecordFault(HttpContext context, Fault fault) =>
        Update(EntryOf(context), request => request with { Fault = fault });

    /// <summary>For answers that do not pass through OnStarting: written past Kestrel, or its 500 after an exception.</summary>
    public void RecordAnswer(HttpContext context, int statusCode) => Settle(EntryOf(context), statusCode);

    /// <summary>The connection is being dropped: whatever Kestrel does next, the client gets no status.</summary>
    public void RecordNoAnswer(HttpContext context) => Settle(EntryOf(context), statusCode: null);

    private void Settle(Entry entry, int? statusCode)
    {
        entry.Settled = true;
        Update(entry, request => request with { StatusCode = statusCode });
    }

    private void Update(Entry entry, Func<RecordedRequest, RecordedRequest> change)
    {
        lock (_gate)
        {
            _requests[entry.Index] = change(_requests[entry.Index]);
        }
    }

    private static Entry EntryOf(HttpContext context) => (Entry)context.Items[typeof(Entry)]!;

    private sealed class Entry(int index)
    {
        public int Index { get; } = index;

        public volatile bool Settled;
    }
}
