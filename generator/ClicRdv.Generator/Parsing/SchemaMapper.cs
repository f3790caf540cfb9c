using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ClicRdv.Generator.Model;
using ClicRdv.Generator.Naming;
using NJsonSchema;
using NSwag;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// Maps NSwag schemas to <see cref="TypeRef"/>s and collects the contracts (classes and enums) they need.
/// Component schemas keep their names; inline object and enum schemas are named after where they appear.
/// </summary>
internal sealed class SchemaMapper
{
    private const int MaxReferenceDepth = 64;

    private readonly Dictionary<JsonSchema, string> _componentNames = new(ReferenceEqualityComparer<JsonSchema>.Instance);
    private readonly Dictionary<JsonSchema, TypeRef> _mapped = new(ReferenceEqualityComparer<JsonSchema>.Instance);
    private readonly HashSet<JsonSchema> _inProgress = new(ReferenceEqualityComparer<JsonSchema>.Instance);
    private readonly Dictionary<string, ContractModel> _contracts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _dateTimeConverters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LenientConverterModel> _lenientConverters = new(StringComparer.Ordinal);
    private readonly Dictionary<JsonSchema, bool> _reachesCycle = new(ReferenceEqualityComparer<JsonSchema>.Instance);

    // The schemas on the way of the current cycle search; empty between two searches.
    private readonly HashSet<JsonSchema> _cyclePath = new(ReferenceEqualityComparer<JsonSchema>.Instance);
    private readonly UniqueNameScope _typeNames;
    private readonly bool _closedEnums;

    /// <param name="closedEnums">Whether enums are C# enums that refuse unlisted values (see <see cref="GeneratorOptions.ClosedEnums"/>).</param>
    public SchemaMapper(OpenApiDocument document, UniqueNameScope typeNames, bool closedEnums)
    {
        _typeNames = typeNames;
        _closedEnums = closedEnums;

        // Component names are claimed first, in ordinal order, so they never depend on where they are used.
        foreach (var component in document.Components.Schemas.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (component.Value is null || _componentNames.ContainsKey(component.Value))
            {
                continue;
            }

            var target = Dereference(component.Value);
            if (IsObjectLike(target) || IsEnum(target))
            {
                _componentNames[component.Value] = typeNames.Claim(Identifiers.ToPascalCase(component.Key));
            }
        }
    }

    /// <summary>The extension that gives a string date-time its exact wire format (a .NET format string).</summary>
    public const string DateTimeFormatExtension = "x-date-time-format";

    public IEnumerable<ContractModel> Contracts => _contracts.Values;

    public IEnumerable<LenientConverterModel> LenientConverters =>
        _lenientConverters.Values.OrderBy(model => model.ConverterName, StringComparer.Ordinal);

    public IEnumerable<DateTimeFormatModel> DateTimeFormats =>
        _dateTimeConverters.Select(pair => new DateTimeFormatModel(pair.Value, pair.Key)).OrderBy(model => model.ConverterName, StringComparer.Ordinal);

    /// <summary>Maps every component schema, so that unused components are generated too.</summary>
    public void MapComponents(OpenApiDocument document)
    {
        foreach (var component in document.Components.Schemas.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (component.Value is not null)
            {
                Map(component.Value, Identifiers.ToPascalCase(component.Key));
            }
        }
    }

    /// <summary>The C# type for <paramref name="schema"/>; <paramref name="nameHint"/> names a contract it needs.</summary>
    public TypeRef Map(JsonSchema? schema, string nameHint)
    {
        if (schema is null)
        {
            return TypeRef.JsonValue;
        }

        var nullable = IsNullable(schema);
        var target = Dereference(schema);
        nullable |= !ReferenceEquals(target, schema) && IsNullable(target);

        if (_mapped.TryGetValue(target, out var known))
        {
            return known.AsNullable(nullable || known.IsNullable);
        }

        if (!_inProgress.Add(target))
        {
            // A schema that contains itself without going through a named object (an array of itself, say).
            return TypeRef.JsonValue.AsNullable(nullable);
        }

        try
        {
            var name = _componentNames.TryGetValue(target, out var componentName) ? componentName : null;
            var mapped = MapTarget(target, name, nameHint);
            if (name is not null || mapped.Kind is TypeKind.Contract or TypeKind.StringEnum or TypeKind.IntegerEnum)
            {
                _mapped[target] = mapped;
            }

            return mapped.AsNullable(nullable || mapped.IsNullable);
        }
        finally
        {
            _inProgress.Remove(target);
        }
    }

    /// <summary>The properties of an object schema (including those it takes from <c>allOf</c>), as form fields.</summary>
    /// <remarks>
    /// The fields are the properties of the class the schema maps to, base classes included, so that each field has the
    /// C# name the class gave its property (<c>ToString2</c> for a "ToString" member, say).
    /// </remarks>
    public EquatableArray<PropertyModel> MapFields(JsonSchema schema, string nameHint)
    {
        var type = Map(schema, nameHint);
        var fields = new List<PropertyModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var classes = new HashSet<string>(StringComparer.Ordinal);
        for (var current = type.Kind == TypeKind.Contract ? type.Name : null; current is not null && classes.Add(current) && _contracts.TryGetValue(current, out var contract); current = contract.BaseTypeName)
        {
            fields.AddRange(contract.Properties.Where(property => seen.Add(property.WireName)));
        }

        return fields.ToEquatableArray();
    }

    public static JsonSchema Dereference(JsonSchema schema)
    {
        var current = schema;
        for (var depth = 0; current.Reference is not null && depth < MaxReferenceDepth; depth++)
        {
            current = current.Reference;
        }

        return current;
    }

    public static bool IsBinary(JsonSchema? schema)
    {
        if (schema is null)
        {
            return false;
        }

        var target = Dereference(schema);
        return target.Type.HasFlag(JsonObjectType.File) || (target.Type.HasFlag(JsonObjectType.String) && target.Format == "binary");
    }

    private TypeRef MapTarget(JsonSchema target, string? componentName, string nameHint)
    {
        if (IsEnum(target))
        {
            return MapEnum(target, componentName ?? _typeNames.Claim(nameHint));
        }

        if (target.AllOf.Count == 1 && target.Properties.Count == 0)
        {
            // "allOf: [ { $ref } ]" is how OpenAPI 3.0 documents attach nullable or a description to a reference.
            return Map(target.AllOf.First(), nameHint);
        }

        if (IsObjectLike(target))
        {
            return MapObject(target, componentName ?? _typeNames.Claim(nameHint));
        }

        var type = target.Type & ~JsonObjectType.Null;
        if ((target.OneOf.Count > 0 || target.AnyOf.Count > 0) && !IsScalar(type))
        {
            // A union under a declared scalar type ("type: string, oneOf: [ { const } ]") only refines that type.
            return MapUnion(target, nameHint);
        }

        if (type.HasFlag(JsonObjectType.Array) || target.Item is not null)
        {
            return MapArray(target, nameHint);
        }

        if (type == JsonObjectType.Object)
        {
            var values = target.AdditionalPropertiesSchema is { } valueSchema ? Map(valueSchema, nameHint + "Value") : TypeRef.JsonValue;
            return TypeRef.DictionaryOf(values);
        }

        if (type == JsonObjectType.String && DateTimeFormatOf(target) is { } wireFormat)
        {
            return TypeRef.Primitive("global::System.DateTime", isValueType: true) with { Converter = DateTimeConverterFor(wireFormat) };
        }

        return MapPrimitive(type, target.Format);
    }

    private static string? DateTimeFormatOf(JsonSchema schema) =>
        schema.ExtensionData is { } extensions && extensions.TryGetValue(DateTimeFormatExtension, out var value) && value is string format && format.Trim().Length > 0
            ? format.Trim()
            : null;

    private string DateTimeConverterFor(string wireFormat)
    {
        if (!_dateTimeConverters.TryGetValue(wireFormat, out var name))
        {
            name = _typeNames.Claim("DateTimeJsonConverter");
            _dateTimeConverters.Add(wireFormat, name);
        }

        return name;
    }

    private TypeRef MapArray(JsonSchema target, string nameHint)
    {
        if (target.Item is { } item)
        {
            return TypeRef.ArrayOf(Map(item, nameHint + "Item"));
        }

        // Tuples ("items": [ ... ]) and arrays without "items" carry any JSON value.
        return TypeRef.ArrayOf(TypeRef.JsonValue);
    }

    private TypeRef MapUnion(JsonSchema target, string nameHint)
    {
        var variants = target.OneOf.Concat(target.AnyOf)
            .Where(variant => !IsNullOnly(Dereference(variant)))
            .ToList();
        var nullable = variants.Count < target.OneOf.Count + target.AnyOf.Count;
        if (variants.Count == 1)
        {
            return Map(variants[0], nameHint).AsNullable(nullable);
        }

        // Several variants keep one type only if they all map to it (say, several string formats). An inline object
        // or enum variant would become a type of its own, so the union is any JSON, and no unused type is generated.
        if (variants.Any(variant => !_componentNames.ContainsKey(Dereference(variant)) && (IsObjectLike(Dereference(variant)) || IsEnum(Dereference(variant)))))
        {
            return TypeRef.JsonValue.AsNullable(nullable);
        }

        var mapped = variants.Select(variant => Map(variant, nameHint)).Distinct().ToList();
        return (mapped.Count == 1 ? mapped[0] : TypeRef.JsonValue).AsNullable(nullable);
    }

    /// <summary>
    /// A schema whose only value is null: <c>type: null</c> (3.1), or <c>enum: [ null ]</c>, the way a 3.0 document
    /// offers null as an alternative (<c>oneOf: [ { $ref }, { type: object, nullable: true, enum: [ null ] } ]</c>):
    /// "nullable" beside <c>allOf</c> does not make the referenced schema accept null under 3.0 validators.
    /// </summary>
    private static bool IsNullOnly(JsonSchema schema) =>
        schema.Type == JsonObjectType.Null || (schema.Enumeration.Count > 0 && schema.Enumeration.All(value => value is null));

    private TypeRef MapEnum(JsonSchema target, string name)
    {
        var values = target.Enumeration.Where(value => value is not null)
            .Select(value => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty)
            .ToList();
        var distinctCount = values.Distinct(StringComparer.Ordinal).Count();
        var isInteger = (target.Type & ~JsonObjectType.Null) == JsonObjectType.Integer
            || (target.Type == JsonObjectType.None && target.Enumeration.Where(value => value is not null).All(value => value is long or int));

        // Flags combine, so they stay a C# enum: an open struct could not hold a combination.
        var isFlags = !isInteger && FlagsEnums.AreFlags(target, distinctCount);
        var isOpen = !_closedEnums && !isFlags;
        var names = target.EnumerationNames;
        var scope = isOpen ? new UniqueNameScope(ReservedNames.OpenEnumMembers.Concat(new[] { name }).ToArray()) : new UniqueNameScope(name);
        var members = new List<EnumMemberModel>();
        var seenValues = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < values.Count; index++)
        {
            var value = values[index];
            if (!seenValues.Add(value))
            {
                continue;
            }

            var explicitName = names.Count == values.Count ? names.ElementAt(index) : null;
            var memberName = scope.Claim(Identifiers.ToPascalCase(explicitName ?? EnumMemberNameFor(value, isInteger), "Empty"));
            members.Add(new EnumMemberModel(memberName, value, target.EnumerationDescriptions.ElementAtOrDefault(index)));
        }

        var kind = isInteger ? ContractKind.IntegerEnum : ContractKind.StringEnum;
        var converterName = _typeNames.Claim(name + "JsonConverter");
        _contracts[name] = new ContractModel(kind, name, DocumentationOf(target), null, EquatableArray<PropertyModel>.Empty, members.ToEquatableArray(), false, converterName, isFlags, isOpen);
        var typeKind = isInteger ? TypeKind.IntegerEnum : TypeKind.StringEnum;
        return new TypeRef(typeKind, name, null, IsValueType: true, IsNullable: false);
    }

    private static string EnumMemberNameFor(string value, bool isInteger)
    {
        if (!isInteger)
        {
            return value;
        }

        return value.StartsWith("-", StringComparison.Ordinal) ? "ValueMinus" + value.Substring(1) : "Value" + value;
    }

    private TypeRef MapObject(JsonSchema target, string name)
    {
        var typeRef = new TypeRef(TypeKind.Contract, name, null, IsValueType: false, IsNullable: false);
        _mapped[target] = typeRef;

        var baseSchema = FindBaseSchema(target);
        var baseName = baseSchema is null ? null : Map(baseSchema, name + "Base").Name;
        var inherited = baseSchema is null ? new HashSet<string>(StringComparer.Ordinal) : AllWireNames(Dereference(baseSchema));

        var scope = new UniqueNameScope(name, "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize");
        var hasAdditionalProperties = baseSchema is null && target.AllowAdditionalProperties;
        if (hasAdditionalProperties)
        {
            scope.Reserve("AdditionalProperties");
        }

        foreach (var inheritedName in BasePropertyNames(baseName))
        {
            scope.Reserve(inheritedName);
        }

        var properties = CollectProperties(target, requiredByParent: null, skip: baseSchema)
            .Where(property => !inherited.Contains(property.Key))
            .Select(property => MapProperty(target, property.Key, property.Value.Schema, property.Value.IsRequired, scope, name))
            .ToEquatableArray();

        _contracts[name] = new ContractModel(ContractKind.Object, name, DocumentationOf(target), baseName, properties, EquatableArray<EnumMemberModel>.Empty, hasAdditionalProperties, null);
        return typeRef;
    }

    private PropertyModel MapProperty(JsonSchema owner, string wireName, JsonSchema schema, bool isRequired, UniqueNameScope scope, string ownerName)
    {
        var propertyName = scope.Claim(Identifiers.ToPascalCase(wireName));
        var type = Map(schema, ownerName + Identifiers.ToPascalCase(wireName));
        var propertyType = isRequired ? type : type.AsNullable();
        var lenient = LenientMembers.IsLenient(schema) ? LenientConverterFor(propertyType) : null;
        var access = MemberAccess.Of(schema, owner, isRequired);
        return new PropertyModel(propertyName, wireName, propertyType, DocumentationOf(schema), isRequired, AllowsNull: type.IsNullable, lenient, MemberDefaults.Of(schema), access.IsReadOnly, access.IsWriteOnly, access.IsTolerant);
    }

    /// <summary>The generated lenient converter for members of <paramref name="type"/> (one per type), or null when none reads it.</summary>
    private string? LenientConverterFor(TypeRef type)
    {
        if (LenientMembers.ConverterNameFor(type) is not { } baseName)
        {
            return null;
        }

        if (!_lenientConverters.TryGetValue(baseName, out var model))
        {
            model = new LenientConverterModel(_typeNames.Claim(baseName), type);
            _lenientConverters.Add(baseName, model);
        }

        return model.ConverterName;
    }

    /// <summary>The first <c>allOf</c> member that is a named object: it becomes the base class.</summary>
    private JsonSchema? FindBaseSchema(JsonSchema target) =>
        target.AllOf.FirstOrDefault(part =>
        {
            var resolved = Dereference(part);
            return _componentNames.ContainsKey(resolved) && IsObjectLike(resolved) && !_inProgress.Contains(resolved);
        });

    private IEnumerable<string> BasePropertyNames(string? baseName)
    {
        for (var current = baseName; current is not null && _contracts.TryGetValue(current, out var contract); current = contract.BaseTypeName)
        {
            foreach (var property in contract.Properties)
            {
                yield return property.Name;
            }

            if (contract.HasAdditionalProperties)
            {
                yield return "AdditionalProperties";
            }
        }
    }

    private static HashSet<string> AllWireNames(JsonSchema schema) =>
        new(CollectProperties(schema, requiredByParent: null).Select(property => property.Key), StringComparer.Ordinal);

    /// <summary>
    /// The properties of an object schema and of its <c>allOf</c> members (except <paramref name="skip"/>, the base
    /// class), in document order, first occurrence winning. A property is required when any level says so.
    /// </summary>
    private static List<KeyValuePair<string, (JsonSchema Schema, bool IsRequired)>> CollectProperties(
        JsonSchema schema, ICollection<string>? requiredByParent, JsonSchema? skip = null, int depth = 0)
    {
        var result = new List<KeyValuePair<string, (JsonSchema Schema, bool IsRequired)>>();
        if (depth > MaxReferenceDepth)
        {
            return result;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in schema.Properties)
        {
            if (property.Value is not null && seen.Add(property.Key))
            {
                var required = property.Value.IsRequired || schema.RequiredProperties.Contains(property.Key) || (requiredByParent?.Contains(property.Key) ?? false);
                result.Add(new(property.Key, (property.Value, required)));
            }
        }

        foreach (var part in schema.AllOf)
        {
            if (ReferenceEquals(part, skip))
            {
                continue;
            }

            foreach (var property in CollectProperties(Dereference(part), schema.RequiredProperties, null, depth + 1))
            {
                if (seen.Add(property.Key))
                {
                    result.Add(property);
                }
            }
        }

        return result;
    }

    private static TypeRef MapPrimitive(JsonObjectType type, string? format) => type switch
    {
        JsonObjectType.String => format switch
        {
            "date-time" => TypeRef.Primitive("global::System.DateTimeOffset", isValueType: true),
            "date" => TypeRef.Primitive("global::System.DateOnly", isValueType: true),
            "uuid" or "guid" => TypeRef.Primitive("global::System.Guid", isValueType: true),
            "byte" or "binary" => TypeRef.Bytes,
            _ => TypeRef.String,
        },
        JsonObjectType.Integer => format == "int64"
            ? TypeRef.Primitive("long", isValueType: true)
            : TypeRef.Primitive("int", isValueType: true),
        JsonObjectType.Number => format switch
        {
            "float" => TypeRef.Primitive("float", isValueType: true),
            "decimal" => TypeRef.Primitive("decimal", isValueType: true),
            _ => TypeRef.Primitive("double", isValueType: true),
        },
        JsonObjectType.Boolean => TypeRef.Primitive("bool", isValueType: true),
        JsonObjectType.File => TypeRef.Bytes,
        _ => TypeRef.JsonValue,
    };

    private static bool IsScalar(JsonObjectType type) =>
        type is JsonObjectType.String or JsonObjectType.Integer or JsonObjectType.Number or JsonObjectType.Boolean;

    private static bool IsEnum(JsonSchema schema)
    {
        if (!schema.Enumeration.Any(value => value is not null))
        {
            return false;
        }

        var type = schema.Type & ~JsonObjectType.Null;
        return type is JsonObjectType.String or JsonObjectType.Integer
            || (type == JsonObjectType.None && schema.Enumeration.Where(value => value is not null).All(value => value is string or long or int));
    }

    private static bool IsObjectLike(JsonSchema schema) =>
        schema.Properties.Count > 0 || (schema.AllOf.Count > 1 && !schema.Type.HasFlag(JsonObjectType.Array));

    private bool IsNullable(JsonSchema schema) =>
        (ReachesCycle(schema, _cyclePath)
            ? IsNullableGuarded(schema, new HashSet<JsonSchema>(ReferenceEqualityComparer<JsonSchema>.Instance))
            : schema.IsNullable(SchemaType.OpenApi3))
        || schema.Type.HasFlag(JsonObjectType.Null);

    /// <summary>
    /// Whether a cycle of <c>$ref</c>, <c>allOf</c>, <c>oneOf</c> or <c>anyOf</c> can be reached from
    /// <paramref name="schema"/>. NJsonSchema's IsNullable follows those links with no guard, so on such a cycle
    /// ("Node": { "oneOf": [ { "$ref": "#/components/schemas/Node" } ] }) it overflows the stack, which no catch stops.
    /// </summary>
    private bool ReachesCycle(JsonSchema schema, HashSet<JsonSchema> path)
    {
        if (_reachesCycle.TryGetValue(schema, out var known))
        {
            return known;
        }

        if (!path.Add(schema))
        {
            return true;
        }

        var result = (schema.Reference is { } reference && ReachesCycle(reference, path))
            || AnyReachesCycle(schema.AllOf, path)
            || AnyReachesCycle(schema.OneOf, path)
            || AnyReachesCycle(schema.AnyOf, path);
        path.Remove(schema);
        _reachesCycle[schema] = result;
        return result;
    }

    private bool AnyReachesCycle(ICollection<JsonSchema> schemas, HashSet<JsonSchema> path)
    {
        foreach (var next in schemas)
        {
            if (next is not null && ReachesCycle(next, path))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>NJsonSchema's rules for nullable (OpenAPI 3), following each link once.</summary>
    private static bool IsNullableGuarded(JsonSchema schema, HashSet<JsonSchema> visited)
    {
        if (!visited.Add(schema))
        {
            return false;
        }

        if (schema.IsNullableRaw == true || schema.Type.HasFlag(JsonObjectType.Null) || schema.Enumeration.Contains(null))
        {
            return true;
        }

        if (schema.Type == JsonObjectType.None && schema.OneOf.Any(variant => variant is not null && IsNullableGuarded(variant, visited)))
        {
            return true;
        }

        return schema.Reference is { } reference && IsNullableGuarded(reference, visited);
    }

    internal static string? DocumentationOf(JsonSchema schema)
    {
        var text = !string.IsNullOrWhiteSpace(schema.Description) ? schema.Description : schema.Title;
        return string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
    }
}
