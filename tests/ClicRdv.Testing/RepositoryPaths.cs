using System;
using System.IO;
using System.Reflection;

namespace ClicRdv.Testing;

/// <summary>Finds files of this repository from the test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Spec => Path.Combine(Root, "spec", "clicrdv.v1.openapi.json");

    /// <summary>
    /// The built program of a project of this repository (<c>samples/ClicRdv.Sample</c>), in the configuration the
    /// tests were built in (this assembly's, built with them).
    /// </summary>
    public static string Program(string projectDirectory)
    {
        var configuration = typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        return Path.Combine(Root, projectDirectory, "bin", configuration, "net10.0", Path.GetFileName(projectDirectory) + ".dll");
    }

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
