using System.Reflection;
using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Common;

namespace OpenC3.Api.Connector;

/// <summary>`/version/*`: which build of the product answers, and what changed lately.</summary>
public static class VersionApi
{
    public const string ProductName = "OpenC3.Orleans";

    /// <summary>Newest first, at most 100 entries, as upstream's `.versionlog`.</summary>
    private static readonly (string Time, string Mesg)[] Changes =
    [
        ("2026-11-27 17:45:00", "Connector resources: address book, notifications with built-in mail/SMS exits, OA approval, node list, config, version and release routes"),
        ("2026-11-27 17:40:27", "Connector core: built-in users and sessions, service tree, permission points, private nodes, audit and login audit"),
        ("2026-11-27 17:34:22", "Docker files and concurrent schema bootstrap"),
        ("2026-11-27 17:32:47", "MySQL profile for the Orleans ADO.NET providers, two-silo cluster"),
        ("2026-11-27 17:20:19", "Foundation: embedded SQLite profile, schema bootstrapper, environment API"),
    ];

    private static readonly Lazy<object> Build = new(DescribeBuild);

    public static RouteGroupBuilder MapVersionApi(this RouteGroupBuilder connector)
    {
        connector.MapGet("/version/name", () => Reply.Ok(Build.Value)).LoginOnly("the product's name and build");
        connector.MapGet("/version/log", () => Reply.Ok(Changes.Select(c => new { time = c.Time, mesg = c.Mesg }))).LoginOnly("the product's change log");
        return connector;
    }

    /// <summary>
    /// `name`: product and version (the informational version without its source revision); `uuid`: the
    /// API assembly's module version id, the same for every host running this build and new with
    /// every change; `time`: when the assembly was built (its file time).
    /// </summary>
    private static object DescribeBuild()
    {
        var assembly = typeof(VersionApi).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var file = assembly.Location;
        var time = file.Length > 0 && File.Exists(file) ? TimeFormat.Format(File.GetLastWriteTimeUtc(file)) : "unknown";
        return new { name = $"{ProductName} {version}", uuid = assembly.ManifestModule.ModuleVersionId.ToString("N"), time };
    }
}
