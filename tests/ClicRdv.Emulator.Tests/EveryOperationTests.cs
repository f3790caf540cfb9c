using System;
using System.Linq;
using System.Threading.Tasks;
using ClicRdv.Runtime;
using ClicRdv.Tour;
using Xunit;
using Xunit.Abstractions;

namespace ClicRdv.Emulator.Tests;

/// <summary>
/// Every operation of the document, called through the generated client and the runtime against the emulator, with
/// each authentication mode. The test fails if the document has an operation the tour did not call successfully.
/// </summary>
public sealed class EveryOperationTests(ITestOutputHelper output) : EmulatorTest(output)
{
    [Theory]
    [InlineData(ClicRdvAuthentication.ProSession)]
    [InlineData(ClicRdvAuthentication.Basic)]
    public async Task Every_operation_succeeds_through_the_generated_client(ClicRdvAuthentication authentication)
    {
        using var clicRdv = Client(authentication);

        await EveryOperationTour.RunAsync(clicRdv, Pro.Email, Pro.Password);

        var succeeded = Emulator.Requests.Where(request => request.Status is >= 200 and < 300).Select(request => request.OperationId).ToHashSet();
        var missing = Emulator.OperationIds.Where(id => !succeeded.Contains(id)).OrderBy(id => id).ToList();
        Assert.True(missing.Count == 0, "Operations never called successfully: " + string.Join(", ", missing));
        Assert.DoesNotContain(Emulator.Requests, request => request.Status >= 400);
        Assert.Equal(41, Emulator.OperationIds.Count());
    }

    [Theory]
    [InlineData(ClicRdvAuthentication.ProSession)]
    [InlineData(ClicRdvAuthentication.Basic)]
    public async Task A_missing_record_and_a_refused_booking_surface_as_ApiExceptions_with_their_content(ClicRdvAuthentication authentication)
    {
        using var clicRdv = Client(authentication);

        await EveryOperationTour.CheckErrorsAsync(clicRdv, 4);

        Assert.Equal(new[] { 404, 400 }, Emulator.Requests.Where(request => request.Status >= 400).Select(request => request.Status));
    }
}
