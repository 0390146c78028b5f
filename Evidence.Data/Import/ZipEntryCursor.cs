using ICSharpCode.SharpZipLib;

namespace TrialEvidence.Data.Import;

/// <summary>
/// The entry under a streamed zip's read position, made readable more than once (a
/// <see cref="RecordSource"/> promises that): what one reader took from the zip is kept, in
/// memory up to <see cref="MemoryBytes"/> and in a temporary file past that, and played back
/// to the next, which then reads on from the zip. Only the current entry can be read; one
/// cursor serves all the entries of a zip in turn.
/// </summary>
internal sealed class ZipEntryCursor(ForwardZip zip) : IDisposable
{
    /// <summary>An entry larger than this is kept in a temporary file (the registry's are ~20 KB).</summary>
    public const int MemoryBytes = 8 * 1024 * 1024;

    private readonly MemoryStream memory = new();
    private FileStream? file;
    private int entry;
    private bool ended;

    private Stream Kept => file ?? (Stream)memory;

    /// <summary>
    /// Whether reading an entry failed on its data where only inflating it finds its end (an
    /// entry whose sizes follow its data, read by SharpZipLib; see <see cref="ForwardZip.LosesPlaceOnDamage"/>):
    /// the zip's position is then not to be trusted, and no further entry may be read from it.
    /// </summary>
    public bool Damaged { get; private set; }

    /// <summary>Moves on to the entry the zip is now at (called for every entry, so a reading of an earlier one fails).</summary>
    public void Pass()
    {
        memory.SetLength(0);
        file?.Dispose();
        file = null;
        ended = false;
        entry++;
    }

    /// <summary>How to open the current entry while it is current.</summary>
    public Func<Stream> Open()
    {
        var mine = entry;
        return () => new Reader(this, mine);
    }

    public void Dispose()
    {
        memory.Dispose();
        file?.Dispose();
    }

    private int ReadZip(Span<byte> buffer)
    {
        try
        {
            return zip.Read(buffer);
        }
        catch (Exception ex) when (ex is SharpZipBaseException or EndOfStreamException)
        {
            Damaged = zip.LosesPlaceOnDamage;
            // Damaged data (a bad CRC, a broken deflate stream) is an unreadable source, as System.IO.Compression says it.
            throw new InvalidDataException(ex.Message, ex);
        }
    }

    private void Keep(ReadOnlySpan<byte> read)
    {
        if (file is null && memory.Length + read.Length > MemoryBytes)
        {
            file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
            memory.Position = 0;
            memory.CopyTo(file);
            memory.SetLength(0);
        }

        var kept = Kept;
        kept.Position = kept.Length;
        kept.Write(read);
    }

    /// <summary>One reading of the entry: first what is kept, then on from the zip.</summary>
    private sealed class Reader : ReadOnlyStream
    {
        private readonly ZipEntryCursor cursor;
        private readonly int entry;
        private long position;

        public Reader(ZipEntryCursor cursor, int entry)
        {
            this.cursor = cursor;
            this.entry = entry;
            ThrowIfPassed();
        }

        public override long Position
        {
            get => position;
            set => throw new NotSupportedException();
        }

        public override int Read(Span<byte> buffer)
        {
            ThrowIfPassed();
            var kept = cursor.Kept;
            int read;
            if (position < kept.Length)
            {
                kept.Position = position;
                read = kept.Read(buffer);
            }
            else if (cursor.ended || buffer.IsEmpty)
            {
                return 0;
            }
            else
            {
                read = cursor.ReadZip(buffer);
                if (read == 0)
                {
                    cursor.ended = true;
                }
                else
                {
                    cursor.Keep(buffer[..read]);
                }
            }

            position += read;
            return read;
        }

        private void ThrowIfPassed()
        {
            if (entry != cursor.entry)
            {
                throw new InvalidOperationException("A zip is read in order: an entry cannot be read once the next one is.");
            }
        }
    }
}
