using OpenC3.Api.Infrastructure;
using Scalar.AspNetCore;

namespace OpenC3.Api.Docs;

/// <summary>The generated OpenAPI document at `/openapi/v1.json` and its reference page (Scalar, assets served locally) at `/docs`.</summary>
public static class OpenApiDocs
{
    public static IServiceCollection AddOpenC3OpenApi(this IServiceCollection services) =>
        services.AddSingleton(product => new OpenApiOnDemand(services, product));

    public static IEndpointRouteBuilder MapOpenC3Docs(this IEndpointRouteBuilder app)
    {
        app.MapGet("/openapi/{documentName}.json", (string documentName, HttpContext context, OpenApiOnDemand document) => document.WriteAsync(documentName, context))
            .ExcludeFromDescription()
            .NoLogin("the API description");
        // The page's scripts come from the package; fonts, telemetry and the hosted assistants would reach the internet.
        app.MapScalarApiReference("/docs", page => page.WithTitle("OpenC3.Orleans API").DisableDefaultFonts().DisableTelemetry().DisableAgent().DisableMcp())
            .NoLogin("the API reference page");
        return app;
    }
}
