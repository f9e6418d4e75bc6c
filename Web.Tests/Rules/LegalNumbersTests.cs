using Sanatorium.Core.Content;

namespace Sanatorium.Web.Tests.Rules;

/// <summary>The check digits of INN and OGRN, on numbers of real registers and on one-digit typos of them.</summary>
public sealed class LegalNumbersTests
{
    [Theory]
    [InlineData("7707083893", true)]
    [InlineData("500100732259", true)]
    [InlineData("7707083894", false)]
    [InlineData("500100732258", false)]
    [InlineData("500100732269", false)]
    [InlineData("770708389", false)]
    [InlineData("77070838931", false)]
    [InlineData("77070 8389", false)]
    [InlineData("", false)]
    public void Inn(string value, bool valid) => Assert.Equal(valid, LegalNumbers.IsValidInn(value));

    [Theory]
    [InlineData("1027700132195", true)]
    [InlineData("304500116000157", true)]
    [InlineData("1027700132196", false)]
    [InlineData("304500116000158", false)]
    [InlineData("10277001321950", false)]
    [InlineData("١٠٢٧٧٠٠١٣٢١٩٥", false)]
    public void Ogrn(string value, bool valid) => Assert.Equal(valid, LegalNumbers.IsValidOgrn(value));
}
