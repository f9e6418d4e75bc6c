using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

public sealed class HealthWithoutDatabaseTests(HealthWithoutDatabaseTests.SiteWithoutDatabase site)
    : IClassFixture<HealthWithoutDatabaseTests.SiteWithoutDatabase>
{
    /// <summary>A site whose database has gone away: nothing listens on its port.</summary>
    public sealed class SiteWithoutDatabase : SiteFactory
    {
        protected override IDictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["ConnectionStrings:Sanatorium"] = "Host=127.0.0.1;Port=1;Database=gone;Timeout=3";
            settings["Database:MigrateOnStartup"] = "false";
            return settings;
        }
    }

    [Fact]
    public async Task Healthz_answers_503_when_the_database_does_not()
    {
        var response = await site.CreateVisitor().GetAsync("/healthz");

        Assert.Equal(503, (int)response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_liveness_check_answers_200_when_the_database_does_not()
    {
        var response = await site.CreateVisitor().GetAsync("/healthz/live");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
