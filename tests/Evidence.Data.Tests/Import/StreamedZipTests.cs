using System.IO.Compression;
using System.Text;
using Dapper;
using TrialEvidence.Data.Import;

namespace TrialEvidence.Data.Tests.Import;

/// <summary>
/// Zips are read entry by entry as they were written (the whole registry's download has one
/// entry per study), so these cover what a streamed reading must still get right: entries
/// written with data descriptors, entries read twice, damaged and cut-off archives.
/// </summary>
public class StreamedZipTests
{
    private static readonly string[] Studies = Directory.EnumerateFiles(SharedData.CtGov, "NCT*.json").Order(StringComparer.Ordinal).ToArray();

    /// <summary>Zips the shared single-study files as the bulk download lays them out; returns the entry names.</summary>
    private static List<string> WriteBulkZip(Stream output, IEnumerable<string>? files = null)
    {
        var names = new List<string>();
        using var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var file in files ?? Studies)
        {
            var id = Path.GetFileNameWithoutExtension(file);
            var name = $"{id[3..5]}/{id}.json";
            archive.CreateEntryFromFile(file, name);
            names.Add(name);
        }

        return names;
    }

    /// <summary>Writes <see cref="WriteBulkZip"/>'s zip to the file <paramref name="path"/>, with sizes after each entry's data where <paramref name="streamed"/>.</summary>
    private static List<string> WriteBulkZipFile(string path, bool streamed = false, IEnumerable<string>? files = null)
    {
        using var file = File.Create(path);
        return WriteBulkZip(streamed ? new ForwardOnlyStream(file) : file, files);
    }

    private static List<string> StoredIds(TempDatabase database)
    {
        using var connection = database.Open();
        return connection.Query<string>("SELECT nct_id FROM studies ORDER BY nct_id").ToList();
    }

    private static List<string> SharedIds() => Studies.Select(s => Path.GetFileNameWithoutExtension(s)).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void A_zip_written_to_a_pipe_with_data_descriptors_imports_every_study()
    {
        // A server that zips as it sends cannot go back to write sizes, so each entry's sizes
        // follow its data; a reader that trusted the local header's zeros would read nothing.
        using var database = new TempDatabase();
        var zip = Path.Combine(database.Directory, "streamed.zip");
        WriteBulkZipFile(zip, streamed: true);

        var flags = BitConverter.ToUInt16(File.ReadAllBytes(zip), 6);
        Assert.NotEqual(0, flags & 0x8);

        var summary = database.Import(zip);

        Assert.Empty(summary.Rejections);
        Assert.Equal(SharedIds(), StoredIds(database));
    }

    [Fact]
    public void Entries_read_twice_give_the_same_versions_as_entries_read_once()
    {
        using var once = new TempDatabase();
        using var twice = new TempDatabase();
        var zip = Path.Combine(once.Directory, "bulk.zip");
        WriteBulkZipFile(zip);

        once.CreateImporter().Import(RecordSource.Expand([zip]));
        var summary = twice.CreateImporter(singlePassBytes: 1024).Import(RecordSource.Expand([zip]));

        Assert.Empty(summary.Rejections);
        using var a = once.Open();
        using var b = twice.Open();
        Assert.Equal(
            a.Query<string>("SELECT nct_id || ' ' || content_hash FROM study_versions ORDER BY 1").ToList(),
            b.Query<string>("SELECT nct_id || ' ' || content_hash FROM study_versions ORDER BY 1").ToList());
    }

    [Fact]
    public void An_entry_larger_than_memory_keeps_is_read_twice_from_a_temporary_file()
    {
        // One entry holding every shared study, repeated past what the reader keeps in memory.
        using var database = new TempDatabase();
        var zip = Path.Combine(database.Directory, "big.zip");
        var records = Studies.Select(File.ReadAllText).ToList();
        long written = 0;
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        using (var entry = new StreamWriter(archive.CreateEntry("all.json").Open(), new UTF8Encoding(false)))
        {
            entry.Write('[');
            for (var i = 0; written <= ZipEntryCursor.MemoryBytes; i++)
            {
                var record = records[i % records.Count];
                entry.Write(i == 0 ? record : "," + record);
                written += Encoding.UTF8.GetByteCount(record) + 1;
            }

            entry.Write(']');
        }

        var summary = database.CreateImporter(singlePassBytes: 1024).Import(RecordSource.Expand([zip]));

        Assert.Empty(summary.Rejections);
        Assert.Equal(SharedIds(), StoredIds(database));
    }

    [Theory]
    [InlineData("data")] // the middle of the entry's compressed data overwritten
    [InlineData("crc")] // the checksum in its local header changed
    public void A_damaged_entry_whose_header_gives_its_size_is_rejected_alone_and_every_other_entry_is_stored(string damage)
    {
        // The local header's sizes say where the next entry begins, whatever the damage to this one's data.
        using var database = new TempDatabase();
        var zip = Path.Combine(database.Directory, "damaged.zip");
        var names = WriteBulkZipFile(zip);

        var bytes = File.ReadAllBytes(zip);
        var second = LocalHeaderOffsets(bytes)[1];
        if (damage == "crc")
        {
            bytes[second + 14] ^= 0xFF;
        }
        else
        {
            var dataStart = second + 30 + BitConverter.ToUInt16(bytes, second + 26) + BitConverter.ToUInt16(bytes, second + 28);
            var compressed = BitConverter.ToInt32(bytes, second + 18);
            Array.Fill(bytes, (byte)0xFF, dataStart + compressed / 3, compressed / 3);
        }

        File.WriteAllBytes(zip, bytes);

        var summary = database.Import(zip);

        var rejected = Assert.Single(summary.Rejections);
        Assert.Equal($"{zip}!{names[1]}", rejected.Source);
        // Garbage data either fails to inflate or inflates into bytes that are not JSON; a bad checksum is named.
        Assert.Matches(damage == "crc" ? "checksum" : "damaged|malformed JSON|checksum", rejected.Reason);

        var expected = SharedIds();
        expected.Remove(Path.GetFileNameWithoutExtension(names[1]));
        Assert.Equal(expected, StoredIds(database));
    }

    [Fact]
    public void A_damaged_entry_whose_size_follows_its_data_is_rejected_with_the_rest_of_the_zip_and_nothing_after_it_is_lost_in_silence()
    {
        // Where sizes follow the data, only inflating an entry finds its end; after the reader
        // fails on an entry's data it cannot trust where the next entry begins (SharpZipLib
        // skipped one whole entry after a CRC error), so the rest of the zip is one rejection.
        using var database = new TempDatabase();
        var zip = Path.Combine(database.Directory, "damaged.zip");
        var names = WriteBulkZipFile(zip, streamed: true);

        var bytes = File.ReadAllBytes(zip);
        var second = LocalHeaderOffsets(bytes)[1];
        var third = LocalHeaderOffsets(bytes)[2];
        // The data descriptor (signature, CRC-32, sizes) ends where the next entry begins.
        Assert.Equal(0x08074b50u, BitConverter.ToUInt32(bytes, third - 16));
        Assert.True(third - 16 > second);
        bytes[third - 12] ^= 0xFF;
        File.WriteAllBytes(zip, bytes);

        var summary = database.Import(zip);

        Assert.Equal([$"{zip}!{names[1]}", zip], summary.Rejections.Select(r => r.Source));
        Assert.Contains($"after its entry {names[1]}", summary.Rejections[1].Reason, StringComparison.Ordinal);
        Assert.Equal([Path.GetFileNameWithoutExtension(names[0])], StoredIds(database));
    }

    [Fact]
    public void Entries_stored_without_compression_and_entries_with_zip64_sizes_are_read_by_their_headers()
    {
        using var database = new TempDatabase();
        var stored = Path.Combine(database.Directory, "stored.zip");
        using (var archive = ZipFile.Open(stored, ZipArchiveMode.Create))
        {
            foreach (var file in Studies.Take(3))
            {
                archive.CreateEntryFromFile(file, Path.GetFileName(file), CompressionLevel.NoCompression);
            }
        }

        var zip64 = Path.Combine(database.Directory, "zip64.zip");
        using (var output = new ICSharpCode.SharpZipLib.Zip.ZipOutputStream(File.Create(zip64)) { UseZip64 = ICSharpCode.SharpZipLib.Zip.UseZip64.On })
        {
            foreach (var file in Studies.Skip(3))
            {
                output.PutNextEntry(new ICSharpCode.SharpZipLib.Zip.ZipEntry(Path.GetFileName(file)));
                output.Write(File.ReadAllBytes(file));
                output.CloseEntry();
            }
        }

        var storedBytes = File.ReadAllBytes(stored);
        Assert.Equal(0, BitConverter.ToUInt16(storedBytes, 8)); // method 0: stored
        var zip64Bytes = File.ReadAllBytes(zip64);
        Assert.Equal(0, BitConverter.ToUInt16(zip64Bytes, 6) & 0x8); // sizes in the header...
        Assert.Equal(uint.MaxValue, BitConverter.ToUInt32(zip64Bytes, 18)); // ...in its zip64 extra field

        var summary = database.Import(stored, zip64);

        Assert.Empty(summary.Rejections);
        Assert.Equal(SharedIds(), StoredIds(database));
    }

    [Fact]
    public void A_zip_whose_later_entries_have_their_sizes_after_their_data_is_read_to_the_end()
    {
        // The first entries are read by their headers, the rest (from the first data descriptor) by SharpZipLib.
        using var database = new TempDatabase();
        var sized = new MemoryStream();
        WriteBulkZip(sized, Studies.Take(3));
        var streamed = new MemoryStream();
        WriteBulkZip(new ForwardOnlyStream(streamed), Studies.Skip(3));
        var first = sized.ToArray();
        var entriesEnd = BitConverter.ToInt32(first, first.Length - 22 + 16); // where the first zip's directory begins
        var zip = Path.Combine(database.Directory, "mixed.zip");
        File.WriteAllBytes(zip, [.. first[..entriesEnd], .. streamed.ToArray()]);
        Assert.Equal(0, BitConverter.ToUInt16(first, 6) & 0x8);
        Assert.NotEqual(0, BitConverter.ToUInt16(File.ReadAllBytes(zip), entriesEnd + 6) & 0x8);

        var summary = database.Import(zip);

        Assert.Empty(summary.Rejections);
        Assert.Equal(SharedIds(), StoredIds(database));
    }

    [Fact]
    public void A_damaged_entry_read_a_second_time_fails_again()
    {
        using var database = new TempDatabase();
        var zip = Path.Combine(database.Directory, "damaged.zip");
        WriteBulkZipFile(zip, files: Studies.Take(2));

        var bytes = File.ReadAllBytes(zip);
        bytes[14] ^= 0xFF; // the first entry's checksum
        File.WriteAllBytes(zip, bytes);

        using var entries = RecordSource.Expand([zip]).GetEnumerator();
        Assert.True(entries.MoveNext());
        for (var reading = 0; reading < 2; reading++)
        {
            using var stream = entries.Current.Open();
            var error = Assert.Throws<InvalidDataException>(() => stream.CopyTo(Stream.Null));
            Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_encrypted_entry_is_rejected_by_name_and_the_entries_before_it_are_imported()
    {
        using var database = new TempDatabase();
        var zip = Path.Combine(database.Directory, "encrypted.zip");
        using (var output = new ICSharpCode.SharpZipLib.Zip.ZipOutputStream(File.Create(zip)))
        {
            foreach (var (file, i) in Studies.Take(3).Select((f, i) => (f, i)))
            {
                output.Password = i == 1 ? "secret" : null;
                output.PutNextEntry(new ICSharpCode.SharpZipLib.Zip.ZipEntry(Path.GetFileName(file)));
                output.Write(File.ReadAllBytes(file));
                output.CloseEntry();
            }
        }

        var summary = database.Import(zip);

        var encrypted = Assert.Single(summary.Rejections, r => r.Source == $"{zip}!{Path.GetFileName(Studies[1])}");
        Assert.Contains("encrypted", encrypted.Reason, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileNameWithoutExtension(Studies[0]), StoredIds(database));
        Assert.DoesNotContain(Path.GetFileNameWithoutExtension(Studies[1]), StoredIds(database));
        // The third entry is stored, or (when the encrypted entry's size follows its data) the rest of the zip is rejected.
        Assert.True(
            StoredIds(database).Contains(Path.GetFileNameWithoutExtension(Studies[2])) || summary.Rejections.Any(r => r.Source == zip),
            string.Join("; ", summary.Rejections.Select(r => $"{r.Source}: {r.Reason}")));
    }

    [Fact]
    public void A_zip_cut_off_midway_stores_the_entries_before_the_cut_and_rejects_the_rest()
    {
        // A download killed halfway: no central directory, the last entry incomplete.
        using var database = new TempDatabase();
        database.Import(SharedData.CtGovFile("NCT03418623.json"));
        var zip = Path.Combine(database.Directory, "cut.zip");
        var names = WriteBulkZipFile(zip);

        var bytes = File.ReadAllBytes(zip);
        var offsets = LocalHeaderOffsets(bytes);
        var cut = offsets[5] + 100;
        File.WriteAllBytes(zip, bytes[..cut]);

        var summary = database.Import(zip);

        // The entry the cut went through, then the rest of the zip, which has no more entries to name.
        Assert.Equal([$"{zip}!{names[5]}", zip], summary.Rejections.Select(r => r.Source));
        Assert.Contains("not a readable zip", summary.Rejections[1].Reason, StringComparison.Ordinal);
        var stored = StoredIds(database);
        Assert.Contains("NCT03418623", stored);
        Assert.Equal(
            names.Take(5).Select(n => Path.GetFileNameWithoutExtension(n)!).Append("NCT03418623").Distinct().Order(StringComparer.Ordinal).ToList(),
            stored);
    }

    [Fact]
    public void A_zip_cut_inside_an_entry_header_says_it_is_cut_short_after_the_entries_before_it()
    {
        using var database = new TempDatabase();
        var zip = Path.Combine(database.Directory, "cut-header.zip");
        var names = WriteBulkZipFile(zip);

        var bytes = File.ReadAllBytes(zip);
        File.WriteAllBytes(zip, bytes[..(LocalHeaderOffsets(bytes)[5] + 12)]);

        var summary = database.Import(zip);

        var rejected = Assert.Single(summary.Rejections);
        Assert.Equal(zip, rejected.Source);
        Assert.Contains($"after its entry {names[4]}", rejected.Reason, StringComparison.Ordinal);
        Assert.Contains("cut short", rejected.Reason, StringComparison.Ordinal);
        Assert.Equal(names.Take(5).Select(n => Path.GetFileNameWithoutExtension(n)!).Order(StringComparer.Ordinal).ToList(), StoredIds(database));
    }

    [Fact]
    public void An_entry_cannot_be_opened_once_the_next_one_is()
    {
        using var database = new TempDatabase();
        var zip = Path.Combine(database.Directory, "bulk.zip");
        WriteBulkZipFile(zip);

        using var entries = RecordSource.Expand([zip]).GetEnumerator();
        Assert.True(entries.MoveNext());
        var first = entries.Current;
        using (var stream = first.Open())
        {
            Assert.Equal((byte)'{', (byte)stream.ReadByte());
        }

        Assert.True(entries.MoveNext());

        Assert.Throws<InvalidOperationException>(() => first.Open());
    }

    /// <summary>Offsets of the local file headers, found through the central directory.</summary>
    private static List<int> LocalHeaderOffsets(byte[] zip)
    {
        var end = zip.Length - 22;
        while (BitConverter.ToUInt32(zip, end) != 0x06054b50)
        {
            end--;
        }

        var count = BitConverter.ToUInt16(zip, end + 10);
        var at = BitConverter.ToInt32(zip, end + 16);
        var offsets = new List<int>();
        for (var i = 0; i < count; i++)
        {
            offsets.Add(BitConverter.ToInt32(zip, at + 42));
            at += 46 + BitConverter.ToUInt16(zip, at + 28) + BitConverter.ToUInt16(zip, at + 30) + BitConverter.ToUInt16(zip, at + 32);
        }

        return offsets;
    }

    /// <summary>A stream that can only be written forward, as an HTTP response body is.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
