using System;
using System.Threading.Tasks;
using ClicRdv.Testing;
using Xunit;

namespace ClicRdv.Emulator.Tests;

/// <summary>An address already in use is refused with one line a user can act on, in-process and from the command line.</summary>
public sealed class BusyAddressTests
{
    private static string Program => RepositoryPaths.Program("emulator/ClicRdv.Emulator");

    [Fact]
    public async Task Starting_on_an_address_in_use_throws_an_exception_naming_it()
    {
        await using var first = await ClicRdvEmulator.StartAsync();
        var url = first.BaseAddress.ToString().TrimEnd('/');

        var busy = await Assert.ThrowsAsync<EmulatorAddressInUseException>(() => ClicRdvEmulator.StartAsync(new EmulatorOptions { Url = url }));

        Assert.Equal(url, busy.Url);
        Assert.Contains("the address is in use", busy.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_program_on_an_address_in_use_prints_one_line_and_exits_with_1()
    {
        await using var first = await ClicRdvEmulator.StartAsync();
        var url = first.BaseAddress.ToString().TrimEnd('/');

        var (exitCode, output) = await ProcessRunner.RunAsync("dotnet", $"\"{Program}\" --urls {url}", RepositoryPaths.Root, TimeSpan.FromMinutes(1));

        Assert.Equal(1, exitCode);
        Assert.Equal($"The ClicRDV emulator cannot listen on {url}: the address is in use. Stop what uses it, or choose another one (--urls http://127.0.0.1:5081).", output.Trim());
    }
}
