using ClicRdv.Generator.Parsing;
using Xunit;

namespace ClicRdv.Generator.Tests;

/// <summary>The path globs of ClicRdvIncludePaths and ClicRdvExcludePaths, as the README's table describes them.</summary>
public sealed class PathPatternTests
{
    [Theory]
    [InlineData("/pets/*", "/pets/{petId}", true)]
    [InlineData("/pets/*", "/pets", false)]
    [InlineData("/pets/*", "/pets/{petId}/owner", false)]
    [InlineData("/pets/**", "/pets", true)]
    [InlineData("/pets/**", "/pets/{petId}", true)]
    [InlineData("/pets/**", "/pets/{petId}/owner", true)]
    [InlineData("/pets/**", "/petsitters", false)]
    [InlineData("/**/owner", "/owner", true)]
    [InlineData("/**/owner", "/pets/{petId}/owner", true)]
    [InlineData("/**/owner", "/owners", false)]
    [InlineData("/store/order*", "/store/order", true)]
    [InlineData("/store/order*", "/store/orders", true)]
    [InlineData("/store/order*", "/store/order/{orderId}", false)]
    [InlineData("/v1.0/items", "/v1x0/items", false)]
    [InlineData("/Pets", "/pets", false)]
    public void A_pattern_matches_the_paths_the_readme_says(string pattern, string path, bool matches)
    {
        Assert.Null(PathPattern.Problem(pattern));
        Assert.Equal(matches, PathPattern.Parse(pattern).Matches(path));
    }

    [Theory]
    [InlineData("pets/*")]
    [InlineData("/pets/***")]
    public void A_pattern_without_its_leading_slash_or_with_three_stars_has_a_problem(string pattern) =>
        Assert.NotNull(PathPattern.Problem(pattern));
}
