using System.Text.Json;

namespace TrialEvidence.Data.Studies;

/// <summary>
/// Null-tolerant reads of a registry record: any module or field may be missing (fields= subsets,
/// trimmed records), but a field that is present with the wrong type is an error, not a guess.
/// </summary>
internal static class JsonPath
{
    public static JsonElement? Get(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static JsonElement? Get(this JsonElement? element, string name) => element?.Get(name);

    public static string? String(this JsonElement? element, string name)
    {
        var value = element.Get(name);
        return value?.ValueKind switch
        {
            null => null,
            JsonValueKind.String => Text(value.Value, name),
            _ => throw new StudyFormatException($"\"{name}\" must be a string but is {value.Value.ValueKind}"),
        };
    }

    /// <summary>The longest registry code or date: a status, a date (ISO 8601, "2020-03").</summary>
    public const int MaxCodeLength = 200;

    /// <summary>
    /// A string the registry fills from a list of codes or with a date, which the database orders
    /// and looks studies up by: one longer than <see cref="MaxCodeLength"/> is no such value (and
    /// longer than PostgreSQL's B-tree entries may be), so the record is refused, naming the field.
    /// </summary>
    public static string? Code(this JsonElement? element, string name)
    {
        var text = element.String(name);
        return text is { Length: > MaxCodeLength }
            ? throw new StudyFormatException($"\"{name}\" is {text.Length:N0} characters long, which no registry code or date is (at most {MaxCodeLength})")
            : text;
    }

    public static long? Int64(this JsonElement? element, string name)
    {
        var value = element.Get(name);
        if (value is null)
        {
            return null;
        }

        if (value.Value.ValueKind == JsonValueKind.Number && value.Value.TryGetInt64(out var number))
        {
            return number;
        }

        throw new StudyFormatException($"\"{name}\" must be a whole number but is {value.Value.GetRawText()}");
    }

    public static double? Double(this JsonElement? element, string name)
    {
        var value = element.Get(name);
        if (value is null)
        {
            return null;
        }

        return value.Value.ValueKind == JsonValueKind.Number
            ? value.Value.GetDouble()
            : throw new StudyFormatException($"\"{name}\" must be a number but is {value.Value.ValueKind}");
    }

    public static bool? Boolean(this JsonElement? element, string name)
    {
        var value = element.Get(name);
        return value?.ValueKind switch
        {
            null => null,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new StudyFormatException($"\"{name}\" must be true or false but is {value.Value.ValueKind}"),
        };
    }

    /// <summary>
    /// A string value; one whose escapes are not valid text (a lone surrogate, "\ud800") makes the
    /// record unusable, not the import. Bytes that are not UTF-8 never get here: the reader refuses their source.
    /// </summary>
    private static string Text(JsonElement value, string name)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            throw new StudyFormatException($"\"{name}\" is not valid UTF-8 text ({ex.Message})");
        }
    }

    /// <summary>The items of an array property; empty when the property is missing.</summary>
    public static IEnumerable<JsonElement> Items(this JsonElement? element, string name)
    {
        var value = element.Get(name);
        if (value is null)
        {
            return [];
        }

        return value.Value.ValueKind == JsonValueKind.Array
            ? value.Value.EnumerateArray()
            : throw new StudyFormatException($"\"{name}\" must be an array but is {value.Value.ValueKind}");
    }

    /// <summary>The string items of an array property.</summary>
    public static List<string> Strings(this JsonElement? element, string name)
    {
        var strings = new List<string>();
        foreach (var item in element.Items(name))
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw new StudyFormatException($"\"{name}\" must hold strings but holds {item.ValueKind}");
            }

            strings.Add(Text(item, name));
        }

        return strings;
    }
}
