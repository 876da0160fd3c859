using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Abstractions.Connector;
using OpenC3.Grains.Storage;

namespace OpenC3.Grains.Connector;

/// <summary>
/// Creates the admin user `open-c3` (global level 3) on the first start of a deployment. Its password
/// comes from configuration; otherwise a random one is printed once and written to
/// `data/initial-admin-password` (0600). There is never a fixed default password.
/// </summary>
public sealed class AdminSeeder(SqlDatabase database, IOptions<ConnectorOptions> options, TimeProvider clock, ILogger<AdminSeeder> logger)
{
    public const string AdminUser = "open-c3";
    public const string PasswordFile = "data/initial-admin-password";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var configured = System.Environment.GetEnvironmentVariable("OPENC3_ADMIN_PASSWORD") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : options.Value.AdminPassword;
        var password = string.IsNullOrEmpty(configured) ? PasswordHasher.NewRandomPassword() : configured;

        await using var connection = await database.OpenAsync(cancellationToken);
        var created = await connection.ExecuteAsync(
            "INSERT INTO openc3_connector_userinfo (name, pass, create_time) SELECT @user, @pass, @now WHERE NOT EXISTS (SELECT 1 FROM openc3_connector_userinfo WHERE name = @user)",
            new { user = AdminUser, pass = PasswordHasher.Hash(password), now = TimeFormat.Now(clock) });
        if (created == 0)
        {
            return;
        }

        await connection.ExecuteAsync(database.Upsert("openc3_connector_userauth", ["name", "level"], ["name"], ["level"]), new { name = AdminUser, level = 3 });
        if (!string.IsNullOrEmpty(configured))
        {
            logger.LogInformation("Created admin user {User} with the configured password", AdminUser);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(PasswordFile))!);
        var owner = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            owner.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var file = new StreamWriter(PasswordFile, owner))
        {
            await file.WriteLineAsync(password.AsMemory(), cancellationToken);
        }

        // Printed on the console only, once: it is the only way in until the admin changes it.
        Console.WriteLine($"Created admin user {AdminUser} with password: {password}  (also in {Path.GetFullPath(PasswordFile)}, mode 0600)");
    }
}
