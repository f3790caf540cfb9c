namespace ClicRdv.Generator;

/// <summary>Names of the pipeline steps, so tests can check which steps ran and which were cached.</summary>
internal static class TrackingNames
{
    public const string ReferableFile = nameof(ReferableFile);
    public const string Input = nameof(Input);
    public const string Parse = nameof(Parse);
    public const string Model = nameof(Model);
    public const string Diagnostics = nameof(Diagnostics);
    public const string AnyModel = nameof(AnyModel);
    public const string RefitProblem = nameof(RefitProblem);
}
