using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ClicRdv.Generator.Model;

/// <summary>A place in a document file, kept as data so that it can be compared and cached.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}

/// <summary>A diagnostic to report, kept as data (descriptors are singletons, so reference equality is enough).</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] messageArgs) =>
        new(descriptor, location, new EquatableArray<string>(messageArgs));

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, MessageArgs.ToArrayOfObjects());
}

internal static class EquatableArrayOfStringExtensions
{
    public static object[] ToArrayOfObjects(this EquatableArray<string> items)
    {
        var result = new object[items.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = items[i];
        }

        return result;
    }
}
