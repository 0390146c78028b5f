namespace TrialEvidence.ReplayRegistry;

/// <summary>
/// Parses the subset of the registry's Essie syntax the replay registry evaluates: words,
/// "quoted phrases", parentheses, and the upper-case operators NOT, AND, OR (in that order of
/// precedence, as in Essie); terms side by side without an operator are ANDed.
/// Anything else (AREA[...], RANGE[...], SEARCH[...]) is rejected rather than matched as text,
/// so a test never passes on a query the replay registry silently misread.
/// </summary>
internal static class EssieQuery
{
    /// <exception cref="FormatException">The expression is malformed or uses unsupported operators.</exception>
    public static QueryNode Parse(string expression) => new Parser(Tokenize(expression)).ParseExpression();

    private enum TokenKind { Term, And, Or, Not, Open, Close, End }

    private readonly record struct Token(TokenKind Kind, string Text);

    private static List<Token> Tokenize(string expression)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(new(c == '(' ? TokenKind.Open : TokenKind.Close, c.ToString()));
                i++;
            }
            else if (c == '"')
            {
                var end = expression.IndexOf('"', i + 1);
                if (end < 0)
                {
                    throw new FormatException("a quoted phrase is not closed");
                }

                // Registry text has single spaces between words, so the phrase should too.
                var phrase = string.Join(' ', expression[(i + 1)..end].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                tokens.Add(phrase.Length > 0 ? new(TokenKind.Term, phrase) : throw new FormatException("a quoted phrase is empty"));
                i = end + 1;
            }
            else
            {
                var start = i;
                while (i < expression.Length && !char.IsWhiteSpace(expression[i]) && expression[i] is not ('(' or ')' or '"'))
                {
                    i++;
                }

                tokens.Add(Word(expression[start..i]));
            }
        }

        tokens.Add(new(TokenKind.End, string.Empty));
        return tokens;
    }

    private static Token Word(string word) => word switch
    {
        "AND" => new(TokenKind.And, word),
        "OR" => new(TokenKind.Or, word),
        "NOT" => new(TokenKind.Not, word),
        _ when word.Contains('[', StringComparison.Ordinal) =>
            throw new FormatException($"'{word}': Essie operators such as AREA[...] are not supported by the replay registry"),
        _ => new(TokenKind.Term, word),
    };

    private sealed class Parser(List<Token> tokens)
    {
        private int _position;

        private Token Next => tokens[_position];

        public QueryNode ParseExpression()
        {
            var expression = ParseOr();
            return Next.Kind == TokenKind.End ? expression : throw Unexpected();
        }

        private QueryNode ParseOr()
        {
            var left = ParseAnd();
            while (Accept(TokenKind.Or))
            {
                left = new OrNode(left, ParseAnd());
            }

            return left;
        }

        private QueryNode ParseAnd()
        {
            var left = ParseUnary();
            while (Accept(TokenKind.And) || Next.Kind is TokenKind.Term or TokenKind.Open or TokenKind.Not)
            {
                left = new AndNode(left, ParseUnary());
            }

            return left;
        }

        private QueryNode ParseUnary() => Accept(TokenKind.Not) ? new NotNode(ParseUnary()) : ParsePrimary();

        private QueryNode ParsePrimary()
        {
            if (Accept(TokenKind.Open))
            {
                var inner = ParseOr();
                return Accept(TokenKind.Close) ? inner : throw new FormatException("a '(' is not closed");
            }

            if (Next.Kind == TokenKind.Term)
            {
                return new TermNode(tokens[_position++].Text);
            }

            throw Unexpected();
        }

        private bool Accept(TokenKind kind)
        {
            if (Next.Kind != kind)
            {
                return false;
            }

            _position++;
            return true;
        }

        private FormatException Unexpected() => Next.Kind == TokenKind.End
            ? new("the expression ends where a search term was expected")
            : new($"unexpected '{Next.Text}'");
    }
}
