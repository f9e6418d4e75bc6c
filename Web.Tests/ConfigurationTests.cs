using Microsoft.Extensions.Options;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>A wrong setting stops the site at start with a message that names the key to fix.</summary>
public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("ConnectionStrings:Sanatorium", "", "ConnectionStrings:Sanatorium")]
    [InlineData("Site:BaseUrl", "", "Site:BaseUrl")]
    [InlineData("Site:BaseUrl", "staraya-russa.test", "Site:BaseUrl")]
    [InlineData("Smtp:Host", "", "Smtp:Host")]
    [InlineData("Smtp:Port", "0", "Smtp:Port")]
    [InlineData("Smtp:FromAddress", "not an address", "Smtp:FromAddress")]
    public async Task A_missing_or_malformed_setting_fails_the_start_naming_the_key(string key, string value, string named)
    {
        await using var site = new SiteWithSetting(key, value);

        var error = Assert.Throws<OptionsValidationException>(() => site.Services);

        Assert.Contains(named, error.Message);
    }

    private sealed class SiteWithSetting(string key, string value) : SiteFactory
    {
        protected override IDictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["ConnectionStrings:Sanatorium"] = "Host=127.0.0.1;Port=1;Database=never-used";
            settings["Database:MigrateOnStartup"] = "false";
            settings[key] = value;
            return settings;
        }
    }
}
