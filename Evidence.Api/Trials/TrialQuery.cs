using System.Text.RegularExpressions;
using Dapper;
using TrialEvidence.Data.Normalisation;

namespace TrialEvidence.Api.Trials;

/// <summary>
/// Turns validated filters into a WHERE clause over <c>studies s</c>. Every value is a parameter;
/// the SQL text comes only from the fragments below, so no input ever reaches it.
/// </summary>
public sealed partial class TrialQuery
{
    private readonly List<string> _conditions = [];

    public TrialQuery(TrialFilters filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        Parameters = new DynamicParameters();
        AnyOf(filters.Topic, "EXISTS (SELECT 1 FROM topic_studies t WHERE t.nct_id = s.nct_id AND t.topic = {0})");
        AnyOf(filters.Status?.Select(v => FilterRules.Canonical(v, FilterRules.Statuses)), "s.overall_status = {0}");
        AnyOf(filters.Phase?.Select(v => FilterRules.Canonical(v, FilterRules.Phases)), "('/' || s.phase || '/') LIKE '%/' || {0} || '/%'");
        AnyOf(filters.Country, "(EXISTS (SELECT 1 FROM locations l WHERE l.nct_id = s.nct_id AND l.country = {0} COLLATE NOCASE) OR EXISTS (SELECT 1 FROM study_summaries x WHERE x.nct_id = s.nct_id AND x.country = {0} COLLATE NOCASE))");
        AnyOf(filters.Sponsor?.Select(EscapeLike), "s.lead_sponsor LIKE '%' || {0} || '%' ESCAPE '\\'");
        AnyOf(filters.Agent?.Select(v => FilterRules.Canonical(v, FilterRules.Agents)), "EXISTS (SELECT 1 FROM interventions i WHERE i.nct_id = s.nct_id AND (' + ' || i.agent || ' + ') LIKE '% + ' || {0} || ' + %')");
        AnyOf(filters.Target?.Select(v => FilterRules.Canonical(v, FilterRules.Targets)), "EXISTS (SELECT 1 FROM interventions i WHERE i.nct_id = s.nct_id AND (' + ' || i.target || ' + ') LIKE '% + ' || {0} || ' + %')");
        AnyOf(filters.Modality?.Select(v => FilterRules.Canonical(v, FilterRules.Modalities)), "EXISTS (SELECT 1 FROM interventions i WHERE i.nct_id = s.nct_id AND i.rt_modality = {0})");
        AnyOf(filters.Endpoint?.Select(v => FilterRules.Canonical(v, FilterRules.Endpoints)), "EXISTS (SELECT 1 FROM outcomes o WHERE o.nct_id = s.nct_id AND o.kind = 'primary' AND o.endpoint_class = {0})");
        One(filters.MinEnrollment, "s.enrollment_count >= {0}");
        One(filters.MaxEnrollment, "s.enrollment_count <= {0}");
        // Dates are partial ("2018-05" or "2018-05-14"): compare at the coarser of the two precisions,
        // so a trial that started "2004-05" is in May 2004 for a filter of 2004-05-01..2004-05-31.
        One(filters.StartFrom, "substr(s.start_date, 1, min(length(s.start_date), length({0}))) >= substr({0}, 1, min(length(s.start_date), length({0})))");
        One(filters.StartTo, "substr(s.start_date, 1, min(length(s.start_date), length({0}))) <= substr({0}, 1, min(length(s.start_date), length({0})))");
        One(filters.UpdatedSince, "s.last_update_posted_date >= {0}");
        if (filters.Q is { } q && FullTextQuery(q) is { } match)
        {
            One(match, "s.nct_id IN (SELECT nct_id FROM study_search WHERE study_search MATCH {0})");
        }
    }

    public DynamicParameters Parameters { get; }

    public string Where => _conditions.Count == 0 ? "1 = 1" : string.Join("\n  AND ", _conditions);

    /// <summary>
    /// A search box's words as an FTS5 query: each word quoted (so punctuation such as "PD-1" is
    /// text, not syntax), words ANDed, the words OR and NOT kept as operators.
    /// </summary>
    public static string? FullTextQuery(string text)
    {
        var tokens = new List<string>();
        var printable = TermText.FoldWidth(new string(text.Where(c => !char.IsControl(c)).ToArray()));
        foreach (var word in Words().Matches(printable).Select(m => m.Value.Replace("\"", string.Empty, StringComparison.Ordinal).Trim()))
        {
            var isOperator = word is "OR" or "NOT" or "AND";
            if (word.Length == 0 || (isOperator && (tokens.Count == 0 || IsOperator(tokens[^1]))))
            {
                continue; // an operator needs a word before it
            }

            tokens.Add(isOperator ? word : $"\"{word}\"");
        }

        while (tokens.Count > 0 && IsOperator(tokens[^1]))
        {
            tokens.RemoveAt(tokens.Count - 1); // and one after it
        }

        return tokens.Count == 0 ? null : string.Join(' ', tokens);

        static bool IsOperator(string token) => token is "OR" or "NOT" or "AND";
    }

    /// <summary>A LIKE pattern matches the value literally: % and _ are text, not wildcards.</summary>
    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private void AnyOf(IEnumerable<string>? values, string fragment)
    {
        var list = values?.ToList();
        if (list is not { Count: > 0 })
        {
            return;
        }

        var alternatives = list.Select(value =>
        {
            var name = $"p{Parameters.ParameterNames.Count()}";
            Parameters.Add(name, value);
            return string.Format(System.Globalization.CultureInfo.InvariantCulture, fragment, "@" + name);
        });
        _conditions.Add("(" + string.Join(" OR ", alternatives) + ")");
    }

    private void One(object? value, string fragment)
    {
        if (value is null)
        {
            return;
        }

        var name = $"p{Parameters.ParameterNames.Count()}";
        Parameters.Add(name, value);
        _conditions.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, fragment, "@" + name));
    }

    [GeneratedRegex("\"[^\"]*\"|[^\\s\"]+")]
    private static partial Regex Words();
}
