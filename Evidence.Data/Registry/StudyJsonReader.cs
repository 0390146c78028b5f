using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace TrialEvidence.Data.Registry;

/// <summary>
/// Streams the study objects out of any response shape ClinicalTrials.gov API v2 produces:
/// a single study (<c>/studies/{id}</c>, also with <c>fields=</c>), a search page
/// (<c>{"studies":[...],"nextPageToken":...}</c>) or the website's JSON array download.
/// Only the study being cut out is held in memory, and never more than <see cref="MaxRecordBytes"/>
/// of it, so inputs of any size stream through. Each study is yielded as the exact bytes received,
/// so the stored raw JSON is the registry's own; bytes that are not UTF-8 make the input malformed.
/// </summary>
public sealed class StudyJsonReader
{
    public const int DefaultMaxRecordBytes = 32 * 1024 * 1024;

    private const int MinimumBufferSize = 64 * 1024;
    private const int SeparatorAllowance = 64 * 1024; // whitespace and commas held before a record, not counted against it
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private static readonly SearchValues<byte> Separators = SearchValues.Create(" \t\r\n,:"u8);

    private readonly Stream _stream;
    private readonly string _sourceName;

    private byte[] _buffer;
    private int _start;          // first byte of _buffer not yet consumed by the reader
    private int _end;            // one past the last byte filled
    private long _bufferOffset;  // offset in the stream of _buffer[0]
    private bool _finalBlock;
    private JsonReaderState _state;
    private Shape _shape = Shape.Unknown;
    private long _topObjectStart = -1;  // stream offset of a top-level object that may be a single study
    private (long Line, long Byte) _topObjectPosition;
    private bool _expectStudiesArray;
    private bool _afterNextPageTokenName;
    private bool _afterTotalCountName;
    private bool _started;
    private bool _finished;
    private long _linesBeforeStart;     // newlines in the stream before _start, for positions in messages
    private long _lineStartBeforeStart; // stream offset where the line holding _start begins

    public StudyJsonReader(Stream stream, string sourceName, int bufferSize = MinimumBufferSize)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _sourceName = sourceName;
        _buffer = new byte[Math.Max(bufferSize, 16)];
    }

    private enum Shape { Unknown, Array, Object, Page }

    private enum Step { NeedMoreData, Study, End }

    /// <summary>
    /// The largest record (a study, or any other value the reader must hold whole) it reads, in
    /// bytes: a larger one raises <see cref="RecordTooLargeException"/> once this much of it is
    /// buffered, so memory stays bounded by it whatever the input.
    /// </summary>
    public int MaxRecordBytes
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, Array.MaxLength - SeparatorAllowance);
            field = value;
        }
    } = DefaultMaxRecordBytes;

    /// <summary>The search page's <c>nextPageToken</c>, once the page has been read; null on the last page.</summary>
    public string? NextPageToken { get; private set; }

    /// <summary>The search page's <c>totalCount</c> (first page with <c>countTotal=true</c> only).</summary>
    public long? TotalCount { get; private set; }

    /// <summary>True when the input was a search page (<c>{"studies": [...]}</c>).</summary>
    public bool IsSearchPage => _shape == Shape.Page;

    /// <summary>Reads the whole input, yielding each study as it completes.</summary>
    /// <exception cref="MalformedJsonException">The input is not valid JSON or UTF-8, or not a registry shape.</exception>
    /// <exception cref="RecordTooLargeException">A record is larger than <see cref="MaxRecordBytes"/>.</exception>
    public IEnumerable<StudyJson> ReadStudies()
    {
        var index = 0;
        while (!_finished)
        {
            if (!_started)
            {
                _started = true;
                Fill();
                SkipBom();
            }

            var step = Advance(out var studyStart, out var studyEnd, out var studyLine);
            switch (step)
            {
                case Step.Study:
                    var bytes = _buffer.AsSpan((int)(studyStart - _bufferOffset), (int)(studyEnd - studyStart)).ToArray();
                    yield return new StudyJson(bytes, index++, studyLine);
                    break;
                case Step.End:
                    _finished = true;
                    break;
                case Step.NeedMoreData:
                    if (_finalBlock)
                    {
                        // The reader throws on incomplete data in the final block; this is a guard only.
                        var (line, column) = PositionOf(_start);
                        throw new MalformedJsonException(_sourceName, _bufferOffset + _start, line, column, "unexpected end of data: the input is truncated");
                    }

                    Fill();
                    break;
            }
        }
    }

    private Step Advance(out long studyStart, out long studyEnd, out long studyLine)
    {
        studyStart = studyEnd = studyLine = 0;
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _finalBlock, _state);
        try
        {
            while (true)
            {
                var stateBefore = reader.CurrentState;
                var consumedBefore = reader.BytesConsumed;
                if (!reader.Read())
                {
                    Commit(ref reader, reader.CurrentState, reader.BytesConsumed);
                    if (_finalBlock && _shape != Shape.Unknown)
                    {
                        return Step.End;
                    }

                    return Step.NeedMoreData;
                }

                var tokenStart = _bufferOffset + _start + reader.TokenStartIndex;
                if (reader.CurrentDepth == 0)
                {
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.StartArray:
                            _shape = Shape.Array;
                            continue;
                        case JsonTokenType.StartObject:
                            _shape = Shape.Object;
                            _topObjectStart = tokenStart;
                            _topObjectPosition = PositionOf(ref reader);
                            continue;
                        case JsonTokenType.EndObject when _shape == Shape.Object:
                            // A top-level object without a "studies" array is itself one study.
                            studyStart = _topObjectStart;
                            studyEnd = _bufferOffset + _start + reader.BytesConsumed;
                            studyLine = _topObjectPosition.Line;
                            _topObjectStart = -1;
                            Commit(ref reader, reader.CurrentState, reader.BytesConsumed);
                            return Step.Study;
                        case JsonTokenType.EndObject:
                        case JsonTokenType.EndArray:
                            continue;
                        default:
                            throw Malformed(ref reader, "expected a study object, a search page or an array of studies");
                    }
                }

                if (IsStudyPosition(ref reader))
                {
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw Malformed(ref reader, $"expected a study object but found {reader.TokenType}");
                    }

                    var line = PositionOf(ref reader).Line;
                    if (!reader.TrySkip())
                    {
                        // The study is not all in the buffer yet: rewind to before it and read more.
                        Commit(ref reader, stateBefore, consumedBefore);
                        return Step.NeedMoreData;
                    }

                    studyStart = tokenStart;
                    studyEnd = _bufferOffset + _start + reader.BytesConsumed;
                    studyLine = line;
                    Commit(ref reader, reader.CurrentState, reader.BytesConsumed);
                    return Step.Study;
                }

                if (_shape is Shape.Object or Shape.Page && reader.CurrentDepth == 1)
                {
                    if (!HandlePageProperty(ref reader, stateBefore, consumedBefore))
                    {
                        return Step.NeedMoreData;
                    }
                }
            }
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            throw new MalformedJsonException(
                _sourceName,
                OffsetOf(line, column),
                line,
                column,
                _shape == Shape.Unknown && _buffer.AsSpan(_start, _end - _start).Trim(" \t\r\n"u8).IsEmpty ? "the input is empty"
                    : _finalBlock && RestIsValidPrefix() ? "unexpected end of data: the input is truncated"
                    : FirstSentence(ex.Message),
                ex);
        }
    }

    /// <summary>Would the unread rest be valid if more data followed? Then the input was cut short, not garbled.</summary>
    private bool RestIsValidPrefix()
    {
        var probe = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), isFinalBlock: false, _state);
        try
        {
            while (probe.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Is the reader at an element that must be a study: an array item at the top, or an item of "studies"?</summary>
    private bool IsStudyPosition(ref Utf8JsonReader reader) =>
        (_shape == Shape.Array && reader.CurrentDepth == 1 && reader.TokenType != JsonTokenType.EndArray) ||
        (_shape == Shape.Page && _expectStudiesArray && reader.CurrentDepth == 2 && reader.TokenType != JsonTokenType.EndArray);

    /// <summary>Handles a token directly inside a top-level object; false when more data is needed.</summary>
    private bool HandlePageProperty(ref Utf8JsonReader reader, JsonReaderState stateBefore, long consumedBefore)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName:
                _afterNextPageTokenName = reader.ValueTextEquals("nextPageToken"u8);
                _afterTotalCountName = reader.ValueTextEquals("totalCount"u8);
                if (reader.ValueTextEquals("studies"u8))
                {
                    _shape = Shape.Page;
                    _topObjectStart = -1;  // a page, so the prefix need not be kept
                    _expectStudiesArray = true;
                }

                return true;
            case JsonTokenType.StartArray when _expectStudiesArray:
                return true;
            case JsonTokenType.EndArray when _expectStudiesArray:
                _expectStudiesArray = false;
                return true;
            case JsonTokenType.String when _afterNextPageTokenName:
                NextPageToken = reader.GetString();
                _afterNextPageTokenName = false;
                return true;
            case JsonTokenType.Number when _afterTotalCountName:
                TotalCount = reader.TryGetInt64(out var total) ? total : null;
                _afterTotalCountName = false;
                return true;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                if (_expectStudiesArray && reader.TokenType == JsonTokenType.StartObject)
                {
                    throw Malformed(ref reader, "\"studies\" must be an array of study objects");
                }

                if (reader.TrySkip())
                {
                    return true;
                }

                Commit(ref reader, stateBefore, consumedBefore);
                return false;
            default:
                if (_expectStudiesArray)
                {
                    throw Malformed(ref reader, "\"studies\" must be an array of study objects");
                }

                _afterNextPageTokenName = _afterTotalCountName = false;
                return true;
        }
    }

    private void Commit(ref Utf8JsonReader reader, JsonReaderState state, long consumed)
    {
        var committed = _buffer.AsSpan(_start, (int)consumed);
        // Utf8JsonReader does not check the UTF-8 inside strings. Committed bytes end after a
        // token, never inside a character, so each piece can be checked on its own.
        if (!Utf8.IsValid(committed))
        {
            throw InvalidUtf8(committed);
        }

        _linesBeforeStart += committed.Count((byte)'\n');
        var lastNewline = committed.LastIndexOf((byte)'\n');
        if (lastNewline >= 0)
        {
            _lineStartBeforeStart = _bufferOffset + _start + lastNewline + 1;
        }

        _state = state;
        _start += (int)consumed;
        reader = default;
    }

    private MalformedJsonException Malformed(ref Utf8JsonReader reader, string reason)
    {
        var (line, column) = PositionOf(ref reader);
        return new(_sourceName, _bufferOffset + _start + reader.TokenStartIndex, line, column, reason);
    }

    private MalformedJsonException InvalidUtf8(ReadOnlySpan<byte> committed)
    {
        var at = 0;
        while (Rune.DecodeFromUtf8(committed[at..], out _, out var length) == OperationStatus.Done)
        {
            at += length;
        }

        var (line, column) = PositionOf(_start + at);
        return new(_sourceName, _bufferOffset + _start + at, line, column, $"the text is not valid UTF-8 (byte 0x{committed[at]:X2})");
    }

    /// <summary>1-based line and byte in that line of <c>_buffer[index]</c>, at or after <c>_start</c>.</summary>
    private (long Line, long Byte) PositionOf(int index)
    {
        var before = _buffer.AsSpan(_start, index - _start);
        var lastNewline = before.LastIndexOf((byte)'\n');
        var lineStart = lastNewline >= 0 ? _bufferOffset + _start + lastNewline + 1 : _lineStartBeforeStart;
        return (_linesBeforeStart + before.Count((byte)'\n') + 1, _bufferOffset + index - lineStart + 1);
    }

    private (long Line, long Byte) PositionOf(ref Utf8JsonReader reader) => PositionOf(_start + (int)reader.TokenStartIndex);

    /// <summary>Stream offset of a 1-based line and byte at or after <c>_start</c>, as the JSON reader reports them.</summary>
    private long OffsetOf(long line, long column)
    {
        var lineStart = _lineStartBeforeStart;
        var at = _start;
        for (var current = _linesBeforeStart + 1; current < line; current++)
        {
            var newline = _buffer.AsSpan(at, _end - at).IndexOf((byte)'\n');
            if (newline < 0)
            {
                break;
            }

            at += newline + 1;
            lineStart = _bufferOffset + at;
        }

        return lineStart + column - 1;
    }

    /// <summary>
    /// Moves unconsumed bytes to the front (keeping a possible single-study object) and reads more,
    /// but never past <see cref="MaxRecordBytes"/> from the start of the record being waited for:
    /// one still incomplete with that much in hand is larger, and is refused without reading on.
    /// </summary>
    private void Fill()
    {
        var keepFrom = _start;
        int recordFrom;
        if (_topObjectStart >= 0)
        {
            keepFrom = recordFrom = Math.Min(keepFrom, (int)(_topObjectStart - _bufferOffset));
        }
        else
        {
            var separators = _buffer.AsSpan(_start, _end - _start).IndexOfAnyExcept(Separators);
            recordFrom = separators < 0 ? _end : _start + separators;
        }

        if (_end - recordFrom >= MaxRecordBytes || _end - keepFrom >= (long)MaxRecordBytes + SeparatorAllowance)
        {
            throw TooLarge(recordFrom);
        }

        var kept = _end - keepFrom;
        if (keepFrom > 0)
        {
            Buffer.BlockCopy(_buffer, keepFrom, _buffer, 0, kept);
            _bufferOffset += keepFrom;
            _start -= keepFrom;
            recordFrom -= keepFrom;
            _end = kept;
        }

        // Past this the record would be over the limit: neither read nor make room for it.
        var fillLimit = (int)Math.Min((long)recordFrom + MaxRecordBytes, (long)MaxRecordBytes + SeparatorAllowance);
        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, (int)Math.Min(2L * _buffer.Length, fillLimit));
        }

        // Fill the free space whole: a stream that hands out small reads (a zip entry, a pipe)
        // would otherwise make every retried skip rescan the study from its start.
        var free = Math.Min(_buffer.Length, fillLimit) - _end;
        var read = _stream.ReadAtLeast(_buffer.AsSpan(_end, free), free, throwOnEndOfStream: false);
        if (read == 0)
        {
            _finalBlock = true;
        }

        _end += read;
    }

    private RecordTooLargeException TooLarge(int recordFrom)
    {
        var (offset, (line, column)) = _topObjectStart >= 0
            ? (_topObjectStart, _topObjectPosition)
            : (_bufferOffset + recordFrom, PositionOf(recordFrom));
        return new(_sourceName, offset, line, column, MaxRecordBytes);
    }

    private void SkipBom()
    {
        if (_end >= 3 && _buffer.AsSpan(0, 3).SequenceEqual(Utf8Bom))
        {
            // Positions in line 1 count from after the mark, as the JSON reader's do; offsets include it.
            _start = Utf8Bom.Length;
            _lineStartBeforeStart = Utf8Bom.Length;
        }
    }

    private static string FirstSentence(string message)
    {
        // The position is reported separately; drop the parts of the message that repeat it.
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message.TrimEnd(' ', '|');
    }
}
