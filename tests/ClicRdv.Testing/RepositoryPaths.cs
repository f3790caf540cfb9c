using System;
using System.IO;

namespace ClicRdv.Testing;

/// <summary>Finds files of this repository from the test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Spec => Path.Combine(Root, "spec", "clicrdv.v1.openapi.json");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ClicRdv.Generated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ClicRdv.Generated.sln not found above " + AppContext.BaseDirectory);
    }
}
