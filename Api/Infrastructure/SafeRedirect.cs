namespace OpenC3.Api.Infrastructure;

/// <summary>
/// Redirect targets from query strings go only to this site: a local path, or the configured site
/// address. Browsers drop tabs and newlines from a URL, read `\` as `/`, and some hops decode `%2F`,
/// so a target is refused unless it is plain printable ASCII without `\`, and neither it nor any of
/// its percent-decoded forms starts like a host (`//`, `/\`) or holds a control character.
/// </summary>
public static class SafeRedirect
{
    private const int DecodingRounds = 3;

    public static bool IsSafe(string? target, string siteAddress)
    {
        if (string.IsNullOrEmpty(target) || target.Any(c => c is <= ' ' or > '~' or '\\'))
        {
            return false;
        }

        if (!DecodedFormsStayLocal(target))
        {
            return false;
        }

        return target.StartsWith('/') || StartsWithSite(target, siteAddress);
    }

    private static bool DecodedFormsStayLocal(string target)
    {
        var form = target;
        for (var round = 0; round <= DecodingRounds; round++)
        {
            if (form.Any(c => char.IsControl(c) || c == '\\') || (form.Length > 1 && form[0] == '/' && form[1] == '/'))
            {
                return false;
            }

            var decoded = Uri.UnescapeDataString(form);
            if (decoded == form)
            {
                return true;
            }

            form = decoded;
        }

        return false;
    }

    /// <summary>The site's own origin, followed by nothing or a path, query or fragment (never `@host` or `.evil`).</summary>
    private static bool StartsWithSite(string target, string siteAddress)
    {
        if (!Uri.TryCreate(siteAddress, UriKind.Absolute, out var site) || site.Scheme is not ("http" or "https"))
        {
            return false;
        }

        var origin = site.GetLeftPart(UriPartial.Authority);
        return target.StartsWith(origin, StringComparison.OrdinalIgnoreCase)
            && (target.Length == origin.Length || target[origin.Length] is '/' or '?' or '#');
    }
}
