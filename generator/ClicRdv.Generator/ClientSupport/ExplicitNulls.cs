namespace ClicRdv.Generated;

using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

/// <summary>
/// Members of a generated contract to write as JSON <c>null</c> while they are null, so that a PUT can clear a field:
/// by default a null member is left out of what is sent, which leaves the server's value as it is. Only a member the
/// document allows to be null (<c>nullable: true</c>, or <c>null</c> among its types) can be written as null; marking
/// another one makes the write throw, naming it, rather than send what the document forbids.
/// </summary>
/// <example><code>
/// var changes = new FicheInput { Email = "new@example.com" }.WriteAsNull(nameof(FicheInput.Birthdate));
/// await fiches.UpdateFiche(gid, id, new FicheRequest { Fiche = changes });   // "fiche":{"email":"new@example.com","birthdate":null}
/// </code></example>
[global::Microsoft.CodeAnalysis.Embedded]
internal static class ExplicitNulls
{
    private static readonly ConditionalWeakTable<object, HashSet<string>> Marks = new();

    /// <summary>
    /// Writes the named members of <paramref name="contract"/> (their C# property names: use <c>nameof</c>) as
    /// <c>null</c> whenever they are null, through the document's JSON metadata. A member given a value is written
    /// with its value as usual. Returns <paramref name="contract"/>, to chain in an initializer.
    /// </summary>
    public static T WriteAsNull<T>(this T contract, params string[] propertyNames)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(propertyNames);
        var marks = Marks.GetValue(contract, static _ => new HashSet<string>(StringComparer.Ordinal));
        lock (marks)
        {
            foreach (var name in propertyNames)
            {
                ArgumentException.ThrowIfNullOrWhiteSpace(name, nameof(propertyNames));
                marks.Add(name);
            }
        }

        return contract;
    }

    /// <summary>Whether <paramref name="propertyName"/> of <paramref name="contract"/> was marked with <see cref="WriteAsNull"/>.</summary>
    public static bool IsWrittenAsNull(object contract, string propertyName)
    {
        if (!Marks.TryGetValue(contract, out var marks))
        {
            return false;
        }

        lock (marks)
        {
            return marks.Contains(propertyName);
        }
    }
}
