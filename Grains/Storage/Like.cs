namespace OpenC3.Grains.Storage;

/// <summary>
/// User text inside a LIKE pattern, with `%` and `_` matching themselves. `!` is the escape character
/// because a backslash means different things in SQLite and MySQL literals; queries say `ESCAPE '!'`.
/// </summary>
public static class Like
{
    public static string Escape(string value) =>
        value.Replace("!", "!!", StringComparison.Ordinal).Replace("%", "!%", StringComparison.Ordinal).Replace("_", "!_", StringComparison.Ordinal);
}
