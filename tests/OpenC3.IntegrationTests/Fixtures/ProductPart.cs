namespace OpenC3.IntegrationTests.Fixtures;

/// <summary>
/// One ingredient of a product fixture: the settings it adds (a later part overrides an earlier one) and
/// whatever it runs beside the product (a mail server, an sshd), disposed after the product stopped.
/// </summary>
public abstract class ProductPart : IAsyncDisposable
{
    public virtual Task<Dictionary<string, string>> SettingsAsync(string workDir) => Task.FromResult(Settings());

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected virtual Dictionary<string, string> Settings() => [];
}
