namespace OpenC3.Cli;

/// <summary>
/// A command line split into positional words, `--name value` options (last wins), repeatable
/// `-v k=v` variables and bare `--flag`s. Anything unexpected is reported, never ignored.
/// </summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string> options = new(StringComparer.Ordinal);
    private readonly HashSet<string> flags = new(StringComparer.Ordinal);

    private Arguments()
    {
    }

    public List<string> Positional { get; } = [];

    public List<KeyValuePair<string, string>> Variables { get; } = [];

    /// <summary>Parses <paramref name="args"/>; <paramref name="flagNames"/> take no value, every other `--name` takes one.</summary>
    public static Arguments Parse(IReadOnlyList<string> args, params string[] flagNames)
    {
        var parsed = new Arguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-v" or "--var")
            {
                var pair = Next(args, ref i, arg);
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    throw new UsageException($"{arg} wants name=value, not '{pair}'");
                }

                parsed.Variables.Add(new(pair[..eq], pair[(eq + 1)..]));
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var name = arg[2..];
                if (flagNames.Contains(name))
                {
                    parsed.flags.Add(name);
                }
                else
                {
                    parsed.options[name] = Next(args, ref i, arg);
                }
            }
            else if (arg.StartsWith('-') && arg.Length > 1)
            {
                throw new UsageException($"unknown option {arg}");
            }
            else
            {
                parsed.Positional.Add(arg);
            }
        }

        return parsed;
    }

    public string? Option(string name) => options.GetValueOrDefault(name);

    public string Required(string name) => Option(name) ?? throw new UsageException($"--{name} is required");

    public bool Flag(string name) => flags.Contains(name);

    /// <summary>Fails on options the command does not know, so a typo is not silently dropped.</summary>
    public Arguments Only(params string[] known)
    {
        if (options.Keys.Concat(flags).FirstOrDefault(name => !known.Contains(name)) is { } unknown)
        {
            throw new UsageException($"unknown option --{unknown}");
        }

        return this;
    }

    private static string Next(IReadOnlyList<string> args, ref int i, string option) =>
        ++i < args.Count ? args[i] : throw new UsageException($"{option} needs a value");
}
