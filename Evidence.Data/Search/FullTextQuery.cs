using System.Data;
using System.Text;
using Dapper;
using Npgsql;

namespace TrialEvidence.Data.Search;

/// <summary>
/// A full-text query as a SQL parameter: written in FTS5's syntax (quoted phrases, AND, OR, NOT,
/// parentheses and a <c>titles :</c> column filter, as the API makes them) and given to
/// PostgreSQL as the tsquery that asks the same of the words <see cref="PostgresSearchDocument"/>
/// stores: a phrase's words adjacent (&lt;-&gt;), the titles' words weighted A, <c>a NOT b</c> as
/// <c>a &amp; !b</c>. A phrase with no words matches nothing, as in FTS5.
/// </summary>
public sealed record FullTextQuery(string Fts5) : SqlMapper.ICustomQueryParameter
{
    /// <summary>A lexeme no document holds (no word is made of a hyphen): a phrase without words.</summary>
    private const string Nothing = "'-'";

    public void AddParameter(IDbCommand command, string name)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = command is NpgsqlCommand ? TsQuery : Fts5;
        parameter.DbType = DbType.String;
        command.Parameters.Add(parameter);
    }

    /// <summary>The tsquery, as text PostgreSQL casts.</summary>
    public string TsQuery
    {
        get
        {
            var text = new StringBuilder();
            var weight = string.Empty;
            var depthOfFilter = -1;
            var depth = 0;
            var expectOperand = true;
            var i = 0;
            while (i < Fts5.Length)
            {
                var c = Fts5[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }

                if (c == '"')
                {
                    var end = i + 1;
                    var phrase = new StringBuilder();
                    while (end < Fts5.Length && !(Fts5[end] == '"' && (end + 1 >= Fts5.Length || Fts5[end + 1] != '"')))
                    {
                        phrase.Append(Fts5[end]);
                        end += Fts5[end] == '"' ? 2 : 1;
                    }

                    Operand($"({Phrase(phrase.ToString(), weight)})");
                    i = end + 1;
                }
                else if (c == '(')
                {
                    Operand("(", opens: true);
                    depth++;
                    i++;
                }
                else if (c == ')')
                {
                    text.Append(')');
                    depth--;
                    if (depth == depthOfFilter)
                    {
                        weight = string.Empty;
                        depthOfFilter = -1;
                    }

                    expectOperand = false;
                    i++;
                }
                else
                {
                    var end = i;
                    while (end < Fts5.Length && !char.IsWhiteSpace(Fts5[end]) && Fts5[end] is not ('(' or ')' or '"' or ':'))
                    {
                        end++;
                    }

                    var word = Fts5[i..end];
                    var rest = Fts5[end..].TrimStart();
                    if (rest.StartsWith(':'))
                    {
                        // A column filter: "titles :" applies to what follows; titles are weight A.
                        weight = word == "titles" ? "A" : throw new NotSupportedException($"no column filter but titles is written for PostgreSQL ({word})");
                        depthOfFilter = depth;
                        i = Fts5.Length - rest.Length + 1;
                        continue;
                    }

                    if (word is "AND" or "OR" or "NOT")
                    {
                        text.Append(word switch { "AND" => " & ", "OR" => " | ", _ => " & !" });
                        expectOperand = true;
                    }
                    else
                    {
                        Operand($"({Phrase(word, weight)})"); // a bare word: a phrase of its own
                    }

                    i = end;
                }
            }

            return text.ToString();

            void Operand(string operand, bool opens = false)
            {
                if (!expectOperand)
                {
                    text.Append(" & "); // FTS5's implicit AND between two phrases
                }

                text.Append(operand);
                expectOperand = opens;
            }
        }
    }

    private static string Phrase(string phrase, string weight)
    {
        var words = SearchWords.Of(phrase);
        return words.Count == 0 ? Nothing : string.Join(" <-> ", words.Select(w => $"'{w}'{(weight.Length > 0 ? ":" + weight : string.Empty)}"));
    }
}
