using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OpenC3.Grains.Crontabs;

/// <summary>
/// The task uuid of a crontab's run at a minute, in upstream's uuid format (11 of [A-Za-z0-9] and a
/// lowercase letter): an HMAC of (crontab id, minute) under a key kept in the database, so every silo
/// and every retry names the same run, and nobody without the key can name (and take) a future run first.
/// </summary>
public static class CrontabRunId
{
    /// <summary>The name of the key in <see cref="Storage.ServerSecrets"/>.</summary>
    public const string SecretName = "crontab-run-id";

    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string Lowercase = "abcdefghijklmnopqrstuvwxyz";

    /// <summary>Upstream's `timeid`: the minute number since the epoch.</summary>
    public static long TimeId(DateTimeOffset minute) => minute.ToUnixTimeSeconds() / 60;

    /// <summary>The run's task uuid.</summary>
    public static string For(byte[] key, long crontabId, DateTimeOffset minute) => Derive(key, "run", crontabId, minute);

    /// <summary>The uuid under which a run whose own uuid was taken by another task is recorded as failed.</summary>
    public static string LostFor(byte[] key, long crontabId, DateTimeOffset minute) => Derive(key, "lost", crontabId, minute);

    private static string Derive(byte[] key, string purpose, long crontabId, DateTimeOffset minute)
    {
        var hash = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"openc3-crontab-{purpose}:{crontabId}:{TimeId(minute)}")));
        var uuid = new char[12];
        for (var i = 0; i < 11; i++)
        {
            uuid[i] = Alphanumeric[hash[i] % Alphanumeric.Length];
        }

        uuid[11] = Lowercase[hash[11] % Lowercase.Length];
        return new string(uuid);
    }
}
