using System.Text.Json;

namespace OpenC3.Cli;

/// <summary>
/// The login `c3 login` keeps for later commands: the site's address and the `sid` cookie, in
/// `~/.config/c3/session` (or `$XDG_CONFIG_HOME/c3/session`), readable by the user only.
/// </summary>
public sealed record Session(string Url, string Sid)
{
    private const UnixFileMode UserOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static string FilePath
    {
        get
        {
            var home = Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } set ? set : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            var config = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(home, ".config");
            return Path.Combine(config, "c3", "session");
        }
    }

    public static Session? Load()
    {
        try
        {
            return JsonSerializer.Deserialize<Session>(File.ReadAllText(FilePath));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Written to a new 0600 file first, then moved over the old one: the cookie is never readable by others, not even briefly.</summary>
    public void Save()
    {
        var path = FilePath;
        var directory = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows())
        {
            // The user profile's own ACL already keeps it private there.
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, JsonSerializer.Serialize(this));
            return;
        }

        Directory.CreateDirectory(directory, UserOnly | UnixFileMode.UserExecute);
        var temporary = Path.Combine(directory, $".session.{Environment.ProcessId}");
        using (var file = new FileStream(temporary, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = UserOnly }))
        {
            JsonSerializer.Serialize(file, this);
        }

        File.SetUnixFileMode(temporary, UserOnly);
        File.Move(temporary, path, overwrite: true);
    }
}
