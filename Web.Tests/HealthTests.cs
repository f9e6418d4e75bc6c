using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

public sealed class HealthTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Healthz_answers_200_when_the_database_answers()
    {
        var response = await site.CreateVisitor().GetAsync("/healthz");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
