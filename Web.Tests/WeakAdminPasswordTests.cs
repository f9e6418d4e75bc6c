using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Infrastructure.Seed;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

public sealed class WeakAdminPasswordTests(WeakAdminPasswordTests.SiteWithWeakAdminPassword site)
    : IClassFixture<WeakAdminPasswordTests.SiteWithWeakAdminPassword>
{
    /// <summary>A site whose first administrator's password is too weak: it still starts, and creates nobody.</summary>
    public sealed class SiteWithWeakAdminPassword : SiteFactory
    {
        protected override IDictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["Admin:Password"] = "123";
            return settings;
        }
    }

    [Fact]
    public async Task The_site_serves_visitors_and_creates_no_administrator()
    {
        var response = await site.CreateVisitor().GetAsync("/en/treatments/lumbar-pain-syndrome");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(0, await site.WithDbAsync(db => db.Users.CountAsync()));
    }
}
