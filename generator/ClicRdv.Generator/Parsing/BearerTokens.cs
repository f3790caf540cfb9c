using System;
using System.Collections.Generic;
using System.Linq;
using NSwag;

namespace ClicRdv.Generator.Parsing;

/// <summary>
/// Decides which operations take the bearer token of <c>RefitSettings.AuthorizationHeaderValueGetter</c>, as Refit
/// does for a method declared with <c>[Headers("Authorization: Bearer")]</c>: those whose security names an HTTP
/// bearer, OAuth2 or OpenID Connect scheme (or a scheme the document does not define), and, when the document
/// declares no security for an operation at all, that operation too: a caller who sets a token getter wants it sent.
/// An operation whose security lists only API keys or Basic, or is explicitly empty, takes no token.
/// </summary>
internal sealed class BearerTokens
{
    private readonly OpenApiDocument _document;

    public BearerTokens(OpenApiDocument document) => _document = document;

    public bool AcceptedBy(OpenApiOperation operation)
    {
        // An operation's own "security" replaces the document's; [] there means "no security".
        var requirements = operation.Security ?? _document.Security;
        if (requirements is null || (operation.Security is null && requirements.Count == 0))
        {
            return true;
        }

        return requirements.Any(requirement => requirement is not null && requirement.Keys.Any(IsBearerStyle));
    }

    private bool IsBearerStyle(string schemeName)
    {
        IDictionary<string, OpenApiSecurityScheme>? schemes = _document.Components?.SecuritySchemes;
        if (schemes is null || !schemes.TryGetValue(schemeName, out var scheme) || scheme is null)
        {
            return true;
        }

        return scheme.Type switch
        {
            OpenApiSecuritySchemeType.OAuth2 or OpenApiSecuritySchemeType.OpenIdConnect => true,
            OpenApiSecuritySchemeType.Http => string.Equals(scheme.Scheme, "bearer", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }
}
