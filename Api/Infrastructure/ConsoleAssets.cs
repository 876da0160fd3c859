using System.Net;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.FileProviders;

namespace OpenC3.Api.Infrastructure;

/// <summary>
/// The bundles of the top-level `Console/` npm project, which Api.csproj builds into the static web assets under
/// `console/`: served at `/console/` by MapStaticAssets from the build's endpoints manifest (compressed at build time,
/// negotiated by Accept-Encoding, with ETags; bundles named by their content are immutable). Missing when the build
/// found no node: pages then say how to build them. The console's `index.html` answers `/console/` and every view
/// path under it (no file extension), so each view has a real URL; `GET /` leads there.
/// </summary>
public static class ConsoleAssets
{
    public const string RequestPath = "/console";

    public const string HowToBuild =
        "The browser code of this page is not built: install Node.js 20 or newer with npm on the build machine, then run `dotnet build` again (Api/Api.csproj runs `npm ci` and the bundle in Console/).";

    /// <summary>The console runs only its own files: no inline script or style, no other origin, no framing.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private const string Page = "console/index.html";

    private const string ReloadAtRuntime = "ReloadStaticAssetsAtRuntime";

    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>
    /// Finds the bundles wherever the content root is: a build's runtime manifest maps them to Api/obj (in every
    /// environment, so the build output runs as it is); a publish has them in the wwwroot beside the assembly. They
    /// are served as built (compressed files, ETags and caching from the manifest); ASP.NET Core's development mode
    /// for a build manifest (no caching, files re-read on change) is only on when ReloadStaticAssetsAtRuntime=true.
    /// </summary>
    public static WebApplicationBuilder AddConsoleAssets(this WebApplicationBuilder builder)
    {
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = [new(ReloadAtRuntime, "false")] });
        var published = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (!Directory.Exists(builder.Environment.WebRootPath) && Directory.Exists(published))
        {
            builder.Environment.WebRootPath = published;
            builder.Environment.WebRootFileProvider = new PhysicalFileProvider(published);
        }

        builder.WebHost.UseStaticWebAssets();
        return builder;
    }

    /// <summary>Whether the build mapped the bundle: a build without the console leaves the last runtime manifest behind, so its files alone say nothing.</summary>
    public static bool Built(HttpContext context, string bundle) => Mapped(context.RequestServices, $"console/{bundle}");

    public static IEndpointRouteBuilder MapConsolePage(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/", GetOrHead, RedirectToConsole).NoLogin("leads to the console page, which asks for a login itself");
        app.MapMethods($"{RequestPath}/{{*view:nonfile}}", GetOrHead, ConsolePage).NoLogin("the console's page (no data); every call it makes needs a login");
        app.MapConsoleBundles();
        return app;
    }

    /// <summary>The endpoints manifest lies beside the assembly after a build or publish that had the console's assets; without them there is none.</summary>
    private static void MapConsoleBundles(this IEndpointRouteBuilder app)
    {
        var environment = app.ServiceProvider.GetRequiredService<IWebHostEnvironment>();
        var manifest = Path.Combine(AppContext.BaseDirectory, $"{environment.ApplicationName}.staticwebassets.endpoints.json");
        if (File.Exists(manifest))
        {
            app.MapStaticAssets(manifest).NoLogin("the console's and the web terminal's browser code (no data)").Add(PageHeadersOnIndex);
        }
    }

    private static IResult RedirectToConsole() => Results.Redirect($"{RequestPath}/");

    private static IResult ConsolePage(HttpContext context)
    {
        SetPageHeaders(context.Response.Headers);
        return Mapped(context.RequestServices, Page)
            ? Results.Stream(context.RequestServices.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider.GetFileInfo(Page).CreateReadStream(), "text/html; charset=utf-8")
            : Results.Content(
                $"""<!doctype html><html><head><meta charset="utf-8"><title>OpenC3 console</title></head><body><p id="unbuilt">{WebUtility.HtmlEncode(HowToBuild)}</p></body></html>""",
                "text/html; charset=utf-8");
    }

    /// <summary>`/console/index.html` asked for by name is the same page, so it carries the same policy.</summary>
    private static void PageHeadersOnIndex(EndpointBuilder endpoint)
    {
        if (endpoint.Metadata.OfType<StaticAssetDescriptor>().Any(asset => asset.Route == Page) && endpoint.RequestDelegate is { } serve)
        {
            endpoint.RequestDelegate = context =>
            {
                SetPageHeaders(context.Response.Headers);
                return serve(context);
            };
        }
    }

    private static bool Mapped(IServiceProvider services, string route) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .Any(endpoint => endpoint.Metadata.GetMetadata<StaticAssetDescriptor>()?.Route == route);

    private static void SetPageHeaders(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
    }
}
