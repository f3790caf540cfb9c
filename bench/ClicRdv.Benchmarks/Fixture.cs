using System;
using System.IO;

namespace ClicRdv.Benchmarks;

/// <summary>The documents the generation benchmarks read, copied next to the benchmark assembly.</summary>
internal static class Fixture
{
    public static string Path(string document) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", document + ".openapi.json");

    public static string Read(string document) => File.ReadAllText(Path(document));
}
