using System.Globalization;

namespace OpenC3.Api.Infrastructure;

/// <summary>Tree node ids in routes: digits only (upstream's `^\d+$`), and small enough to be an id.</summary>
public static class TreeIds
{
    public static long? TryParse(string? value) =>
        value is { Length: > 0 and <= 18 } && value.All(char.IsAsciiDigit) ? long.Parse(value, CultureInfo.InvariantCulture) : null;

    public static string FormatError(string field) => $"check format fail {field} format error {Check.PerlRegex(@"^\d+$")}";
}
