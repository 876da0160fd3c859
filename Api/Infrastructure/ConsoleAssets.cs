using Microsoft.Extensions.FileProviders;

namespace OpenC3.Api.Infrastructure;

/// <summary>
/// The bundles of the top-level `Console/` npm project, which Api.csproj builds and copies beside the API as
/// `console/`, served at `/console/`. Missing when the build found no node: pages then say how to build them.
/// </summary>
public static class ConsoleAssets
{
    public const string RequestPath = "/console";

    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "console");

    public const string HowToBuild =
        "The browser code of this page is not built: install Node.js 20 or newer with npm on the build machine, then run `dotnet build` again (Api/Api.csproj runs `npm ci` and the bundle in Console/).";

    public static bool Built(string bundle) => File.Exists(Path.Combine(Folder, bundle));

    public static IApplicationBuilder UseConsoleAssets(this IApplicationBuilder app) =>
        Directory.Exists(Folder)
            ? app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Folder), RequestPath = RequestPath })
            : app;
}
