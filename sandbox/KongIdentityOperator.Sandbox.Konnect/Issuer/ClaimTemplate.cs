using System.Globalization;
using System.Text;

namespace KongIdentityOperator.Sandbox.Konnect.Issuer;

/// <summary>
/// A claim value: literal text with <c>${ pipeline }</c> actions in Go-template style, e.g.
/// <c>${ .AuthServer.Audience }-${ .Client.ID }</c> or <c>${ .Client.Labels.env | default "production" | upper }</c>.
/// A pipeline is commands separated by <c>|</c>; each command is a field, a literal, or a function with arguments,
/// and the previous result becomes the last argument.
/// </summary>
internal sealed class ClaimTemplate
{
    private readonly IReadOnlyList<Part> _parts;

    private ClaimTemplate(IReadOnlyList<Part> parts) => _parts = parts;

    /// <summary>Whether the value contains at least one action (otherwise it is static).</summary>
    public bool IsTemplated => _parts.Any(p => p.Pipeline is not null);

    /// <summary>Parses and checks fields and functions; throws <see cref="TemplateException"/>.</summary>
    public static ClaimTemplate Parse(string text)
    {
        var parts = new List<Part>();
        var index = 0;
        while (index < text.Length)
        {
            var start = text.IndexOf("${", index, StringComparison.Ordinal);
            if (start < 0)
            {
                parts.Add(new Part(text[index..], null));
                break;
            }

            if (start > index)
            {
                parts.Add(new Part(text[index..start], null));
            }

            var end = FindClose(text, start + 2);
            parts.Add(new Part(null, ParsePipeline(text[(start + 2)..end])));
            index = end + 1;
        }

        return new ClaimTemplate(parts);
    }

    public string Render(TemplateContext context)
    {
        var result = new StringBuilder();
        foreach (var part in _parts)
        {
            result.Append(part.Literal ?? TemplateFunctions.Text(Evaluate(part.Pipeline!, context)));
        }

        return result.ToString();
    }

    private static int FindClose(string text, int from)
    {
        var quoted = false;
        for (var i = from; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\' when quoted:
                    i++;
                    break;
                case '"':
                    quoted = !quoted;
                    break;
                case '}' when !quoted:
                    return i;
            }
        }

        throw new TemplateException("unclosed action: missing '}'");
    }

    private static List<List<Token>> ParsePipeline(string expression)
    {
        var commands = new List<List<Token>> { new() };
        foreach (var token in Tokenize(expression))
        {
            if (token.Kind == TokenKind.Pipe)
            {
                commands.Add([]);
            }
            else
            {
                commands[^1].Add(token);
            }
        }

        for (var i = 0; i < commands.Count; i++)
        {
            var command = commands[i];
            if (command.Count == 0)
            {
                throw new TemplateException("missing value for command");
            }

            var piped = i > 0 ? 1 : 0;
            switch (command[0].Kind)
            {
                case TokenKind.Identifier:
                    TemplateFunctions.Check(command[0].Text, command.Count - 1 + piped);
                    break;
                case TokenKind.Field:
                    TemplateFields.Check(FieldPath(command[0].Text));
                    goto default;
                default:
                    if (command.Count + piped > 1)
                    {
                        throw new TemplateException($"can't give argument to non-function {command[0].Text}");
                    }

                    break;
            }

            foreach (var argument in command.Skip(1))
            {
                if (argument.Kind == TokenKind.Field)
                {
                    TemplateFields.Check(FieldPath(argument.Text));
                }
                else if (argument.Kind == TokenKind.Identifier)
                {
                    TemplateFunctions.Check(argument.Text, 0);
                }
            }
        }

        return commands;
    }

    private static IEnumerable<Token> Tokenize(string expression)
    {
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '|')
            {
                i++;
                yield return new Token(TokenKind.Pipe, "|");
            }
            else if (c == '"')
            {
                var literal = new StringBuilder();
                i++;
                while (i < expression.Length && expression[i] != '"')
                {
                    if (expression[i] == '\\' && i + 1 < expression.Length)
                    {
                        i++;
                    }

                    literal.Append(expression[i++]);
                }

                if (i >= expression.Length)
                {
                    throw new TemplateException("unterminated quoted string");
                }

                i++;
                yield return new Token(TokenKind.String, literal.ToString());
            }
            else
            {
                var start = i;
                while (i < expression.Length && (char.IsLetterOrDigit(expression[i]) || expression[i] is '.' or '_' or '-'))
                {
                    i++;
                }

                if (start == i)
                {
                    throw new TemplateException($"unexpected \"{c}\" in command");
                }

                yield return Classify(expression[start..i]);
            }
        }
    }

    private static Token Classify(string word)
    {
        if (word.StartsWith('.'))
        {
            return new Token(TokenKind.Field, word);
        }

        if (long.TryParse(word, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            return new Token(TokenKind.Number, word);
        }

        if (word is "true" or "false")
        {
            return new Token(TokenKind.Boolean, word);
        }

        if (char.IsLetter(word[0]) && word.All(ch => char.IsLetterOrDigit(ch) || ch == '_'))
        {
            return new Token(TokenKind.Identifier, word);
        }

        throw new TemplateException($"bad token \"{word}\"");
    }

    private static string[] FieldPath(string text) => text[1..].Split('.');

    private static object? Evaluate(List<List<Token>> pipeline, TemplateContext context)
    {
        object? value = null;
        for (var i = 0; i < pipeline.Count; i++)
        {
            var command = pipeline[i];
            var head = command[0];
            if (head.Kind != TokenKind.Identifier)
            {
                value = Value(head, context);
                continue;
            }

            var arguments = command.Skip(1).Select(token => Value(token, context)).ToList();
            if (i > 0)
            {
                arguments.Add(value);
            }

            value = TemplateFunctions.Invoke(head.Text, arguments, context);
        }

        return value;
    }

    private static object? Value(Token token, TemplateContext context) => token.Kind switch
    {
        TokenKind.Field => TemplateFields.Resolve(FieldPath(token.Text), context),
        TokenKind.Number => long.Parse(token.Text, CultureInfo.InvariantCulture),
        TokenKind.Boolean => token.Text == "true",
        TokenKind.Identifier => TemplateFunctions.Invoke(token.Text, [], context),
        _ => token.Text,
    };

    private enum TokenKind
    {
        Pipe,
        Field,
        Identifier,
        String,
        Number,
        Boolean,
    }

    private sealed record Token(TokenKind Kind, string Text);

    private sealed record Part(string? Literal, List<List<Token>>? Pipeline);
}
