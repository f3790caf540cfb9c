using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace ClicRdv.Generator.Parsing;

/// <summary>Compares NSwag schema objects by identity: two equal-looking schemas in a document are still two schemas.</summary>
internal sealed class ReferenceEqualityComparer<T> : IEqualityComparer<T>
    where T : class
{
    public static readonly ReferenceEqualityComparer<T> Instance = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}
