using System.Globalization;

namespace OpenC3.Api.Job;

/// <summary>`page` (1-based) and `pagesize` (1 to 200, default 50) of the paged task history.</summary>
public sealed record HistoryPage(int Page, int Size, string? Failure)
{
    public const int DefaultSize = 50;

    public const int MaxSize = 200;

    /// <summary>Beyond this a page would skip more rows than any node's history holds; it is a mistake, not a page.</summary>
    private const int MaxPage = 1_000_000;

    public static HistoryPage Read(string page, string? size)
    {
        if (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > MaxPage)
        {
            return new(0, 0, $"check format fail page format error: a number from 1 to {MaxPage}");
        }

        var rows = DefaultSize;
        if (size is not null && (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out rows) || rows is < 1 or > MaxSize))
        {
            return new(0, 0, $"check format fail pagesize format error: a number from 1 to {MaxSize}");
        }

        return new(number, rows, null);
    }
}
