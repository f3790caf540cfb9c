namespace Microsoft.CodeAnalysis;

/// <summary>
/// Marks a type as visible to its own assembly only, even through InternalsVisibleTo. The generator adds the same
/// definition to each consumer's compilation; here it lets ClientSupport/ResponseContent.cs compile as it is.
/// </summary>
[System.AttributeUsage(System.AttributeTargets.All)]
internal sealed class EmbeddedAttribute : System.Attribute
{
}
