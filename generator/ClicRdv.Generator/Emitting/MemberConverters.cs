using System;
using ClicRdv.Generator.Model;

namespace ClicRdv.Generator.Emitting;

/// <summary>
/// The converter a member is bound to, the same for the emitted metadata and (by attribute) for reflection: the
/// generated converter of an <c>x-lenient</c> member, an enum's values, or a date-time's <c>x-date-time-format</c>;
/// none for other members.
/// </summary>
internal static class MemberConverters
{
    /// <param name="enumConverter">The generated converter of an enum, by the enum's name.</param>
    /// <returns>The converter's C# type, and whether it reads and writes null itself (else it is for the underlying type).</returns>
    public static (string TypeName, bool HandlesNull)? For(PropertyModel property, Func<string, string?> enumConverter)
    {
        if (property.LenientConverter is { } lenient)
        {
            return (lenient, true);
        }

        var type = property.Type;
        return (type.Kind is TypeKind.StringEnum or TypeKind.IntegerEnum ? enumConverter(type.Name) : type.Converter) is { } converter ? (converter, false) : null;
    }
}
