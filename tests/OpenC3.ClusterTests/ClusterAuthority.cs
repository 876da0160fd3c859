using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OpenC3.ClusterTests;

/// <summary>A throwaway CA that issues cluster member certificates as PEM files, the way an operator hands them to the product.</summary>
public sealed class ClusterAuthority
{
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    private readonly X509Certificate2 certificate;
    private readonly string directory;
    private readonly string name;

    private ClusterAuthority(X509Certificate2 certificate, string directory, string name)
    {
        this.certificate = certificate;
        this.directory = directory;
        this.name = name;
        CaFile = Write($"{name}-ca.crt", certificate.ExportCertificatePem());
    }

    public string CaFile { get; }

    public static ClusterAuthority Create(string directory, string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name} cluster CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return new ClusterAuthority(request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1)), directory, name);
    }

    /// <summary>`Orleans:Tls:*` for a member holding a certificate of this CA and trusting <paramref name="trustedCaFile"/> (this CA by default).</summary>
    public Dictionary<string, string> Member(string member, string? trustedCaFile = null)
    {
        using var issued = Issue(member);
        using var key = issued.GetECDsaPrivateKey()!;
        return new Dictionary<string, string>
        {
            ["Orleans:Tls:CertificateFile"] = Write($"{name}-{member}.crt", issued.ExportCertificatePem()),
            ["Orleans:Tls:KeyFile"] = Write($"{name}-{member}.key", key.ExportPkcs8PrivateKeyPem()),
            ["Orleans:Tls:CaFile"] = trustedCaFile ?? CaFile,
        };
    }

    /// <summary>A member certificate with its private key, usable as TLS server and client.</summary>
    public X509Certificate2 Issue(string member)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={member}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthentication), new Oid(ClientAuthentication)], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(member);
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(certificate, true, false));
        using var issued = request.Create(certificate, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(12), RandomNumberGenerator.GetBytes(16));
        return issued.CopyWithPrivateKey(key);
    }

    private string Write(string file, string pem)
    {
        var path = Path.Combine(directory, file);
        File.WriteAllText(path, pem);
        return path;
    }
}
