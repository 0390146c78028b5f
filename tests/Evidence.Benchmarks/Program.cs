using System.Diagnostics;
using TrialEvidence.Benchmarks;
using TrialEvidence.Data.Database;
using TrialEvidence.Data.Import;
using TrialEvidence.Data.Ingest;
using TrialEvidence.Data.Studies;

// Import throughput benchmark: dotnet run -c Release --project tests/Evidence.Benchmarks -- [--studies N] [--shape array|zip] [--batch N] [--max-template-kb N]
//   or, on an input made elsewhere (e.g. python3 ../shared/tools/registry_mix.py 30000 mix30k): ... -- --input mix30k.zip
// Prints figures; asserts nothing. Run it at two sizes to see that memory stays flat in the input size.
const string Usage = """
    Usage: Evidence.Benchmarks [--input FILE] [--studies N] [--shape array|zip] [--batch N] [--max-template-kb N] [--only parse]
      --input FILE         import FILE (a .zip or .json the importer reads, e.g. registry_mix.py's .zip), else a generated input:
      --studies N          studies to clone from ../shared/ctgov (default 20000)
      --shape array|zip    a website JSON array download (default) or the bulk download's zip
      --max-template-kb N  clone only records up to N KB (0, the default: all)
      --batch N            studies per transaction (default 250)
      --only parse         stop after the one-thread read + parse pass (to profile parsing and normalising)
    """;
string[] known = ["--input", "--studies", "--shape", "--batch", "--max-template-kb", "--only"];
if (args.Length % 2 != 0 || args.Where((_, i) => i % 2 == 0).Any(a => !known.Contains(a)))
{
    Console.Error.WriteLine(Usage);
    return args is ["--help"] or ["-h"] ? 0 : 2;
}

var studies = IntArg("--studies", 20_000);
var batch = IntArg("--batch", StudyImporter.DefaultBatchSize);
var shape = StringArg("--shape", "array");
var given = StringArg("--input", string.Empty);
// The registry's records average about 17 KB; the shared samples include a few very large ones
// (up to 1.5 MB, 1,148 sites). --max-template-kb leaves those out to get a registry-like mix.
ClonedRegistry.MaxTemplateBytes = IntArg("--max-template-kb", 0) * 1024;

if (given.Length > 0 && !File.Exists(given))
{
    Console.Error.WriteLine($"error: no such file: {given}");
    return 2;
}

var folder = Path.Combine(Path.GetTempPath(), "trialevidence-bench", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
try
{
    var input = given.Length > 0 ? Path.GetFullPath(given) : Path.Combine(folder, shape == "zip" ? "ctg-studies.json.zip" : "ctg-studies.json");
    var inputBytes = given.Length > 0 ? new FileInfo(input).Length
        : shape == "zip" ? ClonedRegistry.WriteZip(input, studies) : ClonedRegistry.WriteArray(input, studies);
    Console.WriteLine(given.Length > 0
        ? $"input: {input}, {inputBytes / 1048576.0:N1} MiB"
        : $"input: {studies:N0} cloned studies as {shape}, {inputBytes / 1048576.0:N1} MiB, {ClonedRegistry.Templates().Count} templates");

    // Reading and parsing alone (the importer's second thread), step by step, to tell which side limits.
    var parseClock = Stopwatch.StartNew();
    var parsedCount = 0;
    TimeSpan parseJson = default, normalise = default, hash = default;
    long parseBytes = 0, normaliseBytes = 0;
    var step = new Stopwatch();
    foreach (var source in RecordSource.Expand([input]))
    {
        using var stream = source.Open();
        foreach (var json in new TrialEvidence.Data.Registry.StudyJsonReader(stream, source.Name).ReadStudies())
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            step.Restart();
            using var document = System.Text.Json.JsonDocument.Parse(json.Utf8);
            var record = StudyRecordParser.Parse(document.RootElement);
            parseJson += step.Elapsed;
            parseBytes += GC.GetAllocatedBytesForCurrentThread() - before;
            before = GC.GetAllocatedBytesForCurrentThread();
            step.Restart();
            TrialEvidence.Data.Normalisation.StudyNormaliser.Embedded.Normalise(record);
            normalise += step.Elapsed;
            normaliseBytes += GC.GetAllocatedBytesForCurrentThread() - before;
            step.Restart();
            ContentHash.Of(json.Utf8.Span);
            hash += step.Elapsed;
            parsedCount++;
        }
    }

    var parseTotal = parseClock.Elapsed;
    Console.WriteLine($"read + parse only (one pass, one thread): {parsedCount / parseTotal.TotalSeconds:N0} studies/s; "
        + $"of {parseTotal.TotalSeconds:N1} s: fields {parseJson.TotalSeconds:N1} s, normalise {normalise.TotalSeconds:N1} s, hash {hash.TotalSeconds:N1} s, "
        + $"reading {(parseTotal - parseJson - normalise - hash).TotalSeconds:N1} s; "
        + $"allocated per study: fields {parseBytes / 1024.0 / Math.Max(1, parsedCount):N0} KiB, normalise {normaliseBytes / 1024.0 / Math.Max(1, parsedCount):N0} KiB");
    if (StringArg("--only", string.Empty) == "parse")
    {
        Console.WriteLine($"garbage collections: gen0 {GC.CollectionCount(0):N0}, gen1 {GC.CollectionCount(1):N0}, gen2 {GC.CollectionCount(2):N0}, paused {GC.GetTotalPauseDuration().TotalSeconds:N1} s");
        return 0;
    }

    var connections = new SqliteConnectionFactory(new DatabaseOptions { Path = Path.Combine(folder, "bench.db") });
    new Migrator(connections, TimeProvider.System).Migrate();
    var importer = new StudyImporter(new StudyIngest(connections, new StudyWriter(TimeProvider.System))) { BatchSize = batch };

    GC.Collect();
    GC.WaitForPendingFinalizers();
    using var memory = new PeakMemory();
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var summary = importer.Import(RecordSource.Expand([input]));
    clock.Stop();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

    Console.WriteLine($"result: {summary}");
    Console.WriteLine($"time: {clock.Elapsed.TotalSeconds:N2} s wall, {cpu.TotalSeconds:N2} s CPU on {Environment.ProcessorCount} cores");
    Console.WriteLine($"throughput: {summary.Read / clock.Elapsed.TotalSeconds:N0} studies/s, {inputBytes / 1048576.0 / clock.Elapsed.TotalSeconds:N1} MiB/s of the input file");
    Console.WriteLine($"memory: peak working set {memory.PeakWorkingSet / 1048576.0:N0} MiB, peak managed heap {memory.PeakHeap / 1048576.0:N0} MiB, allocated {allocated / (double)summary.Read / 1024:N0} KiB/study");
    Console.WriteLine($"database: {new FileInfo(connections.DatabasePath).Length / 1048576.0:N0} MiB");
    return 0;
}
catch (Exception ex) when (ex is TrialEvidence.Data.Registry.MalformedJsonException or InvalidDataException or IOException)
{
    Console.Error.WriteLine($"error: the input cannot be read: {ex.Message}");
    return 1;
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

int IntArg(string name, int fallback) => int.TryParse(StringArg(name, string.Empty), out var value) ? value : fallback;

string StringArg(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}

/// <summary>Samples the working set and managed heap every 20 ms while the import runs.</summary>
internal sealed class PeakMemory : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;

    public PeakMemory() => _sampler = Task.Run(async () =>
    {
        using var process = Process.GetCurrentProcess();
        while (!_stop.IsCancellationRequested)
        {
            process.Refresh();
            PeakWorkingSet = Math.Max(PeakWorkingSet, process.WorkingSet64);
            PeakHeap = Math.Max(PeakHeap, GC.GetTotalMemory(forceFullCollection: false));
            await Task.Delay(20).ConfigureAwait(false);
        }
    });

    public long PeakWorkingSet { get; private set; }

    public long PeakHeap { get; private set; }

    public void Dispose()
    {
        _stop.Cancel();
        _sampler.Wait();
        _stop.Dispose();
    }
}
