using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NSwag;

namespace ClicRdv.Emulator.Pipeline;

/// <summary>One operation of the document, with what the emulator needs to route and check a request for it.</summary>
internal sealed record ApiOperation(string Method, string PathTemplate, string OperationId, OpenApiOperation Operation, bool NeedsUser);

/// <summary>The OpenAPI document the emulator serves: it routes a request to its operation, or says why it cannot.</summary>
internal sealed class ApiDescription
{
    private readonly List<(Regex Pattern, string Template, Dictionary<string, ApiOperation> ByMethod)> _routes = new();

    private ApiDescription(OpenApiDocument document)
    {
        Document = document;
        foreach (var path in document.Paths)
        {
            var pattern = new Regex("^" + Regex.Replace(Regex.Escape(path.Key), @"\\\{([A-Za-z0-9_]+)}", "(?<$1>[^/]+)") + "$", RegexOptions.CultureInvariant);
            var byMethod = new Dictionary<string, ApiOperation>(StringComparer.OrdinalIgnoreCase);
            foreach (var operation in path.Value)
            {
                var security = operation.Value.Security ?? document.Security;
                var needsUser = security is null || security.Any(requirement => requirement.Keys.Any(scheme => scheme != "apikey"));
                byMethod[operation.Key] = new ApiOperation(operation.Key.ToUpperInvariant(), path.Key, operation.Value.OperationId, operation.Value, needsUser);
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

    /// <summary>The operation for a request, with its path parameters; or the status (404, 405) and why.</summary>
    public (ApiOperation? Operation, IReadOnlyDictionary<string, string> PathValues, int Status, string? Error) Route(string method, string path)
    {
        // A ".json" suffix selects the format in ClicRDV; JSON is the only format here.
        var bare = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? path[..^5] : path;
        foreach (var (pattern, template, byMethod) in _routes)
        {
            var match = pattern.Match(bare);
            if (!match.Success)
            {
                continue;
            }

            if (!byMethod.TryGetValue(method, out var operation))
            {
                return (null, new Dictionary<string, string>(), 405, $"{method} is not allowed on {template}; the document allows {string.Join(", ", byMethod.Keys.Select(key => key.ToUpperInvariant()))}.");
            }

            var values = pattern.GetGroupNames().Where(name => !int.TryParse(name, out _)).ToDictionary(name => name, name => Uri.UnescapeDataString(match.Groups[name].Value));
            return (operation, values, 200, null);
        }

        return (null, new Dictionary<string, string>(), 404, $"No operation of the document matches {path}.");
    }
}
