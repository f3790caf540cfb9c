using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace ClicRdv.Generator.Naming;

/// <summary>Turns wire names into valid, predictable C# identifiers.</summary>
internal static class Identifiers
{
    /// <summary>
    /// <c>group_id</c> → <c>GroupId</c>, <c>listPets</c> → <c>ListPets</c>, <c>pro[email]</c> → <c>ProEmail</c>,
    /// <c>2fa</c> → <c>_2fa</c>. Letters and digits are kept; every other character separates words.
    /// Returns <paramref name="fallback"/> when nothing usable is left.
    /// </summary>
    public static string ToPascalCase(string? text, string fallback = "Value")
    {
        var builder = new StringBuilder();
        var startOfWord = true;
        foreach (var character in text ?? string.Empty)
        {
            if (!IsIdentifierPart(character))
            {
                startOfWord = true;
                continue;
            }

            builder.Append(startOfWord ? char.ToUpperInvariant(character) : character);
            startOfWord = false;
        }

        if (builder.Length == 0)
        {
            return fallback;
        }

        if (!SyntaxFacts.IsIdentifierStartCharacter(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary>A parameter or local name: camelCase, prefixed with <c>@</c> when it is a C# keyword.</summary>
    public static string ToCamelCase(string? text, string fallback = "value")
    {
        var pascal = ToPascalCase(text, fallback);
        var camel = pascal[0] == '_' ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return EscapeKeyword(camel);
    }

    /// <summary>
    /// Prefixes keywords with <c>@</c>, and <c>await</c> too: it is only a contextual keyword, but the generated
    /// client methods are async, where a parameter or local named <c>await</c> does not compile.
    /// </summary>
    public static string EscapeKeyword(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(identifier) == SyntaxKind.AwaitKeyword
            ? "@" + identifier
            : identifier;

    /// <summary>The name without a leading <c>@</c>, as the compiler sees it.</summary>
    public static string Unescaped(string identifier) => identifier.StartsWith("@") ? identifier.Substring(1) : identifier;

    private static bool IsIdentifierPart(char character) =>
        char.IsLetterOrDigit(character) && SyntaxFacts.IsIdentifierPartCharacter(character);
}
