using ClicRdv.Generator.Model;

namespace ClicRdv.Generator.Emitting;

/// <summary>
/// The wire methods of an <c>x-ms-enum-flags</c> enum's converter: a value is written as the comma-separated strings of
/// its flags (<c>"ROCK,PAPER"</c>, in the document's order), and read from such a list; an empty string is no flag.
/// </summary>
internal static class FlagsEnumWireMethods
{
    public static void Write(SourceWriter writer, ContractModel contract)
    {
        writer.DocElement("summary", "The wire string of a value: its flags' strings, comma-separated, as sent in JSON, query strings and headers.");
        writer.Line($"public static string ToWireValue({contract.Name} value)");
        using (writer.OpenBlock())
        {
            writer.Line("var parts = new global::System.Collections.Generic.List<string>();");
            writer.Line("var rest = value;");
            foreach (var member in contract.Members)
            {
                var flag = contract.Name + "." + member.Name;
                writer.Line($"if ((value & {flag}) == {flag})");
                using (writer.OpenBlock())
                {
                    writer.Line($"parts.Add({SourceWriter.Literal(member.Value)});");
                    writer.Line($"rest &= ~{flag};");
                }
            }

            writer.Line($"return rest == 0 ? string.Join(\",\", parts) : throw new global::System.ArgumentOutOfRangeException(nameof(value), value, \"Not a combination of the values of {contract.Name}.\");");
        }

        writer.Line();
        writer.DocElement("summary", "The value for a comma-separated list of wire strings, or <c>null</c> when one of them is not a value the document lists.", raw: true);
        writer.Line($"public static {contract.Name}? FromWireValue(string? value)");
        using (writer.OpenBlock())
        {
            writer.Line("if (value is null)");
            using (writer.OpenBlock())
            {
                writer.Line("return null;");
            }

            writer.Line();
            writer.Line($"{contract.Name} result = 0;");
            writer.Line("foreach (var part in value.Split(','))");
            using (writer.OpenBlock())
            {
                writer.Line("switch (part.Trim())");
                using (writer.OpenBlock())
                {
                    foreach (var member in contract.Members)
                    {
                        writer.Line($"case {SourceWriter.Literal(member.Value)}:");
                        writer.Line($"    result |= {contract.Name}.{member.Name};");
                        writer.Line("    break;");
                    }

                    writer.Line("case \"\":");
                    writer.Line("    break;");
                    writer.Line("default:");
                    writer.Line("    return null;");
                }
            }

            writer.Line();
            writer.Line("return result;");
        }
    }
}
