using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using ICSharpCode.SharpZipLib;
using ICSharpCode.SharpZipLib.Zip;
using static TrialEvidence.Data.Import.ZipSignatures;

namespace TrialEvidence.Data.Import;

/// <summary>An entry of a zip as its local header gives it; <see cref="Unreadable"/> says why its data cannot be read.</summary>
internal sealed record ForwardZipEntry(string Name, bool IsFile, string? Unreadable);

/// <summary>
/// Reads a zip forward, entry by entry in the order written, without its central directory
/// (the registry's bulk download has 600,000 entries; an index of them costs a few hundred
/// megabytes). As a stream it reads the current entry's data.
/// <para>
/// Entries whose local header gives their sizes (how a zip written to a file is laid out,
/// e.g. the bulk download) are inflated by .NET's own zlib and delimited by those sizes: an
/// entry whose data is damaged is that entry's problem alone, and the next entry is found
/// where the sizes say, whether or not the entry was read. From the first entry whose sizes
/// follow its data (a zip written as it is sent), only inflating the entry finds its end, and
/// SharpZipLib's <see cref="ZipInputStream"/> reads the rest; after damaged data there it
/// cannot know where the next entry begins (<see cref="LosesPlaceOnDamage"/>).
/// </para>
/// SharpZipLib's managed inflater was most of the importer's reading thread; zlib halves that
/// thread's time (docs/architecture.md gives the figures).
/// </summary>
internal sealed class ForwardZip : ReadOnlyStream
{
    private const int LocalHeaderSize = 30;
    private const ushort Encrypted = 0x1;
    private const ushort SizesFollowData = 0x8;
    private const ushort Utf8Names = 0x800;
    private const ushort Zip64Extra = 0x0001;

    private readonly FileStream _file;
    private readonly byte[] _header = new byte[LocalHeaderSize];
    private readonly Crc32 _crc = new();
    private ZipInputStream? _streamed;
    private long _next;
    private Stream? _data;
    private long _expectedSize;
    private uint _expectedCrc;
    private long _inflated;
    private string? _failure;

    public ForwardZip(string path)
    {
        _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
    }

    /// <summary>Whether, after an entry's data failed to read, the position of the next entry is lost.</summary>
    public bool LosesPlaceOnDamage => _streamed is not null;

    /// <summary>Moves to the next entry; null at the central directory (the end of the entries).</summary>
    /// <exception cref="InvalidDataException">No entry header where one should begin (a cut-off or damaged zip).</exception>
    /// <exception cref="IOException">Reading the file failed.</exception>
    /// <exception cref="SharpZipBaseException">The streamed part of the zip could not be read.</exception>
    public ForwardZipEntry? GetNextEntry()
    {
        CloseData();
        if (_streamed is not null)
        {
            return Streamed(_streamed.GetNextEntry());
        }

        _file.Position = _next;
        var read = _file.ReadAtLeast(_header.AsSpan(0, 4), 4, throwOnEndOfStream: false);
        if (read < 4)
        {
            throw new InvalidDataException("it ends where an entry or its directory should begin (cut short?)");
        }

        var signature = BinaryPrimitives.ReadUInt32LittleEndian(_header);
        if (signature is DirectoryHeader or End or Zip64End)
        {
            return null;
        }

        if (signature != LocalHeader)
        {
            throw new InvalidDataException($"no entry header at byte {_next:N0}");
        }

        ReadHeader(_header.AsSpan(4));
        var header = _header.AsSpan();
        var flags = BinaryPrimitives.ReadUInt16LittleEndian(header[6..]);
        if ((flags & SizesFollowData) != 0)
        {
            // Only inflating the entry finds its end: SharpZipLib reads on from its header.
            _file.Position = _next;
            _streamed = new ZipInputStream(_file) { IsStreamOwner = false };
            return Streamed(_streamed.GetNextEntry());
        }

        var method = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
        _expectedCrc = BinaryPrimitives.ReadUInt32LittleEndian(header[14..]);
        long compressed = BinaryPrimitives.ReadUInt32LittleEndian(header[18..]);
        _expectedSize = BinaryPrimitives.ReadUInt32LittleEndian(header[22..]);
        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[26..]);
        var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
        var nameAndExtra = new byte[nameLength + extraLength];
        ReadHeader(nameAndExtra);
        var name = ((flags & Utf8Names) != 0 ? Encoding.UTF8 : Encoding.Latin1).GetString(nameAndExtra, 0, nameLength);
        if (compressed == uint.MaxValue || _expectedSize == uint.MaxValue)
        {
            (_expectedSize, compressed) = Zip64Sizes(nameAndExtra.AsSpan(nameLength), _expectedSize, compressed);
        }

        var dataStart = _file.Position;
        _next = dataStart + compressed;
        var unreadable = Unreadable((flags & Encrypted) != 0, method is 0 or 8, method);
        if (unreadable is null)
        {
            var stored = new EntryBytes(_file, compressed);
            _data = method == 8 ? new DeflateStream(stored, CompressionMode.Decompress) : stored;
            _crc.Reset();
            _inflated = 0;
            _failure = null;
        }

        return new ForwardZipEntry(name, !name.EndsWith('/'), unreadable);
    }

    /// <summary>Reads the rest of an entry's header, which must all be there.</summary>
    private void ReadHeader(Span<byte> buffer)
    {
        if (_file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) < buffer.Length)
        {
            throw new InvalidDataException("it ends inside an entry's header (cut short?)");
        }
    }

    private ForwardZipEntry? Streamed(ZipEntry? entry) => entry is null ? null : new ForwardZipEntry(
        entry.Name,
        entry.IsFile,
        Unreadable(entry.IsCrypted, _streamed!.CanDecompressEntry, entry.CompressionMethod));

    /// <summary>Why an entry's data cannot be read, or null when it can.</summary>
    private static string? Unreadable(bool encrypted, bool supported, object method) =>
        encrypted ? "it is encrypted" : !supported ? $"its compression method ({method}) is not supported" : null;

    /// <summary>
    /// The sizes of a zip64 extra field (APPNOTE 4.5.3): both where it holds both, as a local
    /// header's must; else each present only where the header's own is 0xFFFFFFFF.
    /// </summary>
    private static (long Size, long Compressed) Zip64Sizes(ReadOnlySpan<byte> extra, long size, long compressed)
    {
        while (extra.Length >= 4)
        {
            var id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            var length = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            var field = extra.Slice(4, Math.Min(length, extra.Length - 4));
            if (id == Zip64Extra)
            {
                // A local header's zip64 field holds both sizes (APPNOTE 4.5.3), whichever is 0xFFFFFFFF.
                if (field.Length >= 16)
                {
                    (size, compressed) = (BinaryPrimitives.ReadInt64LittleEndian(field), BinaryPrimitives.ReadInt64LittleEndian(field[8..]));
                    break;
                }

                var at = 0;
                if (size == uint.MaxValue && field.Length >= at + 8)
                {
                    size = BinaryPrimitives.ReadInt64LittleEndian(field[at..]);
                    at += 8;
                }

                if (compressed == uint.MaxValue && field.Length >= at + 8)
                {
                    compressed = BinaryPrimitives.ReadInt64LittleEndian(field[at..]);
                }

                break;
            }

            extra = extra[Math.Min(extra.Length, 4 + length)..];
        }

        return size == uint.MaxValue || compressed == uint.MaxValue || size < 0 || compressed < 0
            ? throw new InvalidDataException("an entry's zip64 sizes are missing")
            : (size, compressed);
    }

    public override int Read(Span<byte> buffer)
    {
        if (_streamed is not null)
        {
            return _streamed.Read(buffer);
        }

        if (_data is null || buffer.IsEmpty)
        {
            return 0;
        }

        if (_failure is not null)
        {
            // Read again (a source may be opened twice), a damaged entry fails again.
            throw new InvalidDataException(_failure);
        }

        int read;
        try
        {
            read = _data.Read(buffer);
        }
        catch (InvalidDataException ex)
        {
            // DeflateStream says "unsupported compression method" of any corrupt block.
            throw Fail($"its compressed data is damaged ({ex.Message})");
        }

        _crc.Append(buffer[..read]);
        _inflated += read;
        if (_inflated > _expectedSize)
        {
            throw Fail($"its data inflates to more than the {_expectedSize:N0} bytes its header gives");
        }

        // At the end (every read that returns nothing checks again, with the same result).
        if (read == 0)
        {
            if (_inflated != _expectedSize)
            {
                throw Fail($"its data inflates to {_inflated:N0} bytes, not the {_expectedSize:N0} its header gives");
            }

            if (_crc.GetCurrentHashAsUInt32() != _expectedCrc)
            {
                throw Fail("its data does not match its checksum (CRC-32)");
            }
        }

        return read;
    }

    /// <summary>Remembers why the current entry's data is wrong, to say it again on any later read.</summary>
    private InvalidDataException Fail(string reason)
    {
        _failure = reason;
        return new InvalidDataException(reason);
    }

    private void CloseData()
    {
        _data?.Dispose();
        _data = null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CloseData();
            _streamed?.Dispose();
            _file.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>An entry's stored bytes: the next <c>length</c> bytes of the file, which must all be there.</summary>
    private sealed class EntryBytes(FileStream file, long length) : ReadOnlyStream
    {
        private long _left = length;

        public override int Read(Span<byte> buffer)
        {
            if (_left == 0 || buffer.IsEmpty)
            {
                return 0;
            }

            var read = file.Read(buffer[..(int)Math.Min(buffer.Length, _left)]);
            if (read == 0)
            {
                throw new InvalidDataException("the zip ends inside this entry's data (cut short?)");
            }

            _left -= read;
            return read;
        }
    }
}
