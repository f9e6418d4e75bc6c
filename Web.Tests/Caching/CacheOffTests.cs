using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Caching;

/// <summary>With <c>OutputCache:Enabled</c> false (the bench's run without the cache) every page is rendered afresh.</summary>
public sealed class CacheOffTests(CacheOffTests.UncachedSite site) : IClassFixture<CacheOffTests.UncachedSite>
{
    public sealed class UncachedSite : SiteFactory
    {
        protected override IDictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["OutputCache:Enabled"] = "false";
            return settings;
        }
    }

    [Fact]
    public async Task Every_request_renders_the_page_from_the_database()
    {
        await site.CreateVisitor().GetAsync(Cached.Treatment);
        await Cached.RetitleAsync(site.ConnectionString, "Fresh");

        var response = await site.CreateVisitor().GetAsync(Cached.Treatment);

        Assert.False(response.FromCache());
        Assert.Contains("Fresh</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
