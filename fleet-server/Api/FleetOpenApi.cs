using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ScanPoint.FleetServer.Api;

/// <summary>
/// Completes the OpenAPI document (<c>/openapi/v1.json</c>): its title and the two ways of signing in, HTTP Basic
/// (scripts) and the dashboard's cookie, which every operator endpoint accepts (device-facing ones are anonymous).
/// </summary>
internal sealed class FleetOpenApi : IOpenApiDocumentTransformer
{
    public const string BasicScheme = "basic";
    public const string CookieScheme = "cookie";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "ScanPoint fleet server",
            Version = "v1",
            Description = "Operator API (roles and provinces: see fleet-server/README.md, \"Roles and access\") and the device-facing enrolment and trust endpoints. "
                + "Cookie-authenticated writes need the X-Requested-With header.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BasicScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "basic",
            Description = "An account made with `fleet-server users add`.",
        };
        document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "scanpoint.fleet",
            Description = "The dashboard's sign-in cookie (from /signin).",
        };
        document.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BasicScheme, document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, document)] = [] },
        ];
        return Task.CompletedTask;
    }
}
