namespace OpenC3.Silo;

/// <summary>`Orleans:Tls:*` — mutual TLS on the silo and gateway ports. Off while `CertificateFile` is empty.</summary>
public sealed class ClusterTlsOptions
{
    /// <summary>This process's certificate: PEM together with `KeyFile`, or PKCS#12 (`.pfx`) when `KeyFile` is empty.</summary>
    public string CertificateFile { get; set; } = "";

    /// <summary>The PEM private key of `CertificateFile`.</summary>
    public string KeyFile { get; set; } = "";

    /// <summary>Decrypts the PKCS#12 file or an encrypted PEM key.</summary>
    public string CertificatePassword { get; set; } = "";

    /// <summary>PEM certificate(s) of the cluster's CA: every peer must present a certificate that chains to it.</summary>
    public string CaFile { get; set; } = "";

    public bool IsEnabled => CertificateFile.Length > 0;

    public void Validate()
    {
        if (!IsEnabled && (KeyFile.Length > 0 || CaFile.Length > 0 || CertificatePassword.Length > 0))
        {
            throw new InvalidOperationException("Orleans:Tls needs Orleans:Tls:CertificateFile once any other Orleans:Tls key is set.");
        }

        if (IsEnabled && CaFile.Length == 0)
        {
            throw new InvalidOperationException("Orleans:Tls:CaFile is required with Orleans:Tls:CertificateFile: peers are checked against the cluster's CA only.");
        }
    }
}
