using System;
using System.Collections.Generic;
using System.Linq;
using ClicRdv.Generator.Model;
using ClicRdv.Generator.Naming;

namespace ClicRdv.Generator.Emitting;

/// <summary>How the metadata of one type is built.</summary>
internal enum JsonShape
{
    /// <summary>A generated class, filled property by property.</summary>
    Object,

    /// <summary>A generated string enum, through its generated converter.</summary>
    StringEnum,

    /// <summary>A generated integer enum, written as its numbers through its generated converter.</summary>
    IntegerEnum,

    /// <summary>A date-time in the wire format of <c>x-date-time-format</c>, through its generated converter.</summary>
    FormattedDateTime,

    /// <summary>A string, a number, a boolean, a date, bytes or any JSON value, through System.Text.Json's own converter.</summary>
    Primitive,

    /// <summary>A nullable value type, through the metadata of its underlying type.</summary>
    Nullable,

    /// <summary>An array, read as a list.</summary>
    List,

    /// <summary>An array a client writes from any sequence (a request body).</summary>
    Sequence,

    /// <summary>An object with arbitrary member names.</summary>
    Dictionary,

    /// <summary>A generated union, read as the variant its JSON tells.</summary>
    Union,
}

/// <summary>One type of the document's JSON metadata.</summary>
/// <param name="Spelling">The type in C# as the metadata file names it (see <see cref="JsonTypeCatalog.Spell"/>): one entry per runtime type.</param>
/// <param name="PropertyName">Its property on the generated context (<c>Pet</c>, <c>ListPet</c>, <c>NullableInt32</c>...).</param>
/// <param name="Element">The element of a collection, or the underlying type of a nullable value type.</param>
internal sealed record JsonTypeEntry(string Spelling, string PropertyName, JsonShape Shape, TypeRef Type, JsonTypeEntry? Element, ContractModel? Contract)
{
    /// <summary>Whether the document fixes this type's wire format, so that converters in the options never apply to it.</summary>
    public bool IsOwned => Shape is JsonShape.StringEnum or JsonShape.IntegerEnum or JsonShape.FormattedDateTime;
}

/// <summary>
/// Every type a document's clients read or write as JSON: its contracts (all of them, used or not), the types of their
/// properties, the answers and request bodies, and whatever those contain, each named as the System.Text.Json source
/// generator names its context's properties.
/// </summary>
internal sealed class JsonTypeCatalog
{
    /// <summary>Members of a JsonSerializerContext and of object, which no property of the context may take.</summary>
    private static readonly string[] ContextMembers =
        new[] { "Default", "Options", "GetTypeInfo", "GeneratedSerializerOptions", "Resolved", "Get" }.Concat(ReservedNames.ObjectMembers).ToArray();

    private readonly Dictionary<string, JsonTypeEntry> _bySpelling = new(StringComparer.Ordinal);

    // Spellings of the types met so far: the same few types recur across thousands of properties.
    private readonly Dictionary<TypeRef, string> _valueSpellings = new();
    private readonly Dictionary<string, ContractModel> _contracts;
    private readonly string? _dateTimeConverter;

    private JsonTypeCatalog(DocumentModel document)
    {
        _contracts = document.Contracts.ToDictionary(contract => contract.Name, StringComparer.Ordinal);
        _dateTimeConverter = document.DateTimeFormats.Select(format => format.ConverterName).FirstOrDefault();
    }

    /// <summary>The entries: contracts first (in ordinal order), then the other types in ordinal order of their spelling.</summary>
    public IReadOnlyList<JsonTypeEntry> Entries { get; private set; } = Array.Empty<JsonTypeEntry>();

    /// <summary>The context's name for the type a client reads or writes.</summary>
    public string PropertyFor(TypeRef type, bool isParameter) => _bySpelling[Spell(type, isParameter)].PropertyName;

    /// <summary>The contract of that name.</summary>
    public ContractModel Contract(string name) => _contracts[name];

    /// <summary>The generated converter of a string enum.</summary>
    public string? EnumConverter(string enumName) => _contracts.TryGetValue(enumName, out var contract) ? contract.ConverterName : null;

    public static JsonTypeCatalog For(DocumentModel document)
    {
        var catalog = new JsonTypeCatalog(document);
        var found = new Dictionary<string, (TypeRef Type, bool IsParameter)>(StringComparer.Ordinal);
        foreach (var contract in document.Contracts)
        {
            catalog.Collect(TypeOf(contract), isParameter: false, found);
            foreach (var property in contract.Properties)
            {
                catalog.Collect(property.Type, isParameter: false, found);
            }

            if (contract.HasAdditionalProperties)
            {
                catalog.Collect(TypeRef.DictionaryOf(TypeRef.JsonValue), isParameter: false, found);
            }

            foreach (var variant in contract.Variants)
            {
                catalog.Collect(variant.Type, isParameter: false, found);
            }
        }

        foreach (var operation in document.Interfaces.SelectMany(api => api.Operations))
        {
            if (operation.Response.Kind == Generated.Support.ResponseContent.Json)
            {
                catalog.Collect(operation.Response.Type!, isParameter: false, found);
            }

            foreach (var error in operation.Errors.Where(error => error.Type is not null))
            {
                catalog.Collect(error.Type!, isParameter: false, found);
            }

            foreach (var body in operation.Parameters.Where(parameter => (parameter.Location is ParameterLocation.Body or ParameterLocation.FormPart) && parameter.BodyEncoding == BodyEncoding.Json))
            {
                catalog.Collect(body.Type, isParameter: true, found);
            }
        }

        catalog.Name(found, document.JsonContextClassName);
        return catalog;
    }

    private static TypeRef TypeOf(ContractModel contract) => contract.Kind switch
    {
        ContractKind.StringEnum => new TypeRef(TypeKind.StringEnum, contract.Name, null, IsValueType: true, IsNullable: false),
        ContractKind.IntegerEnum => new TypeRef(TypeKind.IntegerEnum, contract.Name, null, IsValueType: true, IsNullable: false),
        _ => new TypeRef(TypeKind.Contract, contract.Name, null, IsValueType: false, IsNullable: false),
    };

    /// <summary>Adds a type and what it contains, once per runtime type.</summary>
    private void Collect(TypeRef type, bool isParameter, Dictionary<string, (TypeRef Type, bool IsParameter)> found)
    {
        type = type.IsValueType ? type : type.AsNullable(false);
        if (type.Kind == TypeKind.Binary && type.Name != TypeRef.Bytes.Name)
        {
            // A stream is a body or an answer of its own, never JSON.
            return;
        }

        var spelling = Spell(type, isParameter);
        if (found.ContainsKey(spelling))
        {
            return;
        }

        found.Add(spelling, (type, isParameter));
        if (type.IsValueType && type.IsNullable)
        {
            Collect(type.AsNullable(false), isParameter: false, found);
        }
        else if (type.Element is { } element)
        {
            Collect(element, isParameter: false, found);
            if (type.Kind == TypeKind.Dictionary)
            {
                // System.Text.Json resolves the metadata of a dictionary's key type too.
                Collect(TypeRef.String, isParameter: false, found);
            }
        }
    }

    /// <summary>Names the entries in order, and links each to its element.</summary>
    private void Name(Dictionary<string, (TypeRef Type, bool IsParameter)> found, string contextClassName)
    {
        var scope = new UniqueNameScope(ContextMembers);
        scope.Reserve(contextClassName);
        var ordered = found
            .OrderBy(entry => IsGenerated(entry.Value.Type) && !entry.Value.Type.IsNullable ? 0 : 1)
            .ThenBy(entry => entry.Key, StringComparer.Ordinal)
            .ToList();
        var names = ordered.ToDictionary(entry => entry.Key, entry => scope.Claim(JsonTypeNames.NameOf(entry.Value.Type, entry.Value.IsParameter)), StringComparer.Ordinal);

        // Elements first, so that each entry can point at its element's.
        JsonTypeEntry EntryFor(string spelling)
        {
            if (_bySpelling.TryGetValue(spelling, out var existing))
            {
                return existing;
            }

            var (type, isParameter) = found[spelling];
            var elementType = type.IsValueType && type.IsNullable ? type.AsNullable(false) : type.Element;
            var element = elementType is null ? null : EntryFor(Spell(elementType.IsValueType ? elementType : elementType.AsNullable(false), isParameter: false));
            var contract = type.Kind == TypeKind.Contract ? _contracts[type.Name] : null;
            var shape = contract?.Kind == ContractKind.Union ? JsonShape.Union : ShapeOf(type, isParameter);
            var entry = new JsonTypeEntry(spelling, names[spelling], shape, type, element, contract);
            _bySpelling.Add(spelling, entry);
            return entry;
        }

        Entries = ordered.Select(entry => EntryFor(entry.Key)).ToList();
    }

    private static bool IsGenerated(TypeRef type) => type.Kind is TypeKind.Contract or TypeKind.StringEnum or TypeKind.IntegerEnum;

    private static JsonShape ShapeOf(TypeRef type, bool isParameter) => type switch
    {
        { IsValueType: true, IsNullable: true } => JsonShape.Nullable,
        { Kind: TypeKind.Contract } => JsonShape.Object,
        { Kind: TypeKind.StringEnum } => JsonShape.StringEnum,
        { Kind: TypeKind.IntegerEnum } => JsonShape.IntegerEnum,
        { Kind: TypeKind.Array } => isParameter ? JsonShape.Sequence : JsonShape.List,
        { Kind: TypeKind.Dictionary } => JsonShape.Dictionary,
        { Converter: not null } => JsonShape.FormattedDateTime,
        _ => JsonShape.Primitive,
    };

    /// <summary>The converter of the document's date-times: that of its first <c>x-date-time-format</c>.</summary>
    public string DateTimeConverter => _dateTimeConverter!;

    /// <summary>
    /// The type in C# as the metadata file names it, without annotations on reference types: generated types by their
    /// name (the file is in their namespace, and only types are looked up where a type is expected), others in full.
    /// </summary>
    public string Spell(TypeRef type, bool isParameter)
    {
        if (isParameter)
        {
            return SpellUncached(type, isParameter);
        }

        if (!_valueSpellings.TryGetValue(type, out var spelling))
        {
            spelling = SpellUncached(type, isParameter: false);
            _valueSpellings.Add(type, spelling);
        }

        return spelling;
    }

    private string SpellUncached(TypeRef type, bool isParameter)
    {
        var nullable = type.IsValueType && type.IsNullable ? "?" : string.Empty;
        return type.Kind switch
        {
            TypeKind.Contract or TypeKind.StringEnum or TypeKind.IntegerEnum => type.Name + nullable,
            TypeKind.Array => (isParameter ? "global::System.Collections.Generic.IEnumerable<" : "global::System.Collections.Generic.List<") + Spell(type.Element!, isParameter: false) + ">",
            TypeKind.Dictionary => "global::System.Collections.Generic.Dictionary<string, " + Spell(type.Element!, isParameter: false) + ">",
            _ => type.Name + nullable,
        };
    }
}
