using System;
using System.Linq;
using ClicRdv.Generator.Diagnostics;
using ClicRdv.Generator.Model;
using Microsoft.CodeAnalysis;

namespace ClicRdv.Generator;

/// <summary>
/// Which Refit the compilation references, reduced to an equatable problem (or none), so that the compilation, which
/// changes on every keystroke, reaches the pipeline only as a value that does not.
/// </summary>
internal static class RefitReference
{
    /// <summary>The oldest Refit the generated code compiles against (the version the packages pin).</summary>
    public static readonly Version Minimum = new(16, 4, 0);

    /// <summary>CRDV007 when Refit is missing or older than <see cref="Minimum"/>; null when it will do.</summary>
    public static DiagnosticInfo? ProblemIn(Compilation compilation)
    {
        var refit = compilation.SourceModule.ReferencedAssemblySymbols.FirstOrDefault(assembly => assembly.Identity.Name == "Refit");
        if (refit is null)
        {
            return Problem("the project references no Refit assembly");
        }

        var version = PackageVersionOf(refit);
        return version < Minimum ? Problem("the project references Refit " + version.ToString(3)) : null;
    }

    /// <summary>
    /// The package's version: Refit's assembly version is only its major version (16.0.0.0), its file version is the
    /// package's (16.4.0.0).
    /// </summary>
    private static Version PackageVersionOf(IAssemblySymbol refit)
    {
        var fileVersion = refit.GetAttributes()
            .Where(attribute => attribute.AttributeClass?.ToDisplayString() == "System.Reflection.AssemblyFileVersionAttribute")
            .Select(attribute => attribute.ConstructorArguments.FirstOrDefault().Value as string)
            .FirstOrDefault();
        return Version.TryParse(fileVersion, out var version) ? version : refit.Identity.Version;
    }

    private static DiagnosticInfo Problem(string found) =>
        DiagnosticInfo.Create(DiagnosticDescriptors.MissingRefit, null, Minimum.ToString(3), found);
}
