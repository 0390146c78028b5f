using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace TrialEvidence.Data.Database;

/// <summary>
/// The product's SQL, written once in SQLite's dialect, for PostgreSQL. A short, fixed list of
/// SQLite idioms is rewritten, outside string literals and quoted names, and each statement's
/// translation is kept; the rest of the SQL is what both engines read alike (the upserts, the
/// joins, the parameters). What the list does not cover is written per engine where it is used
/// (full-text search, pragmas, bulk loads): a MATCH reaching here is a bug, and throws.
/// <list type="bullet">
/// <item><c>INSERT OR IGNORE</c>: <c>INSERT ... ON CONFLICT DO NOTHING</c>.</item>
/// <item>A unary <c>+</c> before a column (SQLite's way of keeping its planner off an index): dropped.</item>
/// <item><c>LIKE</c>: <c>ILIKE</c> (SQLite's LIKE ignores ASCII case; with the columns' "C" collation so does ILIKE).</item>
/// <item><c>group_concat(x[, sep])</c>: <c>string_agg(CAST(x AS text), sep or ',')</c>.</item>
/// <item><c>json_group_array(x)</c>: <c>COALESCE(json_agg(x), '[]')</c>; <c>json_array(...)</c>: <c>json_build_array(...)</c>.</item>
/// <item><c>CAST(x AS INTEGER)</c>, <c>AS REAL</c>: bigint, double precision (PostgreSQL's integer and real are 32-bit).</item>
/// <item>The full-text index: <c>study_search MATCH @q</c> (a <see cref="Search.FullTextQuery"/>,
/// which PostgreSQL gets as a tsquery) as <c>document @@ CAST(@q AS tsquery)</c>, FTS5's rank
/// as ts_rank_cd; the sponsor trigram index's candidates as an ILIKE on lead_sponsor.</item>
/// <item><c>instr(a, b)</c>: <c>strpos(a, b)</c>.</item>
/// <item>A subquery in FROM without a name gets one; <c>CAST(column AS BLOB)</c> is <c>convert_to(column, 'UTF8')</c>.</item>
/// <item><c>value ->> 0</c> (an item of an array json_each gave as text): <c>(value::jsonb ->> 0)</c>.</item>
/// </list>
/// SQLite's <c>json_each</c> over a parameter (a JSON array or object as text) and its
/// <c>COLLATE NOCASE</c> exist on PostgreSQL as a function and a collation of the same names
/// (migrations/postgres).
/// </summary>
public static partial class PostgresSql
{
    private static readonly ConcurrentDictionary<string, string> Translated = new(StringComparer.Ordinal);

    public static string From(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        return Translated.GetOrAdd(sql, Translate);
    }

    private static string Translate(string sql)
    {
        var statements = Split(sql).Select(TranslateStatement);
        return string.Join(";", statements);
    }

    private static string TranslateStatement(string statement)
    {
        // A fixed fragment with literals inside (TrialReads.SponsorCandidates), matched whole.
        statement = SponsorCandidates().Replace(statement, m =>
            $"SELECT rowid FROM studies WHERE lead_sponsor ILIKE '%' || replace(replace(replace({m.Groups["value"].Value}, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'");
        var ignore = false;
        var parts = Parts(statement);
        var text = new StringBuilder();
        foreach (var (code, isCode) in parts)
        {
            if (!isCode)
            {
                text.Append(code);
                continue;
            }

            var rewritten = code;
            var search = FullTextMatch().Match(rewritten);
            if (search.Success)
            {
                var query = $"CAST({search.Groups["query"].Value} AS tsquery)";
                rewritten = FullTextMatch().Replace(rewritten, m => $"document @@ CAST({m.Groups["query"].Value} AS tsquery)");
                rewritten = ByRank().Replace(rewritten, $"ORDER BY ts_rank_cd(document, {query}) DESC");
            }

            if (MatchOperator().IsMatch(rewritten))
            {
                throw new NotSupportedException("this full-text MATCH is SQLite's only: write the PostgreSQL query beside it");
            }

            rewritten = InsertOrIgnore().Replace(rewritten, _ =>
            {
                ignore = true;
                return "INSERT INTO";
            });
            rewritten = UnaryPlus().Replace(rewritten, string.Empty);
            rewritten = Like().Replace(rewritten, "ILIKE");
            rewritten = CastInteger().Replace(rewritten, "AS bigint");
            rewritten = CastReal().Replace(rewritten, "AS double precision");
            rewritten = Instr().Replace(rewritten, "strpos(");
            rewritten = CastBlob().Replace(rewritten, m => $"convert_to({m.Groups["text"].Value}, 'UTF8')");
            rewritten = JsonItem().Replace(rewritten, m => $"({m.Groups["value"].Value}::jsonb ->> {m.Groups["index"].Value})");
            text.Append(rewritten);
        }

        var result = AliasSubqueries(RewriteCalls(text.ToString()));
        if (ignore)
        {
            var trimmed = result.TrimEnd();
            result = trimmed + " ON CONFLICT DO NOTHING" + result[trimmed.Length..];
        }

        return result;
    }

    /// <summary>group_concat, json_group_array and json_array, whose arguments may hold calls and commas of their own.</summary>
    private static string RewriteCalls(string sql)
    {
        var text = new StringBuilder(sql.Length + 32);
        var inLiteral = InLiteral(sql);
        var i = 0;
        while (i < sql.Length)
        {
            var match = Call().Match(sql, i);
            while (match.Success && inLiteral(match.Index))
            {
                match = match.NextMatch();
            }

            if (!match.Success)
            {
                text.Append(sql, i, sql.Length - i);
                break;
            }

            text.Append(sql, i, match.Index - i);
            var open = match.Index + match.Length - 1;
            var close = Closing(sql, open);
            var arguments = TopLevelArguments(sql[(open + 1)..close]).Select(RewriteCalls).ToList();
            text.Append(match.Groups["name"].Value.ToLowerInvariant() switch
            {
                // The separator and an ORDER BY after it ("',' ORDER BY f.facet, f.value") are the rest, commas and all.
                "group_concat" => $"string_agg(CAST({arguments[0]} AS text), {(arguments.Count > 1 ? string.Join(", ", arguments.Skip(1)) : "','")})",
                "json_group_array" => $"COALESCE(json_agg({arguments[0]}), '[]'::json)",
                _ => $"json_build_array({string.Join(",", arguments)})",
            });
            i = close + 1;
        }

        return text.ToString();
    }

    /// <summary>Words after a subquery in FROM that are not its alias (PostgreSQL before 16 wants one).</summary>
    private static readonly HashSet<string> NotAnAlias = new(StringComparer.OrdinalIgnoreCase)
    {
        "WHERE", "ORDER", "GROUP", "LIMIT", "OFFSET", "JOIN", "LEFT", "INNER", "CROSS", "UNION", "EXCEPT", "INTERSECT", "HAVING", "WINDOW", "ON", "USING",
    };

    /// <summary>Gives each subquery in FROM that has no name one ("AS subquery_1").</summary>
    private static string AliasSubqueries(string sql)
    {
        var inLiteral = InLiteral(sql);
        var insertAt = new List<int>();
        foreach (Match match in SubqueryInFrom().Matches(sql))
        {
            if (inLiteral(match.Index))
            {
                continue;
            }

            var close = Closing(sql, match.Index + match.Length - 1);
            var rest = sql[(close + 1)..].TrimStart();
            var next = new string([.. rest.TakeWhile(c => char.IsLetterOrDigit(c) || c == '_')]);
            if (next.Length == 0 || NotAnAlias.Contains(next))
            {
                insertAt.Add(close + 1);
            }
        }

        var text = new StringBuilder(sql);
        for (var i = insertAt.Count - 1; i >= 0; i--)
        {
            text.Insert(insertAt[i], " AS subquery_" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>The index of the parenthesis that closes the one at <paramref name="open"/>, string literals skipped.</summary>
    private static int Closing(string sql, int open)
    {
        var depth = 0;
        for (var i = open; i < sql.Length; i++)
        {
            switch (sql[i])
            {
                case '\'':
                case '"':
                    i = sql.IndexOf(sql[i], i + 1);
                    if (i < 0)
                    {
                        throw new FormatException("an unclosed quote in SQL");
                    }

                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    if (--depth == 0)
                    {
                        return i;
                    }

                    break;
            }
        }

        throw new FormatException("an unclosed parenthesis in SQL");
    }

    private static List<string> TopLevelArguments(string arguments)
    {
        var result = new List<string>();
        var start = 0;
        for (var i = 0; i < arguments.Length; i++)
        {
            switch (arguments[i])
            {
                case '\'':
                case '"':
                    i = arguments.IndexOf(arguments[i], i + 1);
                    break;
                case '(':
                    i = Closing(arguments, i);
                    break;
                case ',':
                    result.Add(arguments[start..i].Trim());
                    start = i + 1;
                    break;
            }
        }

        result.Add(arguments[start..].Trim());
        return result;
    }

    /// <summary>The statements of <paramref name="sql"/>, cut at semicolons outside quotes.</summary>
    private static List<string> Split(string sql)
    {
        var statements = new List<string>();
        var start = 0;
        foreach (var (part, isCode, offset) in PartsWithOffsets(sql))
        {
            if (!isCode)
            {
                continue;
            }

            for (var i = part.IndexOf(';'); i >= 0; i = part.IndexOf(';', i + 1))
            {
                statements.Add(sql[start..(offset + i)]);
                start = offset + i + 1;
            }
        }

        statements.Add(sql[start..]);
        return statements;
    }

    /// <summary>Whether a position of <paramref name="sql"/> is inside a string literal, a quoted name or a comment.</summary>
    private static Func<int, bool> InLiteral(string sql)
    {
        var literals = PartsWithOffsets(sql).Where(p => !p.IsCode).Select(p => (Start: p.Offset, End: p.Offset + p.Text.Length)).ToList();
        return index => literals.Any(l => index >= l.Start && index < l.End);
    }

    private static IEnumerable<(string Text, bool IsCode)> Parts(string sql) =>
        PartsWithOffsets(sql).Select(p => (p.Text, p.IsCode));

    /// <summary>The SQL cut into code and what is not code: string literals, quoted names and comments.</summary>
    private static IEnumerable<(string Text, bool IsCode, int Offset)> PartsWithOffsets(string sql)
    {
        var start = 0;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            int end;
            if (c is '\'' or '"')
            {
                end = sql.IndexOf(c, i + 1);
                while (end >= 0 && end + 1 < sql.Length && sql[end + 1] == c)
                {
                    end = sql.IndexOf(c, end + 2); // a doubled quote inside
                }
            }
            else if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                end = sql.IndexOf('\n', i);
            }
            else
            {
                i++;
                continue;
            }

            end = end < 0 ? sql.Length - 1 : end;
            if (i > start)
            {
                yield return (sql[start..i], true, start);
            }

            yield return (sql[i..(end + 1)], false, i);
            start = i = end + 1;
        }

        if (start < sql.Length)
        {
            yield return (sql[start..], true, start);
        }
    }

    [GeneratedRegex(@"\bINSERT\s+OR\s+IGNORE\s+INTO\b", RegexOptions.IgnoreCase)]
    private static partial Regex InsertOrIgnore();

    [GeneratedRegex(@"(?<=[\s(,=])\+(?=[A-Za-z_])")]
    private static partial Regex UnaryPlus();

    [GeneratedRegex(@"(?<![A-Za-z_])LIKE\b", RegexOptions.IgnoreCase)]
    private static partial Regex Like();

    [GeneratedRegex(@"\bAS\s+INTEGER\b", RegexOptions.IgnoreCase)]
    private static partial Regex CastInteger();

    [GeneratedRegex(@"\bAS\s+REAL\b", RegexOptions.IgnoreCase)]
    private static partial Regex CastReal();

    /// <summary>A text column read as its bytes: PostgreSQL's CAST to bytea would read backslashes as escapes.</summary>
    [GeneratedRegex(@"\bCAST\(\s*(?<text>[\w.]+)\s+AS\s+BLOB\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex CastBlob();

    [GeneratedRegex(@"\binstr\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex Instr();

    [GeneratedRegex(@"\bFROM\s*\(\s*(?=SELECT\b|WITH\b)", RegexOptions.IgnoreCase)]
    private static partial Regex SubqueryInFrom();

    /// <summary>An item of a JSON array that json_each gave as text: <c>j.value ->> 0</c>.</summary>
    [GeneratedRegex(@"(?<value>\b(?:\w+\.)?value)\s*->>\s*(?<index>\d+)")]
    private static partial Regex JsonItem();

    /// <summary>SQLite's full-text index asked with a <see cref="Search.FullTextQuery"/> parameter.</summary>
    [GeneratedRegex(@"\bstudy_search\s+MATCH\s+(?<query>@\w+)")]
    private static partial Regex FullTextMatch();

    /// <summary>FTS5's rank: best first.</summary>
    [GeneratedRegex(@"\bORDER\s+BY\s+rank\b")]
    private static partial Regex ByRank();

    /// <summary>
    /// The sponsor names that hold a value, from SQLite's trigram index (a quoted phrase); on
    /// PostgreSQL the pg_trgm index on lead_sponsor serves the ILIKE itself.
    /// </summary>
    [GeneratedRegex(@"SELECT rowid FROM sponsor_search WHERE sponsor_search MATCH '""' \|\| replace\((?<value>@\w+), '""', '""""'\) \|\| '""'")]
    private static partial Regex SponsorCandidates();

    [GeneratedRegex(@"(?<![@\w])MATCH\b", RegexOptions.IgnoreCase)]
    private static partial Regex MatchOperator();

    [GeneratedRegex(@"\b(?<name>group_concat|json_group_array|json_array)\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex Call();
}
