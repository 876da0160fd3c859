namespace OpenC3.Bench;

/// <summary>`--key value` pairs after the command name.</summary>
public sealed class Options
{
    private readonly Dictionary<string, string> values = [];

    public Options(IEnumerable<string> args)
    {
        string? key = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                key = arg[2..];
                values[key] = "true";
            }
            else if (key is not null)
            {
                values[key] = arg;
                key = null;
            }
        }
    }

    public string Text(string key) => values.TryGetValue(key, out var value) ? value : throw new ArgumentException($"--{key} is required");

    public string Text(string key, string fallback) => values.GetValueOrDefault(key, fallback);

    public int Number(string key, int fallback) => values.TryGetValue(key, out var value) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
