using System.Text.RegularExpressions;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Operability;

/// <summary>
/// The routes of the API document (`openc3-api.zh.md`, a copy of the shared spec): its `### METHOD /path`
/// headings under each `url前缀` module prefix, `:param` written `{param}`.
/// </summary>
public static partial class SpecRoutes
{
    public const string Document = "tests/OpenC3.IntegrationTests/Operability/openc3-api.zh.md";

    /// <summary>Misprints of the document, corrected to the routes upstream's code serves.</summary>
    private static readonly Dictionary<string, string> Misprints = new(StringComparer.Ordinal)
    {
        ["/sendile/list/:treeid"] = "/sendfile/list/:treeid",
        ["/varuable/:treeid/:jobuuid"] = "/variable/:treeid/:jobuuid",
        ["/fileserver/treeid/:fileid"] = "/fileserver/:treeid/:fileid",
    };

    public static IReadOnlyList<(string Method, string Path)> Read()
    {
        var routes = new List<(string, string)>();
        string? prefix = null;
        foreach (var line in File.ReadLines(Path.Combine(RepoPaths.Root, Document)))
        {
            if (ModulePrefix().Match(line) is { Success: true } module)
            {
                prefix = module.Groups[1].Value;
            }
            else if (Heading().Match(line) is { Success: true } heading && prefix is not null)
            {
                // `### /task/:treeid/analysis/runtime` has no method: its siblings are GETs. `DEL` is the document's DELETE.
                var method = heading.Groups[1].Value switch { "" => "GET", "DEL" => "DELETE", var m => m };
                var path = heading.Groups[2].Value.Split('?')[0];
                path = Misprints.GetValueOrDefault(path, path);
                routes.Add((method, prefix + Param().Replace(path, "{$1}")));
            }
        }

        return routes;
    }

    [GeneratedRegex(@"url前缀[:：]\s*(/api/\w+)")]
    private static partial Regex ModulePrefix();

    /// <summary>`## GET /x`, `###  POST  /x`, and the websocket heading `### ws://example.com/slave/:slavename/ws?uuid=xxx`.</summary>
    [GeneratedRegex(@"^#{2,3}\s+(?:(GET|POST|PUT|DEL|DELETE)\s+)?(?:ws://[^/\s]+)?(/\S*)\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(":([A-Za-z_]+)")]
    private static partial Regex Param();
}
