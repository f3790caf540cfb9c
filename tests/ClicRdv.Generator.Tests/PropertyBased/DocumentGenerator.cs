using System.Collections.Generic;
using System.Linq;
using CsCheck;

namespace ClicRdv.Generator.Tests.PropertyBased;

/// <summary>
/// Random OpenAPI 3.0 documents that are structurally plausible (so that they reach the mapping and emitting code,
/// not only the reader) and full of what breaks generators: hostile names, references between components that form
/// cycles, dangling references, huge enums, deep nesting, colliding operation ids and tags.
/// </summary>
internal static class DocumentGenerator
{
    private const string DanglingTarget = "NoSuchSchema";

    /// <summary>Mostly plain component names: a $ref to a name with spaces or unicode is a fair test, but most should resolve.</summary>
    private static readonly Gen<string> ComponentName = Gen.Frequency((5, Names.Plain), (2, Names.NonEmpty));

    private static Gen<SchemaSpec> ComponentSchema(string[] targets) => Gen.Frequency(
        (8, Schema(targets, 3)),
        (2, ObjectOf(Schema(targets, 2))),
        (1, DeepNesting),
        (1, HugeEnum));

    /// <summary>Any schema, nesting at most <paramref name="depth"/> levels; references pick among <paramref name="targets"/>.</summary>
    public static Gen<SchemaSpec> Schema(string[] targets, int depth)
    {
        var leaves = new List<(int, IGen<SchemaSpec>)> { (6, Primitive), (2, SmallEnum) };
        if (targets.Length > 0)
        {
            leaves.Add((4, Gen.OneOf(targets).Select(target => (SchemaSpec)new RefSchema(target))));
        }

        var leaf = Gen.Frequency(leaves.ToArray());
        if (depth == 0)
        {
            return leaf;
        }

        var inner = Schema(targets, depth - 1);
        return Gen.Frequency(
            (5, leaf),
            (3, ObjectOf(inner)),
            (2, inner.Select(items => (SchemaSpec)new ArraySchema(items))),
            (1, inner.Select(values => (SchemaSpec)new MapSchema(values))),
            (1, inner.Array[2, 3].Select(parts => (SchemaSpec)new AllOfSchema(parts))),
            (1, Gen.Select(inner.Array[1, 3], Gen.Bool, (variants, anyOf) => (SchemaSpec)new OneOfSchema(variants, anyOf))));
    }

    private static readonly Gen<SchemaSpec> Primitive =
        from type in Gen.OneOf(new[] { "string", "string", "integer", "number", "boolean", null })
        from format in type switch
        {
            "string" => Gen.OneOf(new[] { null, "date-time", "date", "uuid", "byte", "binary", "email" }),
            "integer" => Gen.OneOf(new[] { null, "int32", "int64" }),
            "number" => Gen.OneOf(new[] { null, "float", "double", "decimal" }),
            _ => Gen.Const((string?)null),
        }
        from nullable in Gen.Bool
        from description in Gen.Frequency((3, Gen.Const((string?)null)), (1, Names.Prose.Select(text => (string?)text)))
        select (SchemaSpec)new PrimitiveSchema(type, format, nullable, description);

    private static readonly Gen<object> StringEnumValue = Names.Any.Select(value => (object)value);

    private static readonly Gen<object> IntegerEnumValue = Gen.Frequency(
        (5, Gen.Long[-5, 20]),
        (1, Gen.OneOf(long.MinValue, long.MaxValue, (long)int.MaxValue + 1, (long)int.MinValue))).Select(value => (object)value);

    private static Gen<SchemaSpec> EnumOf(int min, int max) => Gen.OneOf(new[] { "string", "integer", null }).SelectMany(type => type switch
    {
        "integer" => IntegerEnumValue.Array[min, max].Select(values => (SchemaSpec)new EnumSchema(type, values)),
        _ => Gen.Frequency((4, StringEnumValue), (1, IntegerEnumValue)).Array[min, max]
            .Select(values => (SchemaSpec)new EnumSchema(type, type is null ? values.Select(value => value.ToString()!).ToArray<object>() : values)),
    });

    private static readonly Gen<SchemaSpec> SmallEnum = EnumOf(1, 8);

    /// <summary>Hundreds of values, with duplicates and values that sanitize to the same member name.</summary>
    private static readonly Gen<SchemaSpec> HugeEnum = EnumOf(200, 600);

    private static Gen<SchemaSpec> ObjectOf(Gen<SchemaSpec> propertySchema) =>
        from names in Names.Distinct(Names.Any, 1, 7)
        from schemas in propertySchema.Array[names.Length]
        from requiredCount in Gen.Int[0, names.Length]
        from extraRequired in Gen.Frequency((4, Gen.Const(System.Array.Empty<string>())), (1, Names.Any.Array[1])) // "required" naming a missing property
        from additional in Gen.OneOf(new bool?[] { null, true, false })
        from nullable in Gen.Bool
        select (SchemaSpec)new ObjectSchema(
            names.Zip(schemas, (name, schema) => new PropertySpec(name, schema)).ToList(),
            names.Take(requiredCount).Concat(extraRequired).Distinct().ToList(),
            additional,
            nullable);

    /// <summary>An object nested tens of levels deep, sometimes through arrays: long generated names, deep recursion.</summary>
    private static readonly Gen<SchemaSpec> DeepNesting =
        from depth in Gen.Int[10, 60]
        from names in Names.Any.Array[depth]
        from arrays in Gen.Bool.Array[depth]
        select Enumerable.Range(0, depth).Aggregate(
            (SchemaSpec)new PrimitiveSchema("string", null, false, null),
            (inner, level) =>
            {
                var item = arrays[level] ? new ArraySchema(inner) : inner;
                return new ObjectSchema(new[] { new PropertySpec(names[level], item) }, System.Array.Empty<string>(), null, false);
            });

    private static Gen<TagSpec[]> TagSpecs(string[] tags) =>
        Sequence(tags.Select(tag => Names.Prose.Select(description => new TagSpec(tag, description))))
            .Select(specs => specs.Concat(specs.Take(1)).ToArray()); // one tag declared twice

    /// <summary>Schemas that can be written in a URL or header: scalars, small enums, arrays of them, any JSON.</summary>
    private static readonly Gen<SchemaSpec> UrlSchema = Gen.Frequency(
        (6, Primitive),
        (2, SmallEnum),
        (2, Gen.Frequency((3, Primitive), (1, SmallEnum)).Select(items => (SchemaSpec)new ArraySchema(items))));

    /// <summary>An object of scalars, as a deepObject parameter or a form body writes them.</summary>
    private static readonly Gen<SchemaSpec> FlatObject = ObjectOf(UrlSchema);

    /// <summary>Placeholder and segment names: anything but the characters that structure a path template.</summary>
    private static readonly Gen<string> PathName = Names.NonEmpty.Where(name => name.IndexOfAny(new[] { '{', '}', '/', '?', '#' }) < 0);

    private static Gen<OperationSpec> Operation(string[] targets, string[] tags) =>
        from segments in Gen.Frequency((3, PathName), (1, PathName.Select(name => "{" + name + "}"))).Array[1, 4]
        from method in Gen.OneOf("get", "get", "post", "put", "delete", "patch", "head", "options", "trace")
        from operationId in Gen.Frequency(
            (2, Gen.Const((string?)null)),
            (4, Names.Any.Select(name => (string?)name)),
            (2, Gen.OneOf<string?>("getThing", "GetThing", "get-thing", "get_thing", "IPetsApi", "PetsApiClient", "IDefaultApi")))
        from operationTags in Gen.OneOf(tags).Array[0, 2]
        from placeholderParameters in PathParameters(segments)
        from extraParameters in Parameter.Array[0, 5]
        from body in Gen.Frequency((3, Gen.Const((BodySpec?)null)), (2, Body(targets)))
        from responses in Response(targets).Array[0, 3]
        from description in Gen.Frequency((2, Gen.Const((string?)null)), (1, Names.Prose.Select(text => (string?)text)))
        from deprecated in Gen.Bool
        select new OperationSpec(
            segments,
            method,
            operationId,
            operationTags,
            placeholderParameters.Concat(extraParameters).GroupBy(parameter => (parameter.Name, parameter.In)).Select(same => same.First()).ToList(),
            body,
            responses.GroupBy(response => response.Status).Select(same => same.First()).ToList(),
            description,
            deprecated);

    /// <summary>A parameter for most placeholders; a placeholder left without one is a case the generator has to handle.</summary>
    private static Gen<ParameterSpec[]> PathParameters(string[] segments)
    {
        var placeholders = segments.Where(segment => segment.StartsWith('{')).Select(segment => segment.Substring(1, segment.Length - 1 - 1)).Distinct().ToArray();
        return Sequence(placeholders.Select(name =>
            Gen.Select(Gen.Int[0, 9], UrlSchema, (roll, schema) => roll == 0 ? null : new ParameterSpec(name, "path", null, null, true, schema))))
            .Select(parameters => parameters.Where(parameter => parameter is not null).Select(parameter => parameter!).ToArray());
    }

    /// <summary>One value from each generator, in order.</summary>
    private static Gen<T[]> Sequence<T>(IEnumerable<Gen<T>> generators) =>
        generators.Aggregate(Gen.Const(System.Array.Empty<T>()), (all, next) => Gen.Select(all, next, (values, value) => values.Append(value).ToArray()));

    private static readonly Gen<ParameterSpec> Parameter = Gen.Frequency(
        (8, from name in Names.NonEmpty
            from location in Gen.OneOf("query", "query", "header", "cookie")
            from style in location == "query" ? Gen.OneOf<string?>(null, "form", "spaceDelimited", "pipeDelimited", "deepObject") : Gen.Const((string?)null)
            from explode in Gen.OneOf<bool?>(null, true, false)
            from required in Gen.Bool
            from schema in UrlSchema
            select new ParameterSpec(name, location, style, explode, required, schema)),
        (2, from name in Names.NonEmpty
            from required in Gen.Bool
            from schema in Gen.Frequency((3, FlatObject), (1, FlatObject.Select(items => (SchemaSpec)new ArraySchema(items))))
            select new ParameterSpec(name, "query", "deepObject", true, required, schema)));

    private static Gen<BodySpec?> Body(string[] targets) => Gen.Frequency(
        (5, from schema in Schema(targets, 3) from required in Gen.Bool select (BodySpec?)new BodySpec("application/json", schema, required)),
        (2, from schema in ObjectOf(Gen.Frequency((6, UrlSchema), (1, Schema(targets, 1)))) from required in Gen.Bool
            select (BodySpec?)new BodySpec("application/x-www-form-urlencoded", schema, required)),
        (1, Gen.Const<BodySpec?>(new BodySpec("text/plain", new PrimitiveSchema("string", null, false, null), true))),
        (1, Gen.Const<BodySpec?>(new BodySpec("application/octet-stream", new PrimitiveSchema("string", "binary", false, null), false))),
        (1, Gen.Const<BodySpec?>(new BodySpec("application/xml", new PrimitiveSchema("string", null, false, null), false))));

    private static Gen<ResponseSpec> Response(string[] targets) =>
        from status in Gen.OneOf("200", "201", "204", "default", "404", "2XX")
        from mediaType in Gen.OneOf<string?>("application/json", "application/json", "application/problem+json", "text/plain", "application/octet-stream", null)
        from schema in Schema(targets, 3)
        select new ResponseSpec(status, mediaType, mediaType is null ? null : schema);

    // Declared last: static fields are initialized in order, and this one uses all the others.
    public static readonly Gen<DocumentSpec> Documents =
        from componentNames in Names.Distinct(ComponentName, 0, 7)
        from dangling in Gen.Int[0, 9].Select(roll => roll == 0)
        let targets = dangling ? componentNames.Append(DanglingTarget).ToArray() : componentNames
        from components in Sequence(componentNames.Select(_ => ComponentSchema(targets))).Select(schemas => componentNames.Zip(schemas).ToList())
        from tags in Names.Distinct(Names.Any, 0, 4).Select(names => names.Append("pets").ToArray())
        from tagSpecs in TagSpecs(tags)
        from operations in Operation(targets, tags).Array[0, 7]
        from title in Gen.Frequency((3, Names.Any), (1, Names.Prose))
        from closedEnums in Gen.Frequency((3, Gen.Const(false)), (1, Gen.Const(true)))
        select new DocumentSpec(title, components, operations, tagSpecs, closedEnums);
}
