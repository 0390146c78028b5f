using System.Text.Json;

namespace TrialEvidence.Data.Registry;

/// <summary>
/// Streams the study objects out of any response shape ClinicalTrials.gov API v2 produces:
/// a single study (<c>/studies/{id}</c>, also with <c>fields=</c>), a search page
/// (<c>{"studies":[...],"nextPageToken":...}</c>) or the website's JSON array download.
/// Only the study being cut out is held in memory, so inputs of any size stream through.
/// Each study is yielded as the exact bytes received, so the stored raw JSON is the registry's own.
/// </summary>
public sealed class StudyJsonReader
{
    private const int MinimumBufferSize = 64 * 1024;
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

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
    private long _topObjectLine;
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

    /// <summary>The search page's <c>nextPageToken</c>, once the page has been read; null on the last page.</summary>
    public string? NextPageToken { get; private set; }

    /// <summary>The search page's <c>totalCount</c> (first page with <c>countTotal=true</c> only).</summary>
    public long? TotalCount { get; private set; }

    /// <summary>True when the input was a search page (<c>{"studies": [...]}</c>).</summary>
    public bool IsSearchPage => _shape == Shape.Page;

    /// <summary>Reads the whole input, yielding each study as it completes.</summary>
    /// <exception cref="MalformedJsonException">The input is not valid JSON or not a registry shape.</exception>
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
                        throw new MalformedJsonException(_sourceName, _linesBeforeStart + 1, 1, "unexpected end of data: the input is truncated");
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
                            _topObjectLine = LineOf(ref reader);
                            continue;
                        case JsonTokenType.EndObject when _shape == Shape.Object:
                            // A top-level object without a "studies" array is itself one study.
                            studyStart = _topObjectStart;
                            studyEnd = _bufferOffset + _start + reader.BytesConsumed;
                            studyLine = _topObjectLine;
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

                    var line = LineOf(ref reader);
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
            throw new MalformedJsonException(
                _sourceName,
                (ex.LineNumber ?? 0) + 1,
                (ex.BytePositionInLine ?? 0) + 1,
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
        var before = _buffer.AsSpan(_start, (int)reader.TokenStartIndex);
        var lastNewline = before.LastIndexOf((byte)'\n');
        var lineStart = lastNewline >= 0 ? _bufferOffset + _start + lastNewline + 1 : _lineStartBeforeStart;
        var column = _bufferOffset + _start + reader.TokenStartIndex - lineStart + 1;
        return new(_sourceName, LineOf(ref reader), column, reason);
    }

    /// <summary>1-based line of the reader's current token.</summary>
    private long LineOf(ref Utf8JsonReader reader) =>
        _linesBeforeStart + _buffer.AsSpan(_start, (int)reader.TokenStartIndex).Count((byte)'\n') + 1;

    /// <summary>Moves unconsumed bytes to the front (keeping a possible single-study object) and reads more.</summary>
    private void Fill()
    {
        var keepFrom = _start;
        if (_topObjectStart >= 0)
        {
            keepFrom = Math.Min(keepFrom, (int)(_topObjectStart - _bufferOffset));
        }

        var kept = _end - keepFrom;
        if (keepFrom > 0)
        {
            Buffer.BlockCopy(_buffer, keepFrom, _buffer, 0, kept);
            _bufferOffset += keepFrom;
            _start -= keepFrom;
            _end = kept;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, checked(_buffer.Length * 2));
        }

        // Fill the free space whole: a stream that hands out small reads (a zip entry, a pipe)
        // would otherwise make every retried skip rescan the study from its start.
        var read = _stream.ReadAtLeast(_buffer.AsSpan(_end), _buffer.Length - _end, throwOnEndOfStream: false);
        if (read == 0)
        {
            _finalBlock = true;
        }

        _end += read;
    }

    private void SkipBom()
    {
        if (_end >= 3 && _buffer.AsSpan(0, 3).SequenceEqual(Utf8Bom))
        {
            _start = 3;
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
