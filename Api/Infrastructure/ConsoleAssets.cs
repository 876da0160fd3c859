using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace OpenC3.Api.Infrastructure;

/// <summary>
/// The bundles of the top-level `Console/` npm project, which Api.csproj builds and copies beside the API as
/// `console/`, served at `/console/`. Missing when the build found no node: pages then say how to build them.
/// The console's `index.html` answers `/console/` and every view path under it (no file extension), so each view has
/// a real URL; `GET /` leads there.
/// </summary>
public static partial class ConsoleAssets
{
    public const string RequestPath = "/console";

    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "console");

    public const string HowToBuild =
        "The browser code of this page is not built: install Node.js 20 or newer with npm on the build machine, then run `dotnet build` again (Api/Api.csproj runs `npm ci` and the bundle in Console/).";

    /// <summary>The console runs only its own files: no inline script or style, no other origin, no framing.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private const string Page = "index.html";

    public static bool Built(string bundle) => File.Exists(Path.Combine(Folder, bundle));

    public static IApplicationBuilder UseConsoleAssets(this IApplicationBuilder app) =>
        Directory.Exists(Folder)
            ? app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Folder), RequestPath = RequestPath, OnPrepareResponse = CacheRules })
            : app;

    public static IEndpointRouteBuilder MapConsolePage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", RedirectToConsole).NoLogin("leads to the console page, which asks for a login itself");
        app.MapGet($"{RequestPath}/{{*view:nonfile}}", ConsolePage).NoLogin("the console's page (no data); every call it makes needs a login");
        return app;
    }

    private static IResult RedirectToConsole() => Results.Redirect($"{RequestPath}/");

    private static IResult ConsolePage(HttpContext context)
    {
        SetPageHeaders(context.Response.Headers);
        var page = Path.Combine(Folder, Page);
        return File.Exists(page)
            ? Results.File(page, "text/html; charset=utf-8")
            : Results.Content(
                $"""<!doctype html><html><head><meta charset="utf-8"><title>OpenC3 console</title></head><body><p id="unbuilt">{WebUtility.HtmlEncode(HowToBuild)}</p></body></html>""",
                "text/html; charset=utf-8");
    }

    /// <summary>Bundles named by their content (`console-3FJ2KQ7A.js`, esbuild's `[name]-[hash]`) never change; everything else is checked on each use.</summary>
    private static void CacheRules(StaticFileResponseContext file)
    {
        var headers = file.Context.Response.Headers;
        if (file.File.Name == Page)
        {
            SetPageHeaders(headers);
        }
        else
        {
            headers.CacheControl = ContentHashed().IsMatch(file.File.Name) ? "public, max-age=31536000, immutable" : "no-cache";
        }
    }

    private static void SetPageHeaders(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
    }

    [GeneratedRegex(@"-[A-Z0-9]{8}\.(js|css|woff2|svg|png)$", RegexOptions.CultureInvariant)]
    private static partial Regex ContentHashed();
}
