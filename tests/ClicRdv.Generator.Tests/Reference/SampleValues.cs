using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace ClicRdv.Generator.Tests.Reference;

/// <summary>
/// Builds a value of any generated contract with every member set (nested contracts, lists, dictionaries, enums,
/// dates...), so that serializing it exercises every property's metadata. Cycles and depth are bounded.
/// </summary>
internal static class SampleValues
{
    private const int MaxDepth = 3;

    public static object? For(Type type, int depth = 0)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return For(underlying, depth);
        }

        if (type == typeof(string))
        {
            return "text";
        }

        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return values.Length == 0 ? Activator.CreateInstance(type) : values.GetValue(values.Length - 1);
        }

        if (OpenEnumValues(type) is { Length: > 0 } known)
        {
            return known[^1];
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = (IList)Activator.CreateInstance(type)!;
            if (depth < MaxDepth && For(type.GetGenericArguments()[0], depth + 1) is { } item)
            {
                list.Add(item);
            }

            return list;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            var dictionary = (IDictionary)Activator.CreateInstance(type)!;
            if (depth < MaxDepth && For(type.GetGenericArguments()[1], depth + 1) is { } value)
            {
                dictionary.Add("Some Key", value);
            }

            return dictionary;
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => true,
            TypeCode.Int32 => 42,
            TypeCode.Int64 => 9_007_199_254_740_993L,
            TypeCode.Single => 1.5f,
            TypeCode.Double => 2.25,
            TypeCode.Decimal => 3.125m,
            TypeCode.DateTime => new DateTime(2024, 12, 24, 9, 5, 0),
            _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2024, 12, 24, 9, 5, 0, TimeSpan.FromHours(1)),
            _ when type == typeof(DateOnly) => new DateOnly(2024, 12, 24),
            _ when type == typeof(Guid) => new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"),
            _ when type == typeof(byte[]) => new byte[] { 1, 2, 255 },
            _ when type == typeof(JsonElement) => JsonDocument.Parse("""{"any":[1,"two",null]}""").RootElement.Clone(),
            _ => Contract(type, depth),
        };
    }

    /// <summary>The known values of an open enum (a struct with static properties of its own type), or null.</summary>
    private static object?[]? OpenEnumValues(Type type) =>
        type.IsValueType && !type.IsPrimitive
            ? type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static).Where(property => property.PropertyType == type).Select(property => property.GetValue(null)).ToArray()
            : null;

    private static object? Contract(Type type, int depth)
    {
        if (depth > MaxDepth || type.GetConstructor(Type.EmptyTypes) is null)
        {
            return null;
        }

        var instance = Activator.CreateInstance(type)!;
        // Only what a user can set: a hierarchy's discriminator is set by the class itself.
        foreach (var property in type.GetProperties().Where(property => property.GetSetMethod() is not null && property.GetIndexParameters().Length == 0))
        {
            if (property.Name == "AdditionalProperties")
            {
                property.SetValue(instance, new Dictionary<string, JsonElement> { ["x-unknown"] = JsonDocument.Parse("true").RootElement.Clone() });
                continue;
            }

            property.SetValue(instance, For(property.PropertyType, depth + 1));
        }

        return instance;
    }
}
