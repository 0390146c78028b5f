using System.Globalization;
using System.Text;

namespace TrialEvidence.Data.Search;

/// <summary>
/// A study's full-text row for PostgreSQL: the words of its columns (<see cref="SearchWords"/>)
/// as a tsvector literal, each with its positions, so that a phrase ("PD-1": pd, then 1) is
/// matched with &lt;-&gt; as FTS5 matches it. The titles' words weigh A (a query may ask for the
/// titles alone, as FTS5's column filter does); a position is skipped between columns, so no
/// phrase runs from one column into the next, as none does in FTS5.
/// </summary>
public static class PostgresSearchDocument
{
    /// <summary>PostgreSQL keeps positions up to this; later words are all here (to_tsvector does the same).</summary>
    private const int MaxPosition = 16383;

    /// <summary>PostgreSQL keeps at most this many positions of one word.</summary>
    private const int MaxPositionsPerWord = 256;

    /// <summary>PostgreSQL refuses a longer word (in UTF-8 bytes); no query could ask for one.</summary>
    private const int MaxWordBytes = 2046;

    /// <summary>The tsvector, as text PostgreSQL casts (<c>CAST(@document AS tsvector)</c>), of the index's columns in their order.</summary>
    public static string Of(string? titles, string? summary, string? conditions, string? interventions, string? sponsor)
    {
        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var position = 0;
        var titleEnd = 0;
        Add(titles, title: true);
        Add(summary, title: false);
        Add(conditions, title: false);
        Add(interventions, title: false);
        Add(sponsor, title: false);

        var text = new StringBuilder();
        foreach (var (word, list) in positions)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append('\'').Append(word).Append("':");
            for (var i = 0; i < list.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(',');
                }

                text.Append(list[i].ToString(CultureInfo.InvariantCulture));
                if (list[i] <= titleEnd)
                {
                    text.Append('A');
                }
            }
        }

        return text.ToString();

        void Add(string? column, bool title)
        {
            foreach (var word in SearchWords.Of(column))
            {
                position = Math.Min(position + 1, MaxPosition);
                if (Encoding.UTF8.GetByteCount(word) > MaxWordBytes)
                {
                    continue;
                }

                if (!positions.TryGetValue(word, out var list))
                {
                    positions[word] = list = [];
                }

                if (list.Count < MaxPositionsPerWord && (list.Count == 0 || list[^1] != position))
                {
                    list.Add(position);
                }
            }

            if (title)
            {
                titleEnd = position;
            }

            position = Math.Min(position + 1, MaxPosition); // no phrase across columns
        }
    }
}
