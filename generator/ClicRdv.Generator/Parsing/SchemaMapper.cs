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
    public const int MaxReferenceDepth = 64;

    private readonly Dictionary<JsonSchema, string> _componentNames = new(ReferenceEqualityComparer<JsonSchema>.Instance);

    /// <summary>Each component's name, the hint for what it needs named (a class for an array component's items, say).</summary>
    private readonly Dictionary<JsonSchema, string> _componentHints = new(ReferenceEqualityComparer<JsonSchema>.Instance);
    private readonly Dictionary<JsonSchema, TypeRef> _mapped = new(ReferenceEqualityComparer<JsonSchema>.Instance);
    private readonly HashSet<JsonSchema> _inProgress = new(ReferenceEqualityComparer<JsonSchema>.Instance);
    private readonly Dictionary<string, ContractModel> _contracts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _dateTimeConverters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LenientConverterModel> _lenientConverters = new(StringComparer.Ordinal);
    private readonly SchemaNullability _nullability = new();
    private readonly ClassLayouts _layouts;
    private readonly SchemaPointers _pointers;
    private readonly List<HierarchyDeclaration> _hierarchies = new();
    private readonly List<(string Pointer, string What, string Reason)> _anyJsonUnions = new();

    // Each discriminated oneOf/anyOf by its discriminator and variants, and the components that declare one.
    private readonly Dictionary<string, TypeRef> _discriminatedUnions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _componentUnionNames = new(StringComparer.Ordinal);

    // The component name of each class made for a component schema: its implicit discriminator value.
    private readonly Dictionary<string, string> _schemaNames = new(StringComparer.Ordinal);
    private readonly UniqueNameScope _typeNames;
    private readonly bool _closedEnums;

    /// <param name="closedEnums">Whether enums are C# enums that refuse unlisted values (see <see cref="GeneratorOptions.ClosedEnums"/>).</param>
    public SchemaMapper(OpenApiDocument document, UniqueNameScope typeNames, bool closedEnums)
    {
        _typeNames = typeNames;
        _closedEnums = closedEnums;
        _pointers = new SchemaPointers(document);
        _layouts = new ClassLayouts(
            schema => _componentNames.TryGetValue(schema, out var name) ? name : null,
            schema => _componentNames.ContainsKey(schema) && (IsObjectLike(schema) || IsRenamedObject(schema)));

        // Component names are claimed first, in ordinal order, so they never depend on where they are used.
        foreach (var component in document.Components.Schemas.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (component.Value is null || _componentNames.ContainsKey(component.Value))
            {
                continue;
            }

            var target = Dereference(component.Value);
            _componentHints[component.Value] = Identifiers.ToPascalCase(component.Key);
            if (IsObjectLike(target) || IsEnum(target) || IsUnion(target) || IsRenamedObject(target))
            {
                var candidate = Identifiers.ToPascalCase(component.Key);
                var name = IsEnum(target) ? ClaimTypeName(typeNames, candidate, ReservedNames.OpenEnumMembers)
                    : IsUnion(target) ? ClaimTypeName(typeNames, candidate, ReservedNames.UnionMembers)
                    : typeNames.Claim(candidate);
                _componentNames[component.Value] = name;
                _schemaNames[name] = component.Key;
            }
        }

        foreach (var component in _componentNames)
        {
            if (Dereference(component.Key) is { DiscriminatorObject: { } discriminator } union && IsDiscriminatedUnion(union) && VariantsOf(union).All(IsNamedObject))
            {
                var key = UnionKey(discriminator, VariantsOf(union));
                if (!_componentUnionNames.ContainsKey(key))
                {
                    _componentUnionNames[key] = component.Value;
                }
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

        var nullable = _nullability.IsNullable(schema);
        var target = Dereference(schema);
        nullable |= !ReferenceEquals(target, schema) && _nullability.IsNullable(target);

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
            // A component names what it needs (an array's item class, say) after itself, wherever it is met first.
            var mapped = MapTarget(target, name, name ?? (_componentHints.TryGetValue(target, out var hint) ? hint : nameHint));
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

    /// <summary>The type a schema (or its items) was already mapped to, without mapping anything new.</summary>
    public TypeRef? KnownTypeOf(JsonSchema schema)
    {
        var target = Dereference(schema);
        return _mapped.TryGetValue(target, out var known) ? known
            : target.Item is { } item && _mapped.TryGetValue(Dereference(item), out var element) ? element
            : null;
    }

    /// <summary>The properties of the class <paramref name="type"/> is, its base classes' included, as form fields.</summary>
    /// <remarks>
    /// The fields are the class's properties, so that each field has the C# name the class gave its property
    /// (<c>ToString2</c> for a "ToString" member, say).
    /// </remarks>
    public IEnumerable<PropertyModel> FieldsOf(TypeRef type)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var classes = new HashSet<string>(StringComparer.Ordinal);
        for (var current = type.Kind == TypeKind.Contract ? type.Name : null; current is not null && classes.Add(current) && _contracts.TryGetValue(current, out var contract); current = contract.BaseTypeName)
        {
            foreach (var property in contract.Properties.Where(property => seen.Add(property.WireName)))
            {
                yield return property;
            }
        }
    }

    /// <summary>The generated type (class, union or enum) <paramref name="type"/> names, or null when it names none.</summary>
    public ContractModel? ContractOf(TypeRef type) =>
        type.Kind is TypeKind.Contract or TypeKind.StringEnum or TypeKind.IntegerEnum && _contracts.TryGetValue(type.Name, out var contract) ? contract : null;

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
            return MapEnum(target, componentName ?? ClaimTypeName(_typeNames, nameHint, ReservedNames.OpenEnumMembers));
        }

        if (target.Properties.Count == 0 && SoleTypedPart(target) is { } parent && !(componentName is not null && IsRenamedObject(target)))
        {
            // "allOf: [ { $ref } ]" is how OpenAPI 3.0 documents attach nullable or a description to a reference; a
            // discriminator there reads the referenced class by its subclasses.
            var mappedParent = Map(parent, nameHint);
            if (target.DiscriminatorObject is { } discriminator && mappedParent.Kind == TypeKind.Contract && Dereference(parent).DiscriminatorObject is null
                && _hierarchies.All(declared => declared.RootName != mappedParent.Name))
            {
                _hierarchies.Add(new HierarchyDeclaration(mappedParent.Name, discriminator, null, PointerOf(mappedParent.Name, target)));
            }

            return mappedParent;
        }

        if (IsObjectLike(target) || (componentName is not null && IsRenamedObject(target)))
        {
            return MapObject(target, componentName ?? _typeNames.Claim(nameHint));
        }

        var type = target.Type & ~JsonObjectType.Null;
        if ((target.OneOf.Count > 0 || target.AnyOf.Count > 0) && !IsScalar(type))
        {
            // A union under a declared scalar type ("type: string, oneOf: [ { const } ]") only refines that type.
            return MapUnion(target, componentName, nameHint);
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

    private TypeRef MapUnion(JsonSchema target, string? componentName, string nameHint)
    {
        var variants = VariantsOf(target);
        var nullable = variants.Count < target.OneOf.Count + target.AnyOf.Count;
        if (variants.Count == 1)
        {
            return Map(variants[0], nameHint).AsNullable(nullable);
        }

        if (target.DiscriminatorObject is { } discriminator && variants.Count > 0 && variants.All(IsNamedObject))
        {
            return MapDiscriminatedUnion(target, () => componentName ?? _typeNames.Claim(nameHint), discriminator, variants).AsNullable(nullable);
        }

        // Several variants keep one type only if they all map to it (say, several string formats). An inline object
        // or enum variant would become a type of its own, so the union is any JSON, and no unused type is generated.
        if (variants.Any(variant => !_componentNames.ContainsKey(Dereference(variant)) && (IsObjectLike(Dereference(variant)) || IsEnum(Dereference(variant)))))
        {
            ReportAnyJson(target, componentName, nameHint, "a variant is an object or enum written inline, which has no class of its own");
            return TypeRef.JsonValue.AsNullable(nullable);
        }

        var mapped = variants.Select(variant => Map(variant, nameHint)).Distinct().ToList();

        // A class and its subclasses ("oneOf: [ Fruit, Apple, Orange ]") are the class, read by its discriminator if it has one.
        var common = mapped.All(type => type.Kind == TypeKind.Contract)
            ? mapped.FirstOrDefault(candidate => mapped.All(other => Hierarchies.Derives(_contracts, other.Name, candidate.Name)))
            : null;
        if (common is not null || mapped.Count == 1)
        {
            return (common ?? mapped[0]).AsNullable(nullable);
        }

        return MapDistinguishedUnion(target, componentName, nameHint, mapped).AsNullable(nullable);
    }

    /// <summary>
    /// A union whose variants the JSON tells apart (see <see cref="Unions"/>): a class holding one of them; else any
    /// JSON value, reported (CRDV102) with the reason.
    /// </summary>
    private TypeRef MapDistinguishedUnion(JsonSchema target, string? componentName, string nameHint, List<TypeRef> variants)
    {
        var unionName = componentName ?? ClaimTypeName(_typeNames, nameHint, ReservedNames.UnionMembers);
        if (Unions.Describe(unionName, variants.Select(variant => variant.AsNullable(false)).Distinct().ToList(), _contracts, out var reason) is not { } described)
        {
            ReportAnyJson(target, componentName, nameHint, reason!);
            return TypeRef.JsonValue;
        }

        _contracts[unionName] = new ContractModel(ContractKind.Union, unionName, DocumentationOf(target), null, EquatableArray<PropertyModel>.Empty, EquatableArray<EnumMemberModel>.Empty, false, null, Variants: described);
        return new TypeRef(TypeKind.Contract, unionName, null, IsValueType: false, IsNullable: false);
    }

    /// <summary>
    /// Whether the type is a union whose every variant is a string, a number or a boolean (so URL text), but an integer
    /// enum, whose text in a URL is its number and whose ToString() is its name.
    /// </summary>
    public bool IsScalarUnion(TypeRef type) =>
        type.Kind == TypeKind.Contract && _contracts.TryGetValue(type.Name, out var contract) && contract.Kind == ContractKind.Union
        && contract.Variants.All(variant => variant.Kind is JsonKind.String or JsonKind.Number or JsonKind.Boolean && variant.Type.Kind != TypeKind.IntegerEnum);

    /// <summary>Records a union read as any JSON value, for CRDV102: a component at its schema, an inline one by its name hint.</summary>
    private void ReportAnyJson(JsonSchema target, string? componentName, string nameHint, string reason) =>
        _anyJsonUnions.Add(componentName is not null
            ? (PointerOf(componentName, target), $"The schema '{_schemaNames[componentName]}'", reason)
            : (_pointers.Of(target), $"The inline union {nameHint}", reason));

    /// <summary>The unions read as any JSON value: where (a pointer), what, and why.</summary>
    public IReadOnlyList<(string Pointer, string What, string Reason)> AnyJsonUnions => _anyJsonUnions;

    /// <summary>
    /// A <c>oneOf</c>/<c>anyOf</c> of named objects with a discriminator: a class that its variants will derive from
    /// (see <see cref="Hierarchies"/>), which keeps every member of an object whose value names no variant.
    /// </summary>
    private TypeRef MapDiscriminatedUnion(JsonSchema target, Func<string> claimName, OpenApiDiscriminator discriminator, List<JsonSchema> variants)
    {
        // The same union written out in several places (an inline copy in each schema that uses it) is one class,
        // named after the component that declares it, if one does.
        var key = UnionKey(discriminator, variants);
        if (_discriminatedUnions.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var name = _componentUnionNames.TryGetValue(key, out var componentName) ? componentName : claimName();
        var typeRef = new TypeRef(TypeKind.Contract, name, null, IsValueType: false, IsNullable: false);
        _discriminatedUnions[key] = typeRef;
        _mapped[target] = typeRef;
        _contracts[name] = new ContractModel(ContractKind.Object, name, DocumentationOf(target), null, EquatableArray<PropertyModel>.Empty, EquatableArray<EnumMemberModel>.Empty, HasAdditionalProperties: true, null);
        foreach (var variant in variants)
        {
            Map(variant, name);
        }

        _hierarchies.Add(new HierarchyDeclaration(name, discriminator, variants, PointerOf(name, target)));
        return typeRef;
    }

    /// <summary>Makes the document's discriminators class hierarchies, once every schema is mapped; returns those that could not be.</summary>
    public IReadOnlyList<(string Pointer, string Reason)> BuildHierarchies()
    {
        var hierarchies = new Hierarchies(
            _contracts,
            schema => _mapped.TryGetValue(Dereference(schema), out var type) && type.Kind == TypeKind.Contract ? type.Name : null,
            name => _schemaNames.TryGetValue(name, out var schemaName) ? schemaName : null);
        hierarchies.Resolve(_hierarchies);
        return hierarchies.Ignored;
    }

    /// <summary>The JSON pointer of a class's component schema, or of where its inline schema is written.</summary>
    private string PointerOf(string contractName, JsonSchema target) =>
        _schemaNames.TryGetValue(contractName, out var schemaName) ? "/components/schemas/" + SourceLocator.EscapeSegment(schemaName) : _pointers.Of(target);

    private bool IsNamedObject(JsonSchema schema)
    {
        var target = Dereference(schema);
        return schema.Reference is not null && _componentNames.ContainsKey(target) && (IsObjectLike(target) || IsRenamedObject(target));
    }

    /// <summary>The variants of a <c>oneOf</c>/<c>anyOf</c>, but those that only allow null.</summary>
    private static List<JsonSchema> VariantsOf(JsonSchema union) =>
        union.OneOf.Concat(union.AnyOf).Where(variant => !SchemaNullability.IsNullOnly(Dereference(variant))).ToList();

    private string UnionKey(OpenApiDiscriminator discriminator, IEnumerable<JsonSchema> variants) =>
        discriminator.PropertyName + "\n" + string.Join("\n", variants.Select(variant => _componentNames[Dereference(variant)]).OrderBy(name => name, StringComparer.Ordinal));

    /// <summary>A <c>oneOf</c>/<c>anyOf</c> of several variants (beside null) that is not a refined scalar: it may become a class.</summary>
    private static bool IsUnion(JsonSchema schema) =>
        !IsScalar(schema.Type & ~JsonObjectType.Null) && VariantsOf(schema).Count > 1;

    /// <summary>A <c>oneOf</c>/<c>anyOf</c> with a discriminator.</summary>
    private static bool IsDiscriminatedUnion(JsonSchema schema) =>
        schema.DiscriminatorObject is not null && (schema.OneOf.Count > 0 || schema.AnyOf.Count > 0) && schema.Properties.Count == 0;

    /// <summary>
    /// <c>allOf</c> of one object reference and nothing else: as a component, a subclass that only renames its parent
    /// (inline, it only attaches a description or <c>nullable</c> to the reference).
    /// </summary>
    private static bool IsRenamedObject(JsonSchema schema) => IsRenamedObject(schema, new HashSet<JsonSchema>(ReferenceEqualityComparer<JsonSchema>.Instance));

    /// <summary>The parent may itself only rename its own parent (a chain of renames is a chain of classes); a cycle of renames is no object.</summary>
    private static bool IsRenamedObject(JsonSchema schema, HashSet<JsonSchema> seen) =>
        seen.Add(schema) && schema.AllOf.Count == 1 && schema.Properties.Count == 0 && schema.OneOf.Count == 0 && schema.AnyOf.Count == 0 && schema.DiscriminatorObject is null
        && schema.AllOf.First() is { Reference: not null } parent && (IsObjectLike(Dereference(parent)) || IsRenamedObject(Dereference(parent), seen));

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

    /// <summary>
    /// A type name that is none of the members the type will have (a member cannot be named like its type, CS0542):
    /// for an enum, those of an open enum's struct whether enums are open or closed, so that the option renames nothing.
    /// </summary>
    private static string ClaimTypeName(UniqueNameScope typeNames, string candidate, string[] members)
    {
        var name = typeNames.Claim(candidate);
        while (members.Contains(name, StringComparer.Ordinal))
        {
            name = typeNames.Claim(candidate);
        }

        return name;
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

        var layout = _layouts.Of(target, name);
        var baseName = layout.BaseSchema is null ? null : Map(layout.BaseSchema, name + "Base").Name;
        var properties = layout.OwnMembers.Select(member => MapProperty(target, member, name)).ToEquatableArray();

        _contracts[name] = new ContractModel(ContractKind.Object, name, DocumentationOf(target), baseName, properties, EquatableArray<EnumMemberModel>.Empty, layout.HasAdditionalProperties, null);
        if (target.DiscriminatorObject is { } discriminator)
        {
            _hierarchies.Add(new HierarchyDeclaration(name, discriminator, null, PointerOf(name, target)));
        }

        return typeRef;
    }

    private PropertyModel MapProperty(JsonSchema owner, ClassMember member, string ownerName)
    {
        var type = Map(member.Schema, ownerName + Identifiers.ToPascalCase(member.WireName));
        var propertyType = member.IsRequired ? type : type.AsNullable();
        var lenient = LenientMembers.IsLenient(member.Schema) ? LenientConverterFor(propertyType) : null;
        var access = MemberAccess.Of(member.Schema, owner, member.IsRequired);
        return new PropertyModel(member.Name, member.WireName, propertyType, DocumentationOf(member.Schema), member.IsRequired, AllowsNull: type.IsNullable, lenient, MemberDefaults.Of(member.Schema), access.IsReadOnly, access.IsWriteOnly, access.IsTolerant);
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

    private static TypeRef MapPrimitive(JsonObjectType type, string? format) => type switch
    {
        JsonObjectType.String => format switch
        {
            "date-time" => TypeRef.Primitive("global::System.DateTimeOffset", isValueType: true),
            "date" => TypeRef.Primitive("global::System.DateOnly", isValueType: true),
            "uuid" or "guid" => TypeRef.Primitive("global::System.Guid", isValueType: true),
            "byte" => TypeRef.Base64,
            "binary" => TypeRef.Bytes,
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

    /// <summary>
    /// The part of an <c>allOf</c> that gives the schema its type: its only part, or its only scalar or enum part beside
    /// parts that only annotate it (<c>allOf: [ { $ref: an enum }, { default: ... } ]</c> is that enum). Beside an
    /// object, such parts still make a class of their own.
    /// </summary>
    private static JsonSchema? SoleTypedPart(JsonSchema schema)
    {
        if (schema.AllOf.Count == 1)
        {
            return schema.AllOf.First();
        }

        var typed = schema.AllOf.Where(part => !IsAnnotationOnly(part)).Take(2).ToList();
        return typed.Count == 1 && Dereference(typed[0]) is var target && (IsEnum(target) || (IsScalar(target.Type & ~JsonObjectType.Null) && target.Properties.Count == 0 && target.AllOf.Count == 0))
            ? typed[0]
            : null;
    }

    /// <summary>A schema that says nothing of the type: only a default, a description, an example, nullable...</summary>
    private static bool IsAnnotationOnly(JsonSchema part) =>
        part.Reference is null && part.Type == JsonObjectType.None && part.Format is null && part.Properties.Count == 0 && part.RequiredProperties.Count == 0
        && part.AllOf.Count == 0 && part.OneOf.Count == 0 && part.AnyOf.Count == 0 && part.Not is null && !part.Enumeration.Any()
        && part.Item is null && part.AdditionalPropertiesSchema is null && part.DiscriminatorObject is null;

    private static bool IsObjectLike(JsonSchema schema) =>
        schema.Properties.Count > 0 || (schema.AllOf.Count > 1 && !schema.Type.HasFlag(JsonObjectType.Array) && SoleTypedPart(schema) is null);

    internal static string? DocumentationOf(JsonSchema schema)
    {
        var text = !string.IsNullOrWhiteSpace(schema.Description) ? schema.Description : schema.Title;
        return string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
    }
}
