using System.Security.Cryptography;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;

namespace Sanatorium.Web.Tests.Campaigns.Dispatch;

/// <summary>
/// A DKIM key pair made for a test: the private key in a PEM file for <c>Newsletter:Dkim:PrivateKeyPath</c>,
/// the public key served to MimeKit's <see cref="DkimVerifier"/> as the DNS TXT record would serve it.
/// </summary>
public sealed class TestDkimKey : DkimPublicKeyLocatorBase, IDisposable
{
    public const string Domain = "staraya-russa.test";

    public const string Selector = "promo";

    private readonly string record;

    public TestDkimKey()
    {
        using var rsa = RSA.Create(2048);
        PrivateKeyPath = Path.Combine(Path.GetTempPath(), $"dkim-{Guid.NewGuid():N}.pem");
        File.WriteAllText(PrivateKeyPath, rsa.ExportRSAPrivateKeyPem());
        record = "v=DKIM1; k=rsa; p=" + Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
    }

    public string PrivateKeyPath { get; }

    public override AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
        domain == Domain && selector == Selector ? GetPublicKey(record) : throw new InvalidOperationException($"No key for {selector}._domainkey.{domain}.");

    public override Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
        Task.FromResult(LocatePublicKey(methods, domain, selector, cancellationToken));

    public void Dispose() => File.Delete(PrivateKeyPath);
}
