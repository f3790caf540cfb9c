using System.Collections.Generic;
using System.Globalization;

namespace ClicRdv.Generator.Naming;

/// <summary>
/// Hands out names unique within one C# scope (a namespace, a class, a parameter list): the first claimant keeps the
/// name, later ones get a numeric suffix (<c>Name2</c>, <c>Name3</c>...). Comparison is ordinal, as in C#.
/// </summary>
internal sealed class UniqueNameScope
{
    private readonly HashSet<string> _taken = new(System.StringComparer.Ordinal);

    public UniqueNameScope(params string[] reserved)
    {
        foreach (var name in reserved)
        {
            _taken.Add(Identifiers.Unescaped(name));
        }
    }

    public void Reserve(string name) => _taken.Add(Identifiers.Unescaped(name));

    public string Claim(string name)
    {
        var bare = Identifiers.Unescaped(name);
        if (_taken.Add(bare))
        {
            return name;
        }

        var separator = char.IsDigit(bare[bare.Length - 1]) ? "_" : string.Empty;
        for (var suffix = 2; ; suffix++)
        {
            var candidate = bare + separator + suffix.ToString(CultureInfo.InvariantCulture);
            if (_taken.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
