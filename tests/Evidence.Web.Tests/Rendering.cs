using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace TrialEvidence.Web.Tests;

/// <summary>
/// Files rendered as a person sees them: LibreOffice, headless, prints a Word or Excel file to PDF;
/// poppler reads a PDF back as text, page sizes, fonts and a PNG of its first page. Debian's
/// packages (<see cref="Packages"/>), which .ci/run installs.
/// </summary>
public static partial class Rendering
{
    /// <summary>
    /// What rendering needs: LibreOffice's Writer and Calc, poppler's tools, and the fonts with the
    /// widths of Arial (Liberation Sans) and of Excel's Calibri (Carlito).
    /// </summary>
    public const string Packages = "libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-liberation fonts-crosextra-carlito";

    private static readonly TimeSpan OfficeTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan PopplerTimeout = TimeSpan.FromSeconds(30);

    /// <summary><paramref name="file"/> printed to a PDF beside it (same name, .pdf) by LibreOffice.</summary>
    public static async Task<string> ToPdf(string file)
    {
        var soffice = Tool("soffice");
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        // A profile of its own: LibreOffice refuses to start a second instance on a profile in use.
        var profile = Path.Combine(Path.GetTempPath(), "trialevidence-soffice-" + Guid.NewGuid().ToString("N"));
        try
        {
            await Run(soffice, OfficeTimeout, $"-env:UserInstallation={new Uri(profile).AbsoluteUri}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", folder, file);
        }
        finally
        {
            if (Directory.Exists(profile))
            {
                Directory.Delete(profile, recursive: true);
            }
        }

        var pdf = Path.ChangeExtension(Path.GetFullPath(file), ".pdf");
        Assert.True(File.Exists(pdf), $"LibreOffice wrote no {pdf}");
        return pdf;
    }

    /// <summary>The PDF's text as laid out on its pages (pdftotext -layout): a table's row on one line.</summary>
    public static Task<string> Text(string pdf) => Run(Tool("pdftotext"), PopplerTimeout, "-layout", pdf, "-");

    /// <summary>Each page's width and height in points.</summary>
    public static async Task<List<(double Width, double Height)>> PageSizes(string pdf)
    {
        var info = await Run(Tool("pdfinfo"), PopplerTimeout, "-f", "1", "-l", "9999", pdf);
        return [.. PageSize().Matches(info).Select(m => (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))];
    }

    /// <summary>The names of the fonts the PDF's text is set in, without their subset prefix.</summary>
    public static async Task<List<string>> Fonts(string pdf)
    {
        var table = await Run(Tool("pdffonts"), PopplerTimeout, pdf);
        return [.. table.Split('\n').Skip(2).Where(l => l.Length > 0).Select(l => l.Split(' ')[0]).Select(n => n.Contains('+', StringComparison.Ordinal) ? n[(n.IndexOf('+', StringComparison.Ordinal) + 1)..] : n)];
    }

    /// <summary>The PDF's first page as a PNG at 110 dpi.</summary>
    public static async Task ToPng(string pdf, string png)
    {
        await Run(Tool("pdftoppm"), PopplerTimeout, "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", pdf, Path.ChangeExtension(png, null));
        Assert.True(File.Exists(png), $"pdftoppm wrote no {png}");
    }

    /// <summary>A PNG's width and height in pixels, from its header.</summary>
    public static (int Width, int Height) PngSize(string png)
    {
        var header = File.ReadAllBytes(png).AsSpan(0, 24);
        return (BinaryPrimitives.ReadInt32BigEndian(header[16..]), BinaryPrimitives.ReadInt32BigEndian(header[20..]));
    }

    /// <summary>The program's path on PATH; fails naming the packages to install when it is absent.</summary>
    private static string Tool(string name)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);
        Assert.True(path is not null, $"rendering Table 1 files needs {name}: apt-get install --no-install-recommends {Packages} (.ci/run does)");
        return path!;
    }

    private static async Task<string> Run(string program, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Path.GetFileName(program)} took more than {timeout.TotalSeconds} s: {string.Join(' ', arguments)}");
        }

        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}");
        return await output;
    }

    [GeneratedRegex(@"Page +\d+ size: +([\d.]+) x ([\d.]+) pts")]
    private static partial Regex PageSize();
}
