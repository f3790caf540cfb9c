using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NSwag;

namespace ClicRdv.Emulator.Pipeline;

/// <summary>One operation of the document, with what the emulator needs to route and check a request for it.</summary>
/// <param name="GroupParameter">The path parameter that names the group (<c>{gid}</c>, or <c>{id}</c> of <c>/groups/{id}</c>), if any.</param>
internal sealed record ApiOperation(string Method, string PathTemplate, string OperationId, OpenApiOperation Operation, bool NeedsUser, string? GroupParameter);

/// <summary>Where a request goes: its operation and path values, or the status (404, 405) and why, with the methods the path allows.</summary>
internal sealed record ApiRoute(ApiOperation? Operation, IReadOnlyDictionary<string, string> PathValues, int Status, string? Error, IReadOnlyList<string> AllowedMethods);

/// <summary>The OpenAPI document the emulator serves: it routes a request to its operation, or says why it cannot.</summary>
internal sealed class ApiDescription
{
    private static readonly Regex GroupSegment = new(@"/groups/\{(?<name>[A-Za-z0-9_]+)\}", RegexOptions.CultureInvariant);

    /// <summary>The document's extension naming the path suffixes that choose the answer's format (ClicRDV's ".json").</summary>
    private const string FormatSuffixesExtension = "x-path-format-suffixes";

    private readonly List<(Regex Pattern, string Template, Dictionary<string, ApiOperation> ByMethod)> _routes = new();
    private readonly IReadOnlyList<string> _formatSuffixes;

    private ApiDescription(OpenApiDocument document)
    {
        Document = document;
        _formatSuffixes = document.ExtensionData is { } extensions && extensions.TryGetValue(FormatSuffixesExtension, out var suffixes) && suffixes is System.Collections.IEnumerable listed and not string
            ? listed.Cast<object?>().Select(suffix => suffix?.ToString()).OfType<string>().Where(suffix => suffix.Length > 0).ToList()
            : Array.Empty<string>();
        foreach (var path in document.Paths)
        {
            var pattern = new Regex("^" + Regex.Replace(Regex.Escape(path.Key), @"\\\{([A-Za-z0-9_]+)}", "(?<$1>[^/]+)") + "$", RegexOptions.CultureInvariant);
            var groupMatch = GroupSegment.Match(path.Key);
            var groupParameter = groupMatch.Success ? groupMatch.Groups["name"].Value : null;
            var byMethod = new Dictionary<string, ApiOperation>(StringComparer.OrdinalIgnoreCase);
            foreach (var operation in path.Value)
            {
                var security = operation.Value.Security ?? document.Security;
                var needsUser = security is null || security.Any(requirement => requirement.Keys.Any(scheme => scheme != "apikey"));
                byMethod[operation.Key] = new ApiOperation(operation.Key.ToUpperInvariant(), path.Key, operation.Value.OperationId, operation.Value, needsUser, groupParameter);
            }

            _routes.Add((pattern, path.Key, byMethod));
        }
    }

    public OpenApiDocument Document { get; }

    public IEnumerable<ApiOperation> Operations => _routes.SelectMany(route => route.ByMethod.Values);

    /// <summary>Reads the document embedded in this assembly (spec/clicrdv.v1.openapi.json).</summary>
    public static ApiDescription Load()
    {
        using var stream = typeof(ApiDescription).Assembly.GetManifestResourceStream("clicrdv.v1.openapi.json")
            ?? throw new InvalidOperationException("The embedded OpenAPI document is missing.");
        using var reader = new StreamReader(stream);
        return new ApiDescription(OpenApiDocument.FromJsonAsync(reader.ReadToEnd()).GetAwaiter().GetResult());
    }

    /// <summary>
    /// The operation for a request, with its path values as the server decoded the path (they are not decoded again:
    /// <c>%2534</c> stays <c>%34</c>, not <c>4</c>); or 404, or 405 with the methods the path allows.
    /// </summary>
    public ApiRoute Route(string method, string path)
    {
        // A suffix the document declares (".json") selects the format in ClicRDV; JSON is the only format here.
        var suffix = _formatSuffixes.FirstOrDefault(candidate => path.EndsWith(candidate, StringComparison.OrdinalIgnoreCase));
        var bare = suffix is null ? path : path[..^suffix.Length];
        foreach (var (pattern, template, byMethod) in _routes)
        {
            var match = pattern.Match(bare);
            if (!match.Success)
            {
                continue;
            }

            if (!byMethod.TryGetValue(method, out var operation))
            {
                var allowed = byMethod.Values.Select(candidate => candidate.Method).ToList();
                return new ApiRoute(null, new Dictionary<string, string>(), 405, $"{method} is not allowed on {template}; the document allows {string.Join(", ", allowed)}.", allowed);
            }

            var values = pattern.GetGroupNames().Where(name => !int.TryParse(name, out _)).ToDictionary(name => name, name => match.Groups[name].Value, StringComparer.Ordinal);
            return new ApiRoute(operation, values, 200, null, Array.Empty<string>());
        }

        return new ApiRoute(null, new Dictionary<string, string>(), 404, $"No operation of the document matches {path}.", Array.Empty<string>());
    }
}
