using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using OpenC3.Silo;
using OpenC3.TestSupport;
using YamlDotNet.RepresentationModel;

namespace OpenC3.IntegrationTests.Operability;

/// <summary>
/// No Docker engine here (the images are not built in CI): the compose file and Dockerfile are checked as
/// files — the topology, the role argument, the shared volume, no database port beyond loopback, and mutual
/// TLS between the members with certificates from the one-shot `certs` service (its script is run for real).
/// </summary>
public sealed class ContainerFilesTests
{
    /// <summary>Services that are not cluster members: the database and the one-shot certificate issuer.</summary>
    private static readonly string[] Infrastructure = ["mariadb", "certs"];

    private readonly YamlMappingNode compose = Load(Path.Combine(RepoPaths.Root, "docker", "compose.yml"));

    [Fact]
    public void Compose_HasMariaDb_TwoSilos_AndOneClientApi_FromTheOneImage()
    {
        var services = Mapping(compose, "services");
        Assert.Contains("mariadb", services.Children.Keys.Select(k => k.ToString()));
        var roles = Members()
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
        foreach (var (name, service) in Members())
        {
            Assert.True(Volumes(service).Contains("files:/data/files"), $"{name} does not mount the files volume");
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

    [Fact]
    public void Compose_RunsMutualTls_BetweenMembers_WithCertificatesOfTheCertsService()
    {
        var services = Mapping(compose, "services");
        var certs = (YamlMappingNode)services.Children[new YamlScalarNode("certs")];
        var command = string.Join(' ', ((YamlSequenceNode)certs.Children[new YamlScalarNode("command")]).Children.Select(c => c.ToString()));
        Assert.Contains("/make-cluster-certs.sh /tls /tls-ca", command, StringComparison.Ordinal);
        Assert.Contains("./tls/make-cluster-certs.sh:/make-cluster-certs.sh:ro", Volumes(certs));
        foreach (var (name, service) in Members())
        {
            var environment = Environment(service);
            Assert.Equal($"/tls/{name}.crt", environment["Orleans__Tls__CertificateFile"]);
            Assert.Equal($"/tls/{name}.key", environment["Orleans__Tls__KeyFile"]);
            Assert.Equal("/tls/ca.crt", environment["Orleans__Tls__CaFile"]);
            Assert.Matches($@"(^|\s){name}(\s|$)", command);
            Assert.Contains("tls:/tls:ro", Volumes(service));
            Assert.DoesNotContain(Volumes(service), v => v.StartsWith("tls-ca:", StringComparison.Ordinal));
            var certsDependency = Mapping(Mapping(service, "depends_on"), "certs");
            Assert.Equal("service_completed_successfully", certsDependency.Children[new YamlScalarNode("condition")].ToString());
        }
    }

    [Fact]
    public async Task CertsScript_IssuesMemberCertificates_ThatTheProductAcceptsFromEachOther_AndNothingElse()
    {
        var work = Directory.CreateTempSubdirectory("openc3-certs-").FullName;
        try
        {
            void Issue(params string[] members) => RunScript(Path.Combine(work, "tls"), Path.Combine(work, "ca"), members);
            Issue("silo1", "api");
            var silo = ClusterTls.Load(Member(work, "silo1"));
            using var api = X509Certificate2.CreateFromPemFile(Path.Combine(work, "tls", "api.crt"), Path.Combine(work, "tls", "api.key"));
            Assert.True(silo.IsIssuedByClusterAuthority(api));
            Assert.False(File.Exists(Path.Combine(work, "tls", "ca.key")), "the CA key must not sit in the members' volume");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, new FileInfo(Path.Combine(work, "tls", "api.key")).UnixFileMode);

            // A second run keeps the CA and the issued members; only the new member is issued.
            var before = await File.ReadAllTextAsync(Path.Combine(work, "tls", "api.crt"));
            Issue("silo1", "api", "silo2");
            Assert.Equal(before, await File.ReadAllTextAsync(Path.Combine(work, "tls", "api.crt")));
            using var silo2 = Certificate(Path.Combine(work, "tls", "silo2.crt"));
            Assert.True(silo.IsIssuedByClusterAuthority(silo2));

            // Another deployment's CA: its members are strangers here.
            RunScript(Path.Combine(work, "other"), Path.Combine(work, "other-ca"), "silo1");
            using var stranger = Certificate(Path.Combine(work, "other", "silo1.crt"));
            Assert.False(silo.IsIssuedByClusterAuthority(stranger));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static ClusterTlsOptions Member(string work, string name) => new()
    {
        CertificateFile = Path.Combine(work, "tls", $"{name}.crt"),
        KeyFile = Path.Combine(work, "tls", $"{name}.key"),
        CaFile = Path.Combine(work, "tls", "ca.crt"),
    };

    private static X509Certificate2 Certificate(string pemFile) => X509Certificate2.CreateFromPem(File.ReadAllText(pemFile));

    private static void RunScript(string certDir, string caDir, params string[] members)
    {
        var info = new ProcessStartInfo("sh") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { Path.Combine(RepoPaths.Root, "docker", "tls", "make-cluster-certs.sh"), certDir, caDir }.Concat(members))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "make-cluster-certs.sh did not finish");
        Assert.True(process.ExitCode == 0, $"make-cluster-certs.sh failed: {output}");
    }

    private IEnumerable<KeyValuePair<YamlNode, YamlNode>> Members() =>
        Mapping(compose, "services").Children.Where(s => !Infrastructure.Contains(s.Key.ToString()));

    private static List<string> Volumes(YamlNode service) =>
        ((YamlSequenceNode)((YamlMappingNode)service).Children[new YamlScalarNode("volumes")]).Children.Select(v => v.ToString()).ToList();

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
