using System.Globalization;

namespace OpenC3.Grains.Connector;

/// <summary>RFC 1918 ranges: a host there is recorded by its inner address (`inip`), any other by its outer one (`exip`).</summary>
public static class PrivateNetworks
{
    /// <summary>Octets are read as decimal, as the API validated them (`IPAddress` would read `010` as octal).</summary>
    public static bool Contains(string ipv4)
    {
        var octets = ipv4.Split('.');
        if (octets.Length != 4 || !int.TryParse(octets[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !int.TryParse(octets[1], NumberStyles.None, CultureInfo.InvariantCulture, out var second))
        {
            return false;
        }

        return first == 10
            || (first == 172 && second is >= 16 and <= 31)
            || (first == 192 && second == 168);
    }
}
