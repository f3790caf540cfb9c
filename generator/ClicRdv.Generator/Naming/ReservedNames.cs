using System.Linq;

namespace ClicRdv.Generator.Naming;

/// <summary>Names the generated code uses on its own account, which no name taken from a document may shadow.</summary>
internal static class ReservedNames
{
    /// <summary>
    /// The members every class inherits from <see cref="object"/>: inside a class, a type of one of these names is
    /// hidden by the method (an enum named <c>Equals</c> cannot be written <c>Equals.Value</c> in its converter).
    /// </summary>
    public static readonly string[] ObjectMembers = { "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "ReferenceEquals", "Finalize" };

    /// <summary>
    /// The members of an open enum's struct besides its values: its wire value, whether the document lists it, and
    /// what every struct inherits from <see cref="object"/>. A value named like one of them takes a numeric suffix.
    /// </summary>
    public static readonly string[] OpenEnumMembers = new[] { "Value", "IsKnown" }.Concat(ObjectMembers).ToArray();

    /// <summary>The members of a union's class besides its variants: the variant it holds, the function that takes it, and what every class inherits.</summary>
    public static readonly string[] UnionMembers = new[] { "Value", "Match" }.Concat(ObjectMembers).ToArray();

    /// <summary>The extension-data property of classes that keep unknown members; a class cannot be named like its member.</summary>
    public const string AdditionalProperties = "AdditionalProperties";
}
