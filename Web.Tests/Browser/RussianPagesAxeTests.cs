namespace Sanatorium.Web.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class RussianPagesAxeTests(SiteWithPromotion site) : IClassFixture<SiteWithPromotion>
{
    public static TheoryData<string, string> Cases() => AxeChecks.Cases(english: false);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task The_page_has_no_violations(string path, string colors) => AxeChecks.AssertNoViolationsAsync(site, path, colors);
}
