namespace OpenC3.TestSupport;

/// <summary>
/// The real servers the test command starts (`test.sh`): a throwaway MariaDB and an sshd host farm.
/// A missing server is a test failure with a clear message, never a silent skip.
/// </summary>
public static class TestServers
{
    /// <summary>Admin connection string (may create databases) of the test MariaDB.</summary>
    public static string MySqlAdmin => Require("OPENC3_TEST_MYSQL", "MariaDB");

    public static string SshUser => Require("OPENC3_TEST_SSH_USER", "sshd host farm");

    /// <summary>A second user the farm's login may become with `sudo -n -u` (no password), for steps with another `user`.</summary>
    public static string SudoUser => Require("OPENC3_TEST_SUDO_USER", "sshd host farm");

    public static string SshKeyFile => Require("OPENC3_TEST_SSH_KEY", "sshd host farm");

    public static int SshPort => int.Parse(Require("OPENC3_TEST_SSH_PORT", "sshd host farm"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Loopback addresses served by the farm's sshd, e.g. 127.0.0.2 … 127.0.0.201.</summary>
    public static IReadOnlyList<string> SshHosts => Require("OPENC3_TEST_SSH_HOSTS", "sshd host farm").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Require(string variable, string server) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set: the {server} is not running. Run the tests with ./test.sh, which starts it.");
}
