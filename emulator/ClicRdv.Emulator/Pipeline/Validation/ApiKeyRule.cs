namespace ClicRdv.Emulator.Pipeline.Validation;

/// <summary>ClicRDV's rule that the apikey is always a query parameter, never part of a body (form or JSON).</summary>
internal static class ApiKeyRule
{
    public const string Name = "apikey";

    public const string InBody = "the apikey goes in the query string, never in the body";
}
