using System.Linq;
using ClicRdv.Generator.Tests.PropertyBased;
using Xunit;

namespace ClicRdv.Generator.Tests;

/// <summary><c>x-ms-enum-flags</c> makes a <c>[Flags]</c> enum, one bit per value, as long as a <c>long</c> has bits for them.</summary>
public sealed class FlagsEnumTests
{
    [Fact]
    public void A_flags_enum_gets_one_bit_per_value()
    {
        var contracts = GeneratorProperties.Check(Document(3)).Source("Contracts.g.cs");

        Assert.Contains("[global::System.Flags]\npublic enum Move\n", contracts);
        Assert.Contains("V2 = 1 << 2,", contracts);
        Assert.Contains("public static Move? FromWireValue(string? value)", contracts);
    }

    [Fact]
    public void Past_31_values_the_flags_are_a_long_and_past_62_an_open_enum()
    {
        var wide = GeneratorProperties.Check(Document(40)).Source("Contracts.g.cs");
        var tooWide = GeneratorProperties.Check(Document(63)).Source("Contracts.g.cs");

        Assert.Contains("public enum Move : long", wide);
        Assert.Contains("V39 = 1L << 39,", wide);
        Assert.DoesNotContain("[global::System.Flags]", tooWide);
        Assert.Contains("public readonly partial struct Move", tooWide);
        Assert.Contains("public static Move V62 { get; } = new(\"v62\");", tooWide);
    }

    private static string Document(int values) => """
        {
          "openapi": "3.0.3",
          "info": { "title": "Flags", "version": "1" },
          "paths": { "/moves": { "get": { "operationId": "getMove", "responses": { "200": { "description": "The move.",
            "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Move" } } } } } } } },
          "components": { "schemas": {
            "Move": { "type": "string", "enum": [ VALUES ], "x-ms-enum-flags": { "isFlags": true, "style": "simple" } }
          } }
        }
        """.Replace("VALUES", string.Join(", ", Enumerable.Range(0, values).Select(index => $"\"v{index}\"")));
}
