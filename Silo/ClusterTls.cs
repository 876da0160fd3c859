using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace OpenC3.Silo;

/// <summary>
/// Mutual TLS for silo-to-silo and client-to-gateway connections: each side presents its certificate and
/// accepts only a peer whose certificate chains to the cluster's CA (never the machine's trust store).
/// </summary>
public sealed class ClusterTls(X509Certificate2 certificate, X509Certificate2Collection authorities)
{
    public static ClusterTls Load(ClusterTlsOptions options)
    {
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(options.CaFile);
        if (authorities.Count == 0)
        {
            throw new InvalidOperationException($"Orleans:Tls:CaFile '{options.CaFile}' holds no PEM certificate.");
        }

        return new ClusterTls(LoadCertificate(options), authorities);
    }

    public void Configure(TlsOptions tls)
    {
        tls.LocalCertificate = certificate;
        tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        // Host names are not compared: silos are reached by advertised address, and the CA issues for this cluster only.
        tls.RemoteCertificateValidation = (peer, _, _) => IsIssuedByClusterAuthority(peer);
    }

    public bool IsIssuedByClusterAuthority(X509Certificate2 peer)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.ExtraStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        return chain.Build(peer);
    }

    private static X509Certificate2 LoadCertificate(ClusterTlsOptions options)
    {
        var password = options.CertificatePassword.Length > 0 ? options.CertificatePassword : null;
        if (options.KeyFile.Length == 0)
        {
            return X509CertificateLoader.LoadPkcs12FromFile(options.CertificateFile, password);
        }

        return password is null
            ? X509Certificate2.CreateFromPemFile(options.CertificateFile, options.KeyFile)
            : X509Certificate2.CreateFromEncryptedPemFile(options.CertificateFile, password, options.KeyFile);
    }
}
