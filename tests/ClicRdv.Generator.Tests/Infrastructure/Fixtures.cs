using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ClicRdv.Generator.Tests.Infrastructure;

/// <summary>The OpenAPI documents under Fixtures/, copied next to the test assembly.</summary>
internal static class Fixtures
{
    public static string PathOf(string fileName) => Path.Combine(AppContext.BaseDirectory, "Fixtures", fileName);

    public static string Read(string fileName) => File.ReadAllText(PathOf(fileName));

    /// <summary>Every JSON document under Fixtures/ (the snapshot fixtures, the real-world corpus, the peers' documents), by relative path.</summary>
    public static IEnumerable<string> JsonDocuments()
    {
        var root = PathOf(string.Empty);
        return Directory.GetFiles(root, "*.openapi.json", SearchOption.AllDirectories)
            .OrderBy(file => file, StringComparer.Ordinal)
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'));
    }
}
