using System.IO.Compression;
using System.Text;
using TrialEvidence.Data.Registry;

namespace TrialEvidence.Data.Tests.Registry;

/// <summary>What the reader refuses, and that it refuses it without holding more than its limit.</summary>
public class StudyJsonReaderLimitsTests
{
    private const int Limit = 64 * 1024;

    private static List<StudyJson> ReadAll(byte[] bytes, int maxRecordBytes = StudyJsonReader.DefaultMaxRecordBytes) =>
        new StudyJsonReader(new MemoryStream(bytes), "input.json") { MaxRecordBytes = maxRecordBytes }.ReadStudies().ToList();

    /// <summary>An array of two studies; the second has a string that makes it <paramref name="secondSize"/> bytes.</summary>
    private static (byte[] Bytes, int SecondOffset) ArrayWithSecondStudyOf(int secondSize)
    {
        var first = "{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT00000001\"}}}";
        var shell = "{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT00000002\", \"briefTitle\": \"\"}}}";
        var second = shell.Insert(shell.Length - 4, new string('a', secondSize - shell.Length));
        var head = $"[\n{first},\n";
        return (Encoding.UTF8.GetBytes($"{head}{second}\n]"), head.Length);
    }

    [Fact]
    public void A_record_of_exactly_the_maximum_size_is_read()
    {
        var (bytes, _) = ArrayWithSecondStudyOf(Limit);

        var studies = ReadAll(bytes, Limit);

        Assert.Equal(Limit, studies[1].Utf8.Length);
    }

    [Fact]
    public void A_record_one_byte_over_the_maximum_size_is_refused_at_its_start()
    {
        var (bytes, secondOffset) = ArrayWithSecondStudyOf(Limit + 1);

        var error = Assert.Throws<RecordTooLargeException>(() => ReadAll(bytes, Limit));

        Assert.Equal(("input.json", secondOffset, 3, 1), (error.SourceName, error.Offset, error.Line, error.BytePositionInLine));
        Assert.Contains($"larger than {Limit} bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_study_file_over_the_maximum_size_is_refused()
    {
        var (bytes, _) = ArrayWithSecondStudyOf(Limit + 1);
        var single = bytes.AsSpan(bytes.AsSpan().IndexOf("\n{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT00000002\""u8) + 1)[..^2].ToArray();

        var error = Assert.Throws<RecordTooLargeException>(() => ReadAll(single, Limit));

        Assert.Equal((0, 1), (error.Offset, error.Line));
    }

    [Fact]
    public void A_huge_zip_entry_is_refused_having_read_and_held_little_more_than_the_limit()
    {
        var zipPath = Path.Combine(Path.GetTempPath(), $"huge-{Guid.NewGuid():N}.zip");
        try
        {
            const long entryBytes = 200L * 1024 * 1024;
            var studyOffset = HostileRecords.WriteZipWithHugeStudy(zipPath, "huge.json", entryBytes);
            using var zip = ZipFile.OpenRead(zipPath);
            using var entry = new CountingStream(zip.Entries[0].Open());
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

            var error = Assert.Throws<RecordTooLargeException>(
                () => new StudyJsonReader(entry, "huge.zip!huge.json") { MaxRecordBytes = Limit }.ReadStudies().ToList());

            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            Assert.Equal(studyOffset, error.Offset);
            Assert.InRange(entry.BytesRead, Limit, 4 * Limit);
            Assert.InRange(allocated, 0, 16 * Limit);
        }
        finally
        {
            File.Delete(zipPath);
        }
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]                    // never UTF-8
    [InlineData(new byte[] { 0xC0, 0xAF })]              // an overlong '/'
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]        // a surrogate, encoded
    [InlineData(new byte[] { 0xE2, 0x82 })]              // a character cut short
    public void Invalid_utf8_in_a_field_no_parser_reads_is_malformed_at_its_byte(byte[] invalid)
    {
        var study = File.ReadAllBytes(SharedData.CtGovFile("NCT03418623.json"));
        var (bytes, valueOffset) = HostileRecords.WithUnreadField(study, [.. "ok "u8, .. invalid, .. " ok"u8]);

        var error = Assert.Throws<MalformedJsonException>(() => ReadAll(bytes));

        Assert.Equal(valueOffset + 3, error.Offset);
        Assert.Contains("not valid UTF-8", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_utf8_of_every_length_is_read_as_the_bytes_received()
    {
        var study = File.ReadAllBytes(SharedData.CtGovFile("NCT03418623.json"));
        var (bytes, _) = HostileRecords.WithUnreadField(study, "é → 😀 \\u00e9 \\ud83d\\ude00"u8);

        var read = Assert.Single(ReadAll(bytes));

        Assert.Equal(Encoding.UTF8.GetString(bytes).Trim(), Encoding.UTF8.GetString(read.Utf8.Span));
    }

    [Fact]
    public void Malformed_json_after_a_byte_order_mark_gives_the_offset_in_the_file()
    {
        var json = "{\"a\": tru}"u8.ToArray();

        var plain = Assert.Throws<MalformedJsonException>(() => ReadAll(json));
        var marked = Assert.Throws<MalformedJsonException>(() => ReadAll([0xEF, 0xBB, 0xBF, .. json]));

        Assert.Equal(json.AsSpan().IndexOf((byte)'}'), plain.Offset);
        Assert.Equal((plain.Line, plain.BytePositionInLine, plain.Offset + 3), (marked.Line, marked.BytePositionInLine, marked.Offset));
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Count(int read)
        {
            BytesRead += read;
            return read;
        }
    }
}
