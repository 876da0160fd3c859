using System.Globalization;

namespace OpenC3.Grains.Abstractions.Agent;

/// <summary>
/// The `ip` of `POST /proxy/:p/:regionid`: comma-separated; the IPv4 addresses among the items are kept and
/// anything else (host names from the tree's host chooser) skipped, as upstream; none at all is upstream's `ip format error`.
/// </summary>
public static class ProxyAddresses
{
    public const int MaxItems = 256;

    public const string NoneFound = "ip format error";

    public static (IReadOnlyList<string> Addresses, string? Error) Parse(string text)
    {
        var items = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (items.Length > MaxItems)
        {
            return ([], $"too many proxies: at most {MaxItems}");
        }

        var addresses = items.Where(IsIPv4).Distinct(StringComparer.Ordinal).ToList();
        return addresses.Count == 0 ? ([], NoneFound) : (addresses, null);
    }

    private static bool IsIPv4(string item)
    {
        var octets = item.Split('.');
        return octets.Length == 4
            && octets.All(o => o.Length is > 0 and <= 3 && o.All(char.IsAsciiDigit) && int.Parse(o, CultureInfo.InvariantCulture) <= 255);
    }
}
