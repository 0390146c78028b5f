using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using TrialEvidence.Data.Import;

namespace TrialEvidence.Data.Tests.Import;

/// <summary>The completeness check of a downloaded zip, which reads only its ends.</summary>
public sealed class ZipEndsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("zip-ends-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Zip(string name, int entries, string? comment = null)
    {
        var path = Path.Combine(folder, name);
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        for (var i = 0; i < entries; i++)
        {
            var entry = archive.CreateEntry($"{i % 100:D2}/NCT{i:D8}.json", CompressionLevel.NoCompression);
            using var stream = entry.Open();
            stream.Write("{}"u8);
        }

        if (comment is not null)
        {
            archive.Comment = comment;
        }

        return path;
    }

    private string Cut(string path, long keep)
    {
        var cut = Path.Combine(folder, "cut-" + Path.GetFileName(path));
        File.WriteAllBytes(cut, File.ReadAllBytes(path)[..(int)keep]);
        return cut;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(20)]
    public void A_whole_zip_passes(int entries)
    {
        ZipEnds.Check(Zip($"whole-{entries}.zip", entries));
    }

    [Fact]
    public void A_whole_zip_with_a_comment_passes()
    {
        ZipEnds.Check(Zip("comment.zip", 3, "ClinicalTrials.gov bulk download"));
    }

    [Fact]
    public void A_zip_of_more_entries_than_16_bits_count_is_read_through_its_zip64_end()
    {
        var path = Zip("zip64.zip", 70_000);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(ushort.MaxValue, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(bytes.Length - 22 + 10)));

        ZipEnds.Check(path);
        var error = Assert.Throws<InvalidDataException>(() => ZipEnds.Check(Cut(path, bytes.Length - 30)));
        Assert.Contains("end-of-central-directory", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.99)]
    public void A_zip_cut_short_fails(double kept)
    {
        var path = Zip("cut.zip", 200);

        var error = Assert.Throws<InvalidDataException>(() => ZipEnds.Check(Cut(path, (long)(new FileInfo(path).Length * kept))));

        Assert.Contains("cut short or not a zip", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_missing_its_first_bytes_fails()
    {
        var path = Zip("head.zip", 20);
        var bytes = File.ReadAllBytes(path);
        var headless = Path.Combine(folder, "headless.zip");
        File.WriteAllBytes(headless, bytes[100..]);

        Assert.Throws<InvalidDataException>(() => ZipEnds.Check(headless));
    }

    [Fact]
    public void An_error_page_saved_as_the_zip_fails()
    {
        var path = Path.Combine(folder, "page.zip");
        File.WriteAllText(path, "<!DOCTYPE html><html><body><h1>503 Service Unavailable</h1></body></html>", Encoding.UTF8);

        Assert.Throws<InvalidDataException>(() => ZipEnds.Check(path));
    }

    [Fact]
    public void An_end_record_pointing_past_the_file_fails()
    {
        var path = Zip("pointer.zip", 5);
        var bytes = File.ReadAllBytes(path);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(bytes.Length - 22 + 16), (uint)bytes.Length);
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => ZipEnds.Check(path));

        Assert.Contains("lies outside the file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_end_record_counting_exactly_65535_entries_passes()
    {
        // 0xFFFF fits a plain end record: writers such as Python's zipfile add no zip64 records for it.
        var path = Zip("ffff.zip", 3);
        var bytes = File.ReadAllBytes(path);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(bytes.Length - 22 + 8), ushort.MaxValue);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(bytes.Length - 22 + 10), ushort.MaxValue);
        File.WriteAllBytes(path, bytes);

        ZipEnds.Check(path);
    }

    [Fact]
    public void A_zip64_zip_with_the_longest_comment_passes()
    {
        ZipEnds.Check(Zip("zip64-comment.zip", 70_000, new string('c', ushort.MaxValue)));
    }
}
