using System.Text.RegularExpressions;

namespace OpenC3.Grains.Abstractions.Connector;

/// <summary>
/// Upstream's permission points: levels 0 login, 1 dev, 2 ops, 3 admin. A global level that reaches
/// the point's level allows it anywhere; otherwise the highest grant on the node or any ancestor
/// counts. `_root` points are global only. Tree id 0 is the global node, 4000000000 the private root,
/// and ids above it are private nodes that only their owner may touch.
/// </summary>
public static partial class PermissionPolicy
{
    public const long PrivateRoot = 4_000_000_000;

    public static bool IsKnownPoint(string point) => RequiredLevel(point) is not null;

    public static bool? Check(AccessSnapshot access, string user, string point, long treeId)
    {
        var match = PointPattern().Match(point);
        if (!match.Success || RequiredLevel(point) is null)
        {
            return null;
        }

        if (treeId == PrivateRoot)
        {
            return true;
        }

        if (treeId > PrivateRoot)
        {
            return access.PrivateOwners.TryGetValue(treeId, out var owner) && owner == PrivateOwnerName(user);
        }

        var module = match.Groups["module"].Value;
        var kind = match.Groups["kind"].Value;
        if (treeId == 0)
        {
            // The global node: anyone may read it, changing it is for admins.
            if (kind == "read")
            {
                return true;
            }

            if (kind is "write" or "delete" or "control")
            {
                point = $"openc3_{module}_root";
                kind = "root";
            }
        }

        var required = RequiredLevel(point)!.Value;
        if (access.GlobalLevels.TryGetValue(user, out var global) && global >= required)
        {
            return true;
        }

        if (kind == "root")
        {
            return false;
        }

        for (long? node = treeId; node is { } current; node = access.Parents.TryGetValue(current, out var parent) ? parent : null)
        {
            if (access.TreeLevels.TryGetValue((user, current), out var level) && level >= required)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Private nodes are keyed by the login with dots turned into underscores, as upstream.</summary>
    public static string PrivateOwnerName(string user) => user.Replace('.', '_');

    private static int? RequiredLevel(string point)
    {
        var match = PointPattern().Match(point);
        if (!match.Success)
        {
            return null;
        }

        return match.Groups["kind"].Value switch
        {
            "root" => 3,
            "write" or "delete" or "vssh" => 2,
            "control" or "vsshnobody" => 1,
            "read" => 0,
            _ => null,
        };
    }

    [GeneratedRegex("^openc3_(?<module>job|jobx|ci|agent|connector)_(?<kind>read|write|delete|control|root|vssh|vsshnobody)$")]
    private static partial Regex PointPattern();
}
