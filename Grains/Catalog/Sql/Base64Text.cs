using System.Text;

namespace OpenC3.Grains.Catalog;

/// <summary>Script bodies, arguments and node group params are stored as base64 of UTF-8 text, as upstream.</summary>
public static class Base64Text
{
    public static string Encode(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    /// <summary>Upstream wraps base64 at 76 characters; the line breaks are ignored.</summary>
    public static string Decode(string? base64) =>
        string.IsNullOrEmpty(base64) ? string.Empty : Encoding.UTF8.GetString(Convert.FromBase64String(base64));
}
