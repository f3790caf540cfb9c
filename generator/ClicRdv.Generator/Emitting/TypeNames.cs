using ClicRdv.Generator.Model;

namespace ClicRdv.Generator.Emitting;

/// <summary>How a <see cref="TypeRef"/> is spelled in C#, depending on where it is used.</summary>
internal static class TypeNames
{
    public const string Task = "global::System.Threading.Tasks.Task";
    public const string CancellationToken = "global::System.Threading.CancellationToken";

    /// <summary>A contract property or a response: arrays are lists, dictionaries are dictionaries.</summary>
    public static string Value(TypeRef type) => WithNullability(type, type.Kind switch
    {
        TypeKind.Array => $"global::System.Collections.Generic.List<{Value(type.Element!)}>",
        TypeKind.Dictionary => $"global::System.Collections.Generic.Dictionary<string, {Value(type.Element!)}>",
        _ => type.Name,
    });

    /// <summary>A method parameter: any sequence is accepted for arrays.</summary>
    public static string Parameter(TypeRef type) => type.Kind == TypeKind.Array
        ? WithNullability(type, $"global::System.Collections.Generic.IEnumerable<{Value(type.Element!)}>")
        : Value(type);

    /// <summary>A generated type in full, for code where a member of the same name could hide it.</summary>
    public static string Qualified(string @namespace, string generatedType) => "global::" + @namespace + "." + generatedType;

    private static string WithNullability(TypeRef type, string name) => type.IsNullable ? name + "?" : name;
}
