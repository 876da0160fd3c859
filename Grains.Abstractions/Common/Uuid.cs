using System.Security.Cryptography;

namespace OpenC3.Grains.Abstractions.Common;

/// <summary>
/// Upstream's 12-character ids: 11 of [A-Za-z0-9] and a lowercase letter, from a cryptographic RNG
/// because some of them (approval rows) are the only credential a caller holds.
/// </summary>
public static class Uuid
{
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string Lowercase = "abcdefghijklmnopqrstuvwxyz";

    public static string New() =>
        RandomNumberGenerator.GetString(Alphanumeric, 11) + RandomNumberGenerator.GetString(Lowercase, 1);

    public static bool IsValid(string? value) =>
        value is { Length: 12 } && value.All(char.IsAsciiLetterOrDigit);
}
