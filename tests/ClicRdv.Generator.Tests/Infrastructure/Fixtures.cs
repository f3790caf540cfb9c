using System;
using System.IO;

namespace ClicRdv.Generator.Tests.Infrastructure;

/// <summary>The OpenAPI documents under Fixtures/, copied next to the test assembly.</summary>
internal static class Fixtures
{
    public static string PathOf(string fileName) => Path.Combine(AppContext.BaseDirectory, "Fixtures", fileName);

    public static string Read(string fileName) => File.ReadAllText(PathOf(fileName));
}
