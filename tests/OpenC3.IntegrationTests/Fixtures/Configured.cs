using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Fixtures;

/// <summary>Plain configuration keys a named fixture sets.</summary>
public sealed class Configured(params (string Key, string Value)[] options) : ProductPart
{
    protected override Dictionary<string, string> Settings() => options.ToDictionary(o => o.Key, o => o.Value);
}

/// <summary>The test sshd farm as the product's SSH login, key and port.</summary>
public sealed class SshFarm : ProductPart
{
    protected override Dictionary<string, string> Settings() => ProductSettings.SshFarm;
}
