namespace OpenC3.Api.Infrastructure;

/// <summary>Redirect targets from query strings go only to this site: a local path, or the configured site address.</summary>
public static class SafeRedirect
{
    public static bool IsSafe(string? target, string siteAddress)
    {
        if (string.IsNullOrEmpty(target))
        {
            return false;
        }

        if (target.StartsWith('/'))
        {
            // `//host` and `/\host` are protocol-relative to another host in browsers.
            return target.Length == 1 || (target[1] != '/' && target[1] != '\\');
        }

        return Uri.TryCreate(target, UriKind.Absolute, out var uri)
            && Uri.TryCreate(siteAddress, UriKind.Absolute, out var site)
            && uri.Scheme == site.Scheme
            && string.Equals(uri.Host, site.Host, StringComparison.OrdinalIgnoreCase)
            && uri.Port == site.Port;
    }
}
