using System;
using System.IO;
using System.Reflection;
using System.Threading.Tasks;
using ClicRdv.Testing;
using Xunit;

namespace ClicRdv.Emulator.Tests;

/// <summary>The README's "run" command works: the sample runs its scenario on the emulator and exits 0.</summary>
public sealed class SampleTests
{
    [Fact]
    public async Task The_sample_runs_to_the_end_on_the_emulator()
    {
        var configuration = typeof(SampleTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var sample = Path.Combine(RepositoryPaths.Root, "samples", "ClicRdv.Sample", "bin", configuration, "net10.0", "ClicRdv.Sample.dll");

        var (exitCode, output) = await ProcessRunner.RunAsync("dotnet", $"\"{sample}\"", RepositoryPaths.Root, TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, output);
        Assert.Contains("With ProSession authentication:", output);
        Assert.Contains("With Basic authentication:", output);
        Assert.Contains("booked appointment", output);
        Assert.Contains("booking the same slot again is refused: 400, code 10 (NotAvailable)", output);
        Assert.Contains("Done.", output);
    }
}
