using System.Net;
using System.Net.Sockets;
using OpenC3.Grains.Abstractions.Connector;

namespace OpenC3.Grains.Connector;

/// <summary>
/// Growing waits after failed logins, counted per (user, client address) and per client address.
/// An attempt is charged as a failure when it is admitted and refunded when the password was right,
/// so parallel guesses cannot slip past the count. Waiting attempts are answered at once and are not
/// counted: a stranger can only slow down guesses from their own address, never lock the owner out
/// from another one.
/// </summary>
public sealed class LoginBackoff(ConnectorOptions settings)
{
    private readonly FailureCounts pairs = new(settings.LoginBackoffTrackedClients, settings.LoginBackoffForgetAfter);
    private readonly FailureCounts addresses = new(settings.LoginBackoffTrackedClients, settings.LoginBackoffForgetAfter);

    /// <summary>Zero when the attempt may go on (and is charged), else how long this client must still wait.</summary>
    public TimeSpan Admit(string user, string address, DateTimeOffset now)
    {
        var addressKey = AddressKey(address);
        var pairKey = PairKey(user, addressKey);
        var wait = Max(
            WaitLeft(pairs.Get(pairKey, now), settings.LoginBackoffFreeFailures, now),
            WaitLeft(addresses.Get(addressKey, now), settings.LoginBackoffAddressFreeFailures, now));
        if (wait > TimeSpan.Zero)
        {
            return wait;
        }

        pairs.Add(pairKey, now);
        addresses.Add(addressKey, now);
        return TimeSpan.Zero;
    }

    /// <summary>The password was right: the pair starts afresh and the address gets back this attempt's charge.</summary>
    public void Succeeded(string user, string address, DateTimeOffset now)
    {
        var addressKey = AddressKey(address);
        pairs.Forget(PairKey(user, addressKey));
        addresses.Refund(addressKey, now);
    }

    private TimeSpan WaitLeft((int Failures, DateTimeOffset Last) count, int freeFailures, DateTimeOffset now)
    {
        if (count.Failures < freeFailures)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(count.Failures - freeFailures, 20);
        var wait = TimeSpan.FromTicks(Math.Min(settings.LoginBackoffFirstWait.Ticks * (1L << doublings), settings.LoginBackoffMaxWait.Ticks));
        return Max(count.Last + wait - now, TimeSpan.Zero);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string PairKey(string user, string addressKey) => $"{user}\n{addressKey}";

    /// <summary>An IPv6 client usually holds a whole /64, so its addresses count as one.</summary>
    private static string AddressKey(string address)
    {
        if (!IPAddress.TryParse(address, out var ip))
        {
            return address;
        }

        if (ip.IsIPv4MappedToIPv6)
        {
            return ip.MapToIPv4().ToString();
        }

        if (ip.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return ip.ToString();
        }

        var bytes = ip.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
