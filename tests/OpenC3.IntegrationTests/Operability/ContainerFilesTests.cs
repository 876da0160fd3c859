using OpenC3.TestSupport;
using YamlDotNet.RepresentationModel;

namespace OpenC3.IntegrationTests.Operability;

/// <summary>
/// No Docker engine here (the images are not built in CI): the compose file and Dockerfile are checked as
/// files — the topology, the role argument, the shared volume, and no database port beyond loopback.
/// </summary>
public sealed class ContainerFilesTests
{
    private readonly YamlMappingNode compose = Load(Path.Combine(RepoPaths.Root, "docker", "compose.yml"));

    [Fact]
    public void Compose_HasMariaDb_TwoSilos_AndOneClientApi_FromTheOneImage()
    {
        var services = Mapping(compose, "services");
        Assert.Contains("mariadb", services.Children.Keys.Select(k => k.ToString()));
        var roles = services.Children
            .Where(s => s.Key.ToString() != "mariadb")
            .ToDictionary(s => s.Key.ToString(), s => (Role: Environment(s.Value)["ROLE"], Build: Mapping(s.Value, "build")));
        Assert.Equal(2, roles.Values.Count(r => r.Role == "silo"));
        Assert.Equal(1, roles.Values.Count(r => r.Role == "api"));
        foreach (var (name, (role, build)) in roles)
        {
            Assert.Equal("docker/Dockerfile", build.Children[new YamlScalarNode("dockerfile")].ToString());
            Assert.Equal(role, Mapping(build, "args").Children[new YamlScalarNode("ROLE")].ToString());
            var environment = Environment(services.Children[new YamlScalarNode(name)]);
            Assert.Equal("mysql", environment["Storage__Provider"]);
            Assert.Equal(role == "api" ? "client" : "silo", environment["Orleans__Mode"]);
        }
    }

    [Fact]
    public void Compose_SharesTheFilesVolume_AndPublishesNoDatabasePortBeyondLoopback()
    {
        Assert.Contains("files", Mapping(compose, "volumes").Children.Keys.Select(k => k.ToString()));
        var services = Mapping(compose, "services");
        foreach (var (name, service) in services.Children.Where(s => s.Key.ToString() != "mariadb"))
        {
            var volumes = ((YamlSequenceNode)((YamlMappingNode)service).Children[new YamlScalarNode("volumes")]).Children.Select(v => v.ToString());
            Assert.True(volumes.Contains("files:/data/files"), $"{name} does not mount the files volume");
        }

        foreach (var (name, service) in services.Children)
        {
            if (((YamlMappingNode)service).Children.TryGetValue(new YamlScalarNode("ports"), out var ports))
            {
                Assert.All(((YamlSequenceNode)ports).Children.Select(p => p.ToString()), port =>
                    Assert.True(!port.Split(':')[^1].StartsWith("3306", StringComparison.Ordinal) || port.StartsWith("127.0.0.1:", StringComparison.Ordinal), $"{name} publishes a database port: {port}"));
            }
        }

        Assert.False(((YamlMappingNode)services.Children[new YamlScalarNode("mariadb")]).Children.ContainsKey(new YamlScalarNode("ports")), "MariaDB must not publish a port");
    }

    [Fact]
    public void Dockerfile_IsMultiStage_NonRoot_WithARoleArgument_AndTheReadmeSaysItIsNotBuiltInCi()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "docker", "Dockerfile"));
        Assert.True(lines.Count(l => l.StartsWith("FROM ", StringComparison.Ordinal)) >= 2);
        Assert.Contains(lines, l => l.StartsWith("ARG ROLE", StringComparison.Ordinal));
        var user = Assert.Single(lines, l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.NotEqual("USER root", user.Trim());
        Assert.Contains(lines, l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal) && l.Contains("$ROLE", StringComparison.Ordinal) && l.Contains("OpenC3.Silo.dll", StringComparison.Ordinal));
        Assert.Contains("not built in CI", File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")), StringComparison.Ordinal);
    }

    private static YamlMappingNode Load(string path)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(path);
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Mapping(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    /// <summary>A service's environment with YAML merge keys (`&lt;&lt;: *anchor` or a list of them) applied, later keys winning.</summary>
    private static Dictionary<string, string> Environment(YamlNode service)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        Merge(Mapping(service, "environment"), result);
        return result;
    }

    private static void Merge(YamlMappingNode mapping, Dictionary<string, string> into)
    {
        if (mapping.Children.TryGetValue(new YamlScalarNode("<<"), out var merged))
        {
            foreach (var source in merged is YamlSequenceNode list ? list.Children : [merged])
            {
                Merge((YamlMappingNode)source, into);
            }
        }

        foreach (var (key, value) in mapping.Children.Where(c => c.Key.ToString() != "<<"))
        {
            into[key.ToString()] = value.ToString();
        }
    }
}
