using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenC3.Grains.Abstractions.Catalog;

/// <summary>
/// A machine as the node list takes it: a bare IPv4 address (recorded as the inner address when it is in a
/// private range, else as the outer one), or `name::inip` / `name::inip::exip`.
/// </summary>
public static partial class NodeSpec
{
    public const string Pattern = @"^(\d+\.\d+\.\d+\.\d+|[a-zA-Z0-9\.\-_]+::\d+\.\d+\.\d+\.\d+(::\d+\.\d+\.\d+\.\d+)?)$";

    public const int MaxNameLength = 100;

    /// <summary>The machine, or null when the text is not one of the two forms, an address is not IPv4 or the name is too long.</summary>
    public static JobNodeInput? Parse(string? text)
    {
        if (text is null || !Shape().IsMatch(text))
        {
            return null;
        }

        var parts = text.Split("::");
        if (parts[0].Length > MaxNameLength || !parts.Skip(parts.Length == 1 ? 0 : 1).All(IsIPv4))
        {
            return null;
        }

        return parts.Length switch
        {
            1 when IsPrivate(text) => new JobNodeInput(text, text, string.Empty),
            1 => new JobNodeInput(text, string.Empty, text),
            2 => new JobNodeInput(parts[0], parts[1], string.Empty),
            _ => new JobNodeInput(parts[0], parts[1], parts[2]),
        };
    }

    /// <summary>Four decimal octets 0–255 without leading zeros (which some tools read as octal).</summary>
    public static bool IsIPv4(string text)
    {
        var octets = text.Split('.');
        return octets.Length == 4 && octets.All(o =>
            o.Length is >= 1 and <= 3
            && (o.Length == 1 || o[0] != '0')
            && byte.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out _));
    }

    /// <summary>RFC 1918: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16.</summary>
    public static bool IsPrivate(string ip)
    {
        if (!IsIPv4(ip))
        {
            return false;
        }

        var octets = ip.Split('.').Select(o => int.Parse(o, CultureInfo.InvariantCulture)).ToArray();
        return octets[0] == 10
            || (octets[0] == 172 && octets[1] is >= 16 and <= 31)
            || (octets[0] == 192 && octets[1] == 168);
    }

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
