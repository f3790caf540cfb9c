using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json.Serialization;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClicRdv.Generator.Tests.Infrastructure;

/// <summary>A compilation emitted and loaded in a collectible context of its own, unloaded on dispose.</summary>
internal sealed class LoadedCompilation : IDisposable
{
    private readonly AssemblyLoadContext _context;

    public LoadedCompilation(Compilation compilation, string name = "generated")
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).Take(10)));
        image.Position = 0;
        _context = new AssemblyLoadContext(name, isCollectible: true);
        Assembly = _context.LoadFromStream(image);
    }

    public Assembly Assembly { get; }

    /// <summary>The one emitted metadata context of a document, with its default options, as the clients use it.</summary>
    public JsonSerializerContext JsonContext()
    {
        var type = Assembly.GetTypes().Single(type => typeof(JsonSerializerContext).IsAssignableFrom(type));
        return (JsonSerializerContext)type.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
    }

    public void Dispose() => _context.Unload();
}
