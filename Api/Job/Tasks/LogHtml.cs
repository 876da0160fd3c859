using System.Net;

namespace OpenC3.Api.Job;

/// <summary>
/// Log text as upstream's log page expects it: HTML-escaped (host output is untrusted), ANSI colours
/// turned into `font` tags, newlines into `br`.
/// </summary>
public static class LogHtml
{
    public static string Convert(string text) =>
        WebUtility.HtmlEncode(text)
            .Replace("\u001b[1;31m", "<font color=\"#FF0000\">", StringComparison.Ordinal)
            .Replace("\u001b[1;32m", "<font color=\"#00FF00\">", StringComparison.Ordinal)
            .Replace("\u001b[31;42m", "<font color=\"#0000FF\">", StringComparison.Ordinal)
            .Replace("\u001b[0m", "</font>", StringComparison.Ordinal)
            .Replace("\n", "<br>", StringComparison.Ordinal);
}
