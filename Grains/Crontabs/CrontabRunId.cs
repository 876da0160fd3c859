using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OpenC3.Grains.Crontabs;

/// <summary>
/// The task uuid of a crontab's run at a minute, derived from (crontab id, minute) in upstream's uuid
/// format (11 of [A-Za-z0-9] and a lowercase letter): every silo and every retry names the same run, so
/// starting it twice finds the task already there.
/// </summary>
public static class CrontabRunId
{
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string Lowercase = "abcdefghijklmnopqrstuvwxyz";

    /// <summary>Upstream's `timeid`: the minute number since the epoch.</summary>
    public static long TimeId(DateTimeOffset minute) => minute.ToUnixTimeSeconds() / 60;

    public static string For(long crontabId, DateTimeOffset minute)
    {
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"openc3-crontab:{crontabId}:{TimeId(minute)}")));
        var uuid = new char[12];
        for (var i = 0; i < 11; i++)
        {
            uuid[i] = Alphanumeric[hash[i] % Alphanumeric.Length];
        }

        uuid[11] = Lowercase[hash[11] % Lowercase.Length];
        return new string(uuid);
    }
}
