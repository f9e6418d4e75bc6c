using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>A wrong setting stops the site at start, as an operator starts it, with a message that names the key to fix.</summary>
public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("ConnectionStrings:Sanatorium", "")]
    [InlineData("Site:BaseUrl", "")]
    [InlineData("Site:BaseUrl", "staraya-russa.test")]
    [InlineData("Smtp:Host", "")]
    [InlineData("Smtp:Port", "0")]
    [InlineData("Smtp:FromAddress", "not an address")]
    [InlineData("Smtp:Security", "Tls")]
    [InlineData("Newsletter:MessagesPerSecond", "0")]
    [InlineData("Newsletter:Lease", "00:00:01")]
    [InlineData("Newsletter:Dkim:PrivateKeyPath", "/nonexistent/dkim.pem")]
    [InlineData("Enquiries:RetentionDays", "0")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "10.0.0.300")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/33")]
    public async Task A_missing_or_malformed_setting_fails_the_start_naming_the_key(string key, string value)
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Sanatorium"] = "Host=127.0.0.1;Port=1;Database=never-used",
            ["Database__MigrateOnStartup"] = "false",
            ["Site__BaseUrl"] = SiteFactory.BaseUrl,
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__FromAddress"] = "promo@staraya-russa.test",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        };
        settings[key.Replace(":", "__")] = value;

        var (exitCode, output) = await SiteProcess.RunAsync(settings);

        Assert.NotEqual(0, exitCode);
        Assert.Contains(key, output);
    }
}
