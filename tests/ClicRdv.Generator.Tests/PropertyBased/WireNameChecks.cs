using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using ClicRdv.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace ClicRdv.Generator.Tests.PropertyBased;

/// <summary>
/// Reads the generated code with Roslyn and checks names against the document: every declared name is a valid
/// identifier, every JSON property keeps its wire name in <c>[JsonPropertyName]</c> and in the generated JSON metadata
/// the clients serialize with, every enum value is written as
/// the document spells it, and every parameter is sent under its wire name. A compilation without errors already
/// proves that names are unique in their scopes; these checks prove that nothing is sent under a wrong name.
/// </summary>
internal static class WireNameChecks
{
    private static readonly Regex Summary = new(@"///\s*<summary>(S\d+|Operation \d+)</summary>", RegexOptions.CultureInvariant);

    public static void Check(GeneratorRun run, Expectations expected)
    {
        var trees = run.Compilation.SyntaxTrees
            .Where(tree => tree.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) && !System.IO.Path.GetFileName(tree.FilePath).StartsWith("ClicRdv.Generated.", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(4, trees.Count);
        var roots = trees.Select(tree => tree.GetRoot()).ToList();

        AssertDeclaredNamesAreIdentifiers(roots);

        var foundClasses = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in trees)
        {
            var model = run.Compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
            {
                if (MarkerOf(declaration) is not { } marker)
                {
                    continue;
                }

                switch (declaration)
                {
                    case ClassDeclarationSyntax when expected.Classes.TryGetValue(marker, out var wireNames):
                        foundClasses.Add(marker);
                        var symbol = (INamedTypeSymbol)model.GetDeclaredSymbol(declaration)!;
                        AssertSameNames(wireNames, JsonPropertyNames(symbol), $"the [JsonPropertyName] values of class {declaration.Identifier.ValueText} ({marker})");
                        AssertSameNames(wireNames, MetadataWireNames(symbol, roots), $"the JSON metadata of class {declaration.Identifier.ValueText} ({marker})");
                        break;
                    case EnumDeclarationSyntax enumeration when expected.StringEnums.TryGetValue(marker, out var values):
                        AssertSameNames(values, WireValues(enumeration, model, roots), $"the wire values of enum {enumeration.Identifier.ValueText} ({marker})");
                        break;
                    case EnumDeclarationSyntax enumeration when expected.IntegerEnums.TryGetValue(marker, out var numbers):
                        AssertSameNames(
                            numbers.Select(number => long.Parse(number, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)).ToList(),
                            enumeration.Members.Select(member => ConstantValue(member, model)).ToList(),
                            $"the values of enum {enumeration.Identifier.ValueText} ({marker})");
                        break;
                    case StructDeclarationSyntax open when expected.StringEnums.TryGetValue(marker, out var values):
                        AssertSameNames(values, OpenEnumValues(open), $"the wire values of open enum {open.Identifier.ValueText} ({marker})");
                        break;
                    case StructDeclarationSyntax open when expected.IntegerEnums.TryGetValue(marker, out var numbers):
                        AssertSameNames(
                            numbers.Select(number => long.Parse(number, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)).ToList(),
                            OpenEnumValues(open),
                            $"the values of open enum {open.Identifier.ValueText} ({marker})");
                        break;
                    case InterfaceDeclarationSyntax api:
                        break;
                    default:
                        Assert.Fail($"{declaration.Identifier.ValueText} carries the marker {marker}, which names no schema of its kind.");
                        break;
                }
            }

            foreach (var api in tree.GetRoot().DescendantNodes().OfType<InterfaceDeclarationSyntax>())
            {
                foreach (var method in api.Members.OfType<MethodDeclarationSyntax>())
                {
                    var marker = MarkerOf(method);
                    Assert.True(marker is not null && expected.Operations.ContainsKey(marker), $"{api.Identifier.ValueText}.{method.Identifier.ValueText} has no operation marker.");
                    AssertOperation(method, expected.Operations[marker!], expected.OperationPaths[marker!], ClientMethod(roots, api, method), expected.DeepObjectParameterNames);
                }
            }
        }

        foreach (var marker in expected.ComponentClasses)
        {
            Assert.True(foundClasses.Contains(marker), $"The component schema marked {marker} has no generated class.");
        }
    }

    /// <summary>Types, members, parameters and locals: each is a valid identifier (a keyword only with its @).</summary>
    private static void AssertDeclaredNamesAreIdentifiers(IEnumerable<SyntaxNode> roots)
    {
        foreach (var node in roots.SelectMany(root => root.DescendantNodes()))
        {
            SyntaxToken? identifier = node switch
            {
                BaseTypeDeclarationSyntax type => type.Identifier,
                EnumMemberDeclarationSyntax member => member.Identifier,
                PropertyDeclarationSyntax property => property.Identifier,
                MethodDeclarationSyntax method => method.Identifier,
                ParameterSyntax parameter => parameter.Identifier,
                VariableDeclaratorSyntax variable => variable.Identifier,
                SingleVariableDesignationSyntax designation => designation.Identifier,
                _ => null,
            };
            if (identifier is { } token)
            {
                Assert.True(SyntaxFacts.IsValidIdentifier(token.ValueText), $"'{token.Text}' is not a valid identifier.");
                Assert.True(token.Text.StartsWith('@') || SyntaxFacts.GetKeywordKind(token.Text) == SyntaxKind.None, $"'{token.Text}' is a keyword without its @.");
            }
        }
    }

    /// <summary>The marker ("S12", "Operation 3") a declaration carries in its XML summary, copied from the document.</summary>
    internal static string? MarkerOf(SyntaxNode node)
    {
        var match = Summary.Match(node.GetLeadingTrivia().ToFullString());
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>The JSON names of a class and its generated base classes, duplicates kept so that they show.</summary>
    private static List<string> JsonPropertyNames(INamedTypeSymbol type)
    {
        var names = new List<string>();
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
            {
                names.AddRange(property.GetAttributes()
                    .Where(attribute => attribute.AttributeClass?.Name == "JsonPropertyNameAttribute")
                    .Select(attribute => (string)attribute.ConstructorArguments[0].Value!));
            }
        }

        return names;
    }

    /// <summary>
    /// The JSON names the generated metadata gives the properties of a class and its base classes: the third argument
    /// of each <c>JsonMetadata.Property</c> in the class's <c>JsonMetadata.Object</c>.
    /// </summary>
    private static List<string> MetadataWireNames(INamedTypeSymbol type, IEnumerable<SyntaxNode> roots)
    {
        var spelling = type.Name;
        var creation = roots.SelectMany(root => root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            .Single(invocation => invocation.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "Object" } name } && name.TypeArgumentList.Arguments.Single().ToString() == spelling);
        return creation.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(invocation => invocation.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "Property" } })
            .Select(invocation => (string)((LiteralExpressionSyntax)invocation.ArgumentList.Arguments[2].Expression).Token.Value!)
            .ToList();
    }

    /// <summary>The strings the enum's converter writes: the arms of its ToWireValue switch.</summary>
    private static List<string> WireValues(EnumDeclarationSyntax enumeration, SemanticModel model, IReadOnlyList<SyntaxNode> roots)
    {
        var converter = enumeration.AttributeLists.SelectMany(list => list.Attributes)
            .Where(attribute => attribute.Name.ToString().EndsWith("JsonConverter", StringComparison.Ordinal))
            .Select(attribute => ((TypeOfExpressionSyntax)attribute.ArgumentList!.Arguments[0].Expression).Type.ToString())
            .Single();
        var toWireValue = roots.SelectMany(root => root.DescendantNodes().OfType<ClassDeclarationSyntax>())
            .Single(type => type.Identifier.ValueText == converter)
            .Members.OfType<MethodDeclarationSyntax>().Single(method => method.Identifier.ValueText == "ToWireValue");
        return toWireValue.DescendantNodes().OfType<SwitchExpressionArmSyntax>()
            .Where(arm => arm.Pattern is not DiscardPatternSyntax)
            .Select(arm => (string)((LiteralExpressionSyntax)arm.Expression).Token.Value!)
            .ToList();
    }

    /// <summary>The wire values of an open enum's known members: the literal each static property is created from.</summary>
    private static List<string> OpenEnumValues(StructDeclarationSyntax open) =>
        open.Members.OfType<PropertyDeclarationSyntax>()
            .Where(property => property.Modifiers.Any(SyntaxKind.StaticKeyword))
            .Select(property => ((ImplicitObjectCreationExpressionSyntax)property.Initializer!.Value).ArgumentList.Arguments.Single().Expression switch
            {
                LiteralExpressionSyntax literal => Convert.ToString(literal.Token.Value, CultureInfo.InvariantCulture)!,
                PrefixUnaryExpressionSyntax { OperatorToken.ValueText: "-", Operand: LiteralExpressionSyntax literal } => "-" + Convert.ToString(literal.Token.Value, CultureInfo.InvariantCulture),
                var other => throw new InvalidOperationException($"{open.Identifier.ValueText}.{property.Identifier.ValueText} is not created from a literal: {other}"),
            })
            .ToList();

    private static string ConstantValue(EnumMemberDeclarationSyntax member, SemanticModel model) =>
        Convert.ToString(model.GetDeclaredSymbol(member)!.ConstantValue, CultureInfo.InvariantCulture)!;

    /// <summary>
    /// The interface method's parameters carry their wire names (<c>[AliasAs]</c> or <c>[Header]</c>, or the very
    /// same name), its verb attribute the document's path, and the client sends query keys, headers and cookies under
    /// them. A parameter without a Refit location attribute is the path's (path parameters come first, one for each
    /// placeholder) or else a cookie, which Refit has no attribute for.
    /// </summary>
    private static void AssertOperation(MethodDeclarationSyntax method, IReadOnlyList<(string In, string Name)> expected, string path, MethodDeclarationSyntax client, IReadOnlyCollection<string> deepObjects)
    {
        var actual = new List<(string In, string Name)>();
        var placeholdersLeft = new HashSet<string>(Regex.Matches(path, "{([^}]+)}").Select(match => match.Groups[1].Value), StringComparer.Ordinal);
        foreach (var parameter in method.ParameterList.Parameters)
        {
            var attributes = parameter.AttributeLists.SelectMany(list => list.Attributes).ToDictionary(attribute => attribute.Name.ToString().Replace("global::Refit.", string.Empty, StringComparison.Ordinal), StringComparer.Ordinal);
            if (parameter.Type!.ToString() == "global::System.Threading.CancellationToken" || attributes.ContainsKey("Body"))
            {
                continue;
            }

            var alias = attributes.TryGetValue("AliasAs", out var aliasAs) ? StringArgument(aliasAs) : parameter.Identifier.ValueText;
            actual.Add(attributes.TryGetValue("Header", out var header) ? ("header", StringArgument(header))
                : attributes.ContainsKey("Query") ? ("query", alias)
                : placeholdersLeft.Remove(alias) ? ("path", alias)
                : ("cookie", alias));
        }

        Assert.Equal(expected, actual.OrderBy(parameter => parameter.In, StringComparer.Ordinal).ThenBy(parameter => parameter.Name, StringComparer.Ordinal));

        var verb = method.AttributeLists.SelectMany(list => list.Attributes).Single(attribute => attribute.Name.ToString().StartsWith("global::Refit.", StringComparison.Ordinal));
        Assert.Equal(path, StringArgument(verb));

        var literals = client.Body!.DescendantTokens().Where(token => token.IsKind(SyntaxKind.StringLiteralToken)).Select(token => token.ValueText).ToHashSet(StringComparer.Ordinal);
        foreach (var (location, name) in expected)
        {
            var sent = location switch
            {
                "query" when !deepObjects.Contains(name) => Uri.EscapeDataString(name),
                "header" or "cookie" => name,
                _ => null,
            };
            Assert.True(sent is null || literals.Contains(sent), $"{client.Identifier.ValueText} does not send the {location} parameter '{name}' as \"{sent}\".");
        }
    }

    private static MethodDeclarationSyntax ClientMethod(IEnumerable<SyntaxNode> roots, InterfaceDeclarationSyntax api, MethodDeclarationSyntax method) =>
        roots.SelectMany(root => root.DescendantNodes().OfType<ClassDeclarationSyntax>())
            .Single(type => type.BaseList?.Types.Any(baseType => baseType.Type.ToString() == api.Identifier.ValueText) == true)
            .Members.OfType<MethodDeclarationSyntax>()
            .Single(candidate => candidate.Identifier.ValueText == method.Identifier.ValueText);

    private static string StringArgument(AttributeSyntax attribute) =>
        (string)((LiteralExpressionSyntax)attribute.ArgumentList!.Arguments[0].Expression).Token.Value!;

    /// <summary>The same names, each exactly once.</summary>
    private static void AssertSameNames(IReadOnlyCollection<string> expected, IReadOnlyCollection<string> actual, string what)
    {
        var duplicates = actual.GroupBy(name => name, StringComparer.Ordinal).Where(group => group.Count() > 1).Select(group => group.Key).ToList();
        Assert.True(duplicates.Count == 0, $"{what} repeat {string.Join(", ", duplicates.Select(Quote))}.");
        var missing = expected.Except(actual, StringComparer.Ordinal).ToList();
        var extra = actual.Except(expected, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0, $"{what} miss {string.Join(", ", missing.Select(Quote))} and have in excess {string.Join(", ", extra.Select(Quote))}.");
    }

    private static string Quote(string name) => SymbolDisplay.FormatLiteral(name, quote: true);
}
