using System.Security.Cryptography;
using System.Text;

namespace OpenC3.Grains.Abstractions.Catalog;

/// <summary>
/// Upload tokens are 32 letters and digits. Only their SHA-256 is stored (they are random, so no salt or
/// stretching is needed); lists show the first four characters and a mask.
/// </summary>
public static class TokenSecret
{
    public const int Length = 32;
    public const string Pattern = "^[a-zA-Z0-9]{32}$";

    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string New() => RandomNumberGenerator.GetString(Alphanumeric, Length);

    public static bool IsWellFormed(string? token) => token is { Length: Length } && token.All(char.IsAsciiLetterOrDigit);

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string Mask(string token) => $"{token[..4]}****";

    /// <summary>Who an upload made with the token is recorded as: `&lt;first 8 characters&gt;@token`, as upstream.</summary>
    public static string Uploader(string token) => $"{token[..8]}@token";
}
