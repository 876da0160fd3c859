using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OpenC3.Silo;

namespace OpenC3.ClusterTests;

/// <summary>`Orleans:Tls:*` without a cluster: the certificate forms an operator may hand over, and the keys that must go together.</summary>
public sealed class ClusterTlsConfigurationTests : IDisposable
{
    private const string Password = "pfx-secret";

    private readonly string directory = Directory.CreateTempSubdirectory("openc3-tls-").FullName;

    [Fact]
    public void PfxWithPassword_AndEncryptedPemKey_Load_AndAcceptOnlyPeersOfTheCa()
    {
        var authority = ClusterAuthority.Create(directory, "cluster");
        using var member = authority.Issue("silo1");
        using var peer = authority.Issue("api");
        using var stranger = ClusterAuthority.Create(directory, "stranger").Issue("api");
        var pfx = Path.Combine(directory, "silo1.pfx");
        File.WriteAllBytes(pfx, member.Export(X509ContentType.Pkcs12, Password));
        using var key = member.GetECDsaPrivateKey()!;
        var cert = Write("silo1.crt", member.ExportCertificatePem());
        var encryptedKey = Write("silo1.key", key.ExportEncryptedPkcs8PrivateKeyPem(Password, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000)));

        foreach (var options in new[]
        {
            new ClusterTlsOptions { CertificateFile = pfx, CertificatePassword = Password, CaFile = authority.CaFile },
            new ClusterTlsOptions { CertificateFile = cert, KeyFile = encryptedKey, CertificatePassword = Password, CaFile = authority.CaFile },
        })
        {
            options.Validate();
            var tls = ClusterTls.Load(options);
            Assert.True(tls.IsIssuedByClusterAuthority(peer));
            Assert.False(tls.IsIssuedByClusterAuthority(stranger));
        }

        Assert.ThrowsAny<CryptographicException>(() => ClusterTls.Load(new ClusterTlsOptions { CertificateFile = pfx, CertificatePassword = "wrong", CaFile = authority.CaFile }));
    }

    [Fact]
    public void TlsKeys_WithoutACertificateOrWithoutTheCa_AreRejectedAtStart()
    {
        Assert.Throws<InvalidOperationException>(new ClusterTlsOptions { CertificateFile = "member.crt", KeyFile = "member.key" }.Validate);
        Assert.Throws<InvalidOperationException>(new ClusterTlsOptions { CaFile = "ca.crt" }.Validate);
        new ClusterTlsOptions().Validate();
        var empty = Write("empty-ca.crt", "");
        var authority = ClusterAuthority.Create(directory, "cluster");
        var member = authority.Member("silo1");
        Assert.Throws<InvalidOperationException>(() => ClusterTls.Load(new ClusterTlsOptions
        {
            CertificateFile = member["Orleans:Tls:CertificateFile"],
            KeyFile = member["Orleans:Tls:KeyFile"],
            CaFile = empty,
        }));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Write(string file, string text)
    {
        var path = Path.Combine(directory, file);
        File.WriteAllText(path, text);
        return path;
    }
}
