using System.Text;

namespace OpenC3.Cli;

/// <summary>Asks for a password on the terminal without echoing it; from a pipe, reads one line.</summary>
public static class Prompt
{
    public static string Password(string question)
    {
        Console.Error.Write(question);
        if (Console.IsInputRedirected)
        {
            var line = Console.In.ReadLine() ?? string.Empty;
            Console.Error.WriteLine();
            return line;
        }

        var typed = new StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return typed.ToString();
    }
}
