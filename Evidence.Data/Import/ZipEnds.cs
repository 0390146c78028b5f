using System.Buffers.Binary;
using static TrialEvidence.Data.Import.ZipSignatures;

namespace TrialEvidence.Data.Import;

/// <summary>
/// Whether a file is a whole zip, read from its two ends only: it begins with an entry (or is an
/// empty zip) and ends with an end-of-central-directory record (the zip64 one where the counts
/// overflow) whose directory lies inside the file and begins with a directory entry. A download
/// cut short or an error page saved as the zip fails. It reads a few kilobytes whatever the
/// number of entries, where opening the zip with System.IO.Compression indexes every entry
/// (~200 MB for the registry's 600,000).
/// </summary>
public static class ZipEnds
{
    private const int EndSize = 22;
    private const int MaxComment = ushort.MaxValue;
    private const int Zip64LocatorSize = 20;

    /// <exception cref="InvalidDataException">The file is not a whole zip; the message says why.</exception>
    public static void Check(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        var length = file.Length;
        if (length < EndSize)
        {
            throw new InvalidDataException($"{length} bytes is too short for a zip");
        }

        // The end record, its longest comment, and the zip64 locator before it.
        var tailSize = (int)Math.Min(length, Zip64LocatorSize + EndSize + MaxComment);
        var tail = Read(file, length - tailSize, tailSize);
        var end = FindEnd(tail) ?? throw new InvalidDataException("no end-of-central-directory record: the file is cut short or not a zip");
        var endAt = length - tail.Length + end;
        long entries = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(end + 10));
        long directorySize = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(end + 12));
        long directoryAt = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(end + 16));
        var directoryEnd = endAt;
        var hasLocator = end >= Zip64LocatorSize && BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(end - Zip64LocatorSize)) == Zip64Locator;
        // Exactly 65,535 entries is a count a plain end record can hold: zip64 only where a locator says so.
        if (hasLocator || directorySize == uint.MaxValue || directoryAt == uint.MaxValue)
        {
            if (!hasLocator)
            {
                throw new InvalidDataException("the end record says zip64 but there is no zip64 locator");
            }

            var zip64At = (long)BinaryPrimitives.ReadUInt64LittleEndian(tail.AsSpan(end - Zip64LocatorSize + 8));
            if (zip64At < 0 || zip64At > endAt - 56)
            {
                throw new InvalidDataException("the zip64 end record lies outside the file");
            }

            var zip64 = Read(file, zip64At, 56);
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip64) != Zip64End)
            {
                throw new InvalidDataException("no zip64 end record where its locator points");
            }

            entries = (long)BinaryPrimitives.ReadUInt64LittleEndian(zip64.AsSpan(32));
            directorySize = (long)BinaryPrimitives.ReadUInt64LittleEndian(zip64.AsSpan(40));
            directoryAt = (long)BinaryPrimitives.ReadUInt64LittleEndian(zip64.AsSpan(48));
            directoryEnd = zip64At;
        }

        if (directoryAt < 0 || directorySize < 0 || directoryAt > directoryEnd || directorySize > directoryEnd - directoryAt)
        {
            throw new InvalidDataException($"the central directory ({directorySize:N0} bytes at {directoryAt:N0}) lies outside the file ({length:N0} bytes)");
        }

        if (entries > 0
            && (BinaryPrimitives.ReadUInt32LittleEndian(Read(file, directoryAt, 4)) != DirectoryHeader
                || BinaryPrimitives.ReadUInt32LittleEndian(Read(file, 0, 4)) != LocalHeader))
        {
            throw new InvalidDataException("the central directory or the first entry is not where the end record says");
        }
    }

    /// <summary>The offset in <paramref name="tail"/> of the end record whose comment runs exactly to the end of the file.</summary>
    private static int? FindEnd(byte[] tail)
    {
        for (var at = tail.Length - EndSize; at >= 0; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at)) == End
                && at + EndSize + BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 20)) == tail.Length)
            {
                return at;
            }
        }

        return null;
    }

    private static byte[] Read(FileStream file, long offset, int count)
    {
        var bytes = new byte[count];
        file.Position = offset;
        file.ReadExactly(bytes);
        return bytes;
    }
}
