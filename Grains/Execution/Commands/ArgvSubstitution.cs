using System.Text;

namespace OpenC3.Grains.Execution;

/// <summary>
/// Substitutes variables into a cmd step's `scripts_argv` without ever making a value shell text. The
/// argv stays the author's shell text; each `$name` / `${name}` becomes a reference to a shell variable
/// (<see cref="Outcome.Values"/>, handed to the host out of band) written for the quoting it stands in,
/// so the script receives the value literally as part of the same word:
/// unquoted `$v` → `"${__c3_1}"`, `"x$v"` → `"x${__c3_1}"`, `'v$v'` → `'v'"${__c3_1}"''`.
/// A backslash right before a reference is dropped (the value is inserted, as upstream did); a reference
/// inside bash's `$'…'` is refused, since POSIX shells do not agree on that quoting.
/// </summary>
public static class ArgvSubstitution
{
    public const string SlotPrefix = "__c3_";

    /// <param name="Values">Shell variable name (<see cref="SlotPrefix"/>N) → value, one per distinct variable.</param>
    public sealed record Outcome(string Text, IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> Undefined, string? Refusal)
    {
        public string? Error => VariableSubstitution.UndefinedError(Undefined) ?? Refusal;
    }

    private enum Quoting
    {
        None,
        Single,
        Double,
        AnsiC,
    }

    public static Outcome Apply(string argv, IReadOnlyDictionary<string, string> taskValues, IReadOnlyDictionary<string, string> jobDefaults)
    {
        var text = new StringBuilder(argv.Length + 16);
        var slots = new Dictionary<string, string>(StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var undefined = new List<string>();
        string? refusal = null;
        var quoting = Quoting.None;
        var i = 0;
        while (i < argv.Length)
        {
            var c = argv[i];
            if (c == '\\' && quoting != Quoting.Single && i + 1 < argv.Length)
            {
                if (quoting != Quoting.AnsiC && VariableSubstitution.ReferenceAt(argv, i + 1).Success)
                {
                    i++;
                    continue;
                }

                text.Append(c).Append(argv[i + 1]);
                i += 2;
                continue;
            }

            var reference = c == '$' ? VariableSubstitution.ReferenceAt(argv, i) : null;
            if (reference is { Success: true })
            {
                var name = VariableSubstitution.NameOf(reference);
                var value = VariableSubstitution.Resolve(name, taskValues, jobDefaults);
                if (value is null)
                {
                    VariableSubstitution.NoteUndefined(undefined, name);
                    text.Append(reference.Value);
                }
                else if (quoting == Quoting.AnsiC)
                {
                    refusal ??= $"variable {name} stands in $'...' quoting: write it unquoted, in '...' or in \"...\"";
                    text.Append(reference.Value);
                }
                else
                {
                    if (!slots.TryGetValue(name, out var slot))
                    {
                        slot = SlotPrefix + (slots.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                        slots[name] = slot;
                        values[slot] = value;
                    }

                    text.Append(quoting switch
                    {
                        Quoting.Double => $"${{{slot}}}",
                        Quoting.Single => $"'\"${{{slot}}}\"'",
                        _ => $"\"${{{slot}}}\"",
                    });
                }

                i += reference.Length;
                continue;
            }

            if (quoting == Quoting.None && c == '$' && i + 1 < argv.Length && argv[i + 1] == '\'')
            {
                text.Append("$'");
                quoting = Quoting.AnsiC;
                i += 2;
                continue;
            }

            quoting = (quoting, c) switch
            {
                (Quoting.None, '\'') => Quoting.Single,
                (Quoting.None, '"') => Quoting.Double,
                (Quoting.Single or Quoting.AnsiC, '\'') => Quoting.None,
                (Quoting.Double, '"') => Quoting.None,
                _ => quoting,
            };
            text.Append(c);
            i++;
        }

        return new Outcome(text.ToString(), values, undefined, refusal);
    }
}
