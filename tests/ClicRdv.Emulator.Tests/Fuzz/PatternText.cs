using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;

namespace ClicRdv.Emulator.Tests.Fuzz;

/// <summary>
/// Texts that match a schema's <c>pattern</c>, for the subset of regular expressions that schemas use: anchors, literals,
/// <c>\d</c> <c>\w</c> <c>\s</c>, classes with ranges, groups with alternatives, and the quantifiers <c>{n}</c>,
/// <c>{n,m}</c>, <c>?</c>, <c>*</c> and <c>+</c>. Anything else fails loudly, naming the pattern, rather than producing
/// texts the document does not allow.
/// </summary>
internal sealed class PatternText
{
    private const int UnboundedExtra = 3;

    private readonly string _pattern;
    private int _position;

    private PatternText(string pattern) => _pattern = pattern;

    public static Gen<string> Matching(string pattern)
    {
        var parser = new PatternText(pattern);
        if (parser.Peek('^'))
        {
            parser._position++;
        }

        var gen = parser.Alternatives();
        if (parser.Peek('$'))
        {
            parser._position++;
        }

        return parser._position == pattern.Length ? gen : throw parser.Unsupported();
    }

    private Gen<string> Alternatives()
    {
        var choices = new List<Gen<string>> { Sequence() };
        while (Peek('|'))
        {
            _position++;
            choices.Add(Sequence());
        }

        return choices.Count == 1 ? choices[0] : Gen.OneOf(choices.ToArray());
    }

    private Gen<string> Sequence()
    {
        var gen = Gen.Const(string.Empty);
        while (_position < _pattern.Length && !Peek('|') && !Peek(')') && !(Peek('$') && _position == _pattern.Length - 1))
        {
            var atom = Quantified(Atom());
            gen = gen.SelectMany(text => atom.Select(part => text + part));
        }

        return gen;
    }

    private Gen<string> Atom()
    {
        var next = _pattern[_position++];
        switch (next)
        {
            case '(':
                var group = Alternatives();
                Expect(')');
                return group;
            case '[':
                return Gen.OneOf(Class().ToArray()).Select(character => character.ToString());
            case '\\':
                return Gen.OneOf(Escape(_pattern[_position++]).ToArray()).Select(character => character.ToString());
            case '.' or '*' or '+' or '?' or '{' or '}' or ']' or ')':
                throw Unsupported();
            default:
                return Gen.Const(next.ToString());
        }
    }

    private Gen<string> Quantified(Gen<string> atom)
    {
        if (_position >= _pattern.Length)
        {
            return atom;
        }

        (int Min, int Max)? bounds = _pattern[_position] switch
        {
            '?' => (0, 1),
            '*' => (0, UnboundedExtra),
            '+' => (1, 1 + UnboundedExtra),
            '{' => null,
            _ => (1, 1),
        };
        if (_pattern[_position] is '?' or '*' or '+')
        {
            _position++;
        }
        else if (_pattern[_position] == '{')
        {
            var close = _pattern.IndexOf('}', _position);
            var numbers = _pattern[(_position + 1)..close].Split(',');
            _position = close + 1;
            var min = int.Parse(numbers[0], System.Globalization.CultureInfo.InvariantCulture);
            bounds = (min, numbers.Length == 1 ? min : numbers[1].Length == 0 ? min + UnboundedExtra : int.Parse(numbers[1], System.Globalization.CultureInfo.InvariantCulture));
        }

        var (low, high) = bounds!.Value;
        return low == 1 && high == 1 ? atom : atom.Array[low, high].Select(parts => string.Concat(parts));
    }

    private IEnumerable<char> Class()
    {
        if (Peek('^'))
        {
            throw Unsupported();
        }

        var characters = new List<char>();
        while (!Peek(']'))
        {
            var first = _pattern[_position++];
            if (first == '\\')
            {
                characters.AddRange(Escape(_pattern[_position++]));
            }
            else if (Peek('-') && _position + 1 < _pattern.Length && _pattern[_position + 1] != ']')
            {
                var last = _pattern[_position + 1];
                _position += 2;
                characters.AddRange(Enumerable.Range(first, last - first + 1).Select(code => (char)code));
            }
            else
            {
                characters.Add(first);
            }
        }

        _position++;
        return characters;
    }

    private static IEnumerable<char> Escape(char escaped) => escaped switch
    {
        'd' => "0123456789",
        'w' => "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_",
        's' => " ",
        _ when char.IsLetterOrDigit(escaped) => throw new NotSupportedException($"The escape \\{escaped} is not supported."),
        _ => new[] { escaped },
    };

    private bool Peek(char character) => _position < _pattern.Length && _pattern[_position] == character;

    private void Expect(char character)
    {
        if (!Peek(character))
        {
            throw Unsupported();
        }

        _position++;
    }

    private NotSupportedException Unsupported() =>
        new($"The fuzz cannot write texts for the pattern {_pattern} (at character {_position}): extend {nameof(PatternText)}.");
}
