using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using YamlDotNet.Core;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// Types YAML scalars as the YAML 1.2 core schema does and writes each as a JSON token: an untagged plain scalar is
/// null (<c>null</c>, <c>~</c>, nothing), a boolean (<c>true</c>, <c>False</c>...), an integer (<c>12</c>, <c>0o14</c>,
/// <c>0xC</c>), a number (<c>1.5</c>, <c>.5</c>, <c>1e3</c>) or else a string; a quoted or block scalar is a string;
/// a core tag (<c>!!str</c>, <c>!!int</c>...) decides the type itself. YAML 1.1's other forms (<c>yes</c>, <c>on</c>,
/// <c>y</c>, <c>0777</c> as octal) are strings, as in YAML 1.2.
/// </summary>
internal static class YamlScalars
{
    public const string CoreTagPrefix = "tag:yaml.org,2002:";

    private static readonly Regex Null = new("^(?:null|Null|NULL|~|)$", RegexOptions.CultureInvariant);
    private static readonly Regex Boolean = new("^(?:true|True|TRUE|false|False|FALSE)$", RegexOptions.CultureInvariant);
    private static readonly Regex Decimal = new("^(?<sign>[-+]?)(?<digits>[0-9]+)$", RegexOptions.CultureInvariant);
    private static readonly Regex Octal = new("^0o(?<digits>[0-7]+)$", RegexOptions.CultureInvariant);
    private static readonly Regex Hexadecimal = new("^0x(?<digits>[0-9a-fA-F]+)$", RegexOptions.CultureInvariant);
    private static readonly Regex Float = new(
        @"^(?<sign>[-+]?)(?:\.(?<fraction>[0-9]+)|(?<integer>[0-9]+)(?:\.(?<fraction>[0-9]*))?)(?<exponent>[eE][-+]?[0-9]+)?$",
        RegexOptions.CultureInvariant);
    private static readonly Regex NotANumber = new(@"^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", RegexOptions.CultureInvariant);

    /// <summary>The JSON token of a scalar value.</summary>
    public static string ToJson(YamlScalar scalar)
    {
        if (scalar.Tag.IsEmpty)
        {
            return scalar.Style == ScalarStyle.Plain ? PlainToJson(scalar) : String(scalar.Value);
        }

        var tag = scalar.Tag.Value;
        return tag switch
        {
            // "!" is the non-specific tag of a quoted scalar: a string.
            "!" or CoreTagPrefix + "str" => String(scalar.Value),
            CoreTagPrefix + "null" => Null.IsMatch(scalar.Value) ? "null" : throw Mismatch(scalar, "null"),
            CoreTagPrefix + "bool" => Boolean.IsMatch(scalar.Value) ? scalar.Value.ToLowerInvariant() : throw Mismatch(scalar, "a boolean"),
            CoreTagPrefix + "int" => Integer(scalar.Value) ?? throw Mismatch(scalar, "an integer"),
            CoreTagPrefix + "float" => Integer(scalar.Value) ?? Number(scalar) ?? throw Mismatch(scalar, "a number"),
            _ => throw UnsupportedTag(scalar, tag),
        };
    }

    /// <summary>A JSON string, quoted and escaped.</summary>
    public static string String(string value) => JsonConvert.ToString(value);

    /// <summary>The error for a tag outside the core schema, which JSON has no form for.</summary>
    public static YamlException UnsupportedTag(YamlNode node, string tag) =>
        YamlTree.Error(node, $"the tag '{tag}' is not one of the YAML core schema's (!!str, !!int, !!float, !!bool, !!null, !!map, !!seq), so it has no JSON form");

    private static string PlainToJson(YamlScalar scalar)
    {
        var value = scalar.Value;
        if (Null.IsMatch(value))
        {
            return "null";
        }

        if (Boolean.IsMatch(value))
        {
            return value.ToLowerInvariant();
        }

        return Integer(value) ?? Number(scalar) ?? String(value);
    }

    /// <summary>A core-schema integer as a JSON integer (decimal, without a plus sign or leading zeros), or null.</summary>
    private static string? Integer(string value)
    {
        if (Decimal.Match(value) is { Success: true } decimalMatch)
        {
            var digits = decimalMatch.Groups["digits"].Value.TrimStart('0');
            return (decimalMatch.Groups["sign"].Value == "-" ? "-" : string.Empty) + (digits.Length == 0 ? "0" : digits);
        }

        if (Octal.Match(value) is { Success: true } octalMatch)
        {
            var number = BigInteger.Zero;
            foreach (var digit in octalMatch.Groups["digits"].Value)
            {
                number = (number * 8) + (digit - '0');
            }

            return number.ToString(CultureInfo.InvariantCulture);
        }

        // The leading 0 keeps the hexadecimal digits a positive number.
        return Hexadecimal.Match(value) is { Success: true } hexadecimalMatch
            ? BigInteger.Parse("0" + hexadecimalMatch.Groups["digits"].Value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>A core-schema number as a JSON number (<c>.5</c> is <c>0.5</c>, <c>5.</c> is <c>5.0</c>), or null; infinity and NaN are errors.</summary>
    private static string? Number(YamlScalar scalar)
    {
        if (NotANumber.IsMatch(scalar.Value))
        {
            throw YamlTree.Error(scalar, $"'{scalar.Value}' is a YAML number that JSON cannot write; quote it if it is meant as a string");
        }

        var match = Float.Match(scalar.Value);
        if (!match.Success)
        {
            return null;
        }

        var integer = match.Groups["integer"].Value.TrimStart('0');
        var fraction = match.Groups["fraction"];
        return (match.Groups["sign"].Value == "-" ? "-" : string.Empty)
            + (integer.Length == 0 ? "0" : integer)
            + (fraction.Success ? "." + (fraction.Value.Length == 0 ? "0" : fraction.Value) : string.Empty)
            + match.Groups["exponent"].Value;
    }

    private static YamlException Mismatch(YamlScalar scalar, string expected) =>
        YamlTree.Error(scalar, $"'{scalar.Value}' is tagged {scalar.Tag.Value} but is not {expected}");
}
