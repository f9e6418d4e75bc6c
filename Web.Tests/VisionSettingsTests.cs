using Sanatorium.Web.Site.Vision;

namespace Sanatorium.Web.Tests;

/// <summary>The cookie of the version for the visually impaired: what it keeps, and what it ignores.</summary>
public sealed class VisionSettingsTests
{
    [Fact]
    public void No_cookie_is_the_normal_version()
    {
        Assert.False(VisionSettings.Parse(null).IsOn);
        Assert.False(VisionSettings.Parse("").IsOn);
    }

    [Fact]
    public void Every_setting_survives_the_cookie()
    {
        var settings = VisionSettings.Defaults
            .Apply("size-250").Apply("colors-brown").Apply("images-grey")
            .Apply("letters-3").Apply("lines-2").Apply("font-serif");

        var read = VisionSettings.Parse(settings.Format());

        Assert.Equal(settings, read);
        Assert.Equal("size-250.colors-brown.images-grey.letters-3.lines-2.font-serif", settings.Format());
        Assert.Equal((250, ColorScheme.GreenOnDarkBrown, ImageMode.Greyscale, 3, 2, FontFamily.Serif),
            (read.FontSize, read.Colors, read.Images, read.LetterSpacing, read.LineHeight, read.Font));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("....")]
    [InlineData("size-")]
    [InlineData("-150")]
    [InlineData("size-99999999999999999999")]
    [InlineData("colors-<script>")]
    [InlineData("size-+150")]
    [InlineData("size- 150")]
    public void A_cookie_with_nothing_the_site_understands_is_the_normal_version(string cookie) =>
        Assert.Equal(VisionSettings.Off, VisionSettings.Parse(cookie));

    [Fact]
    public void A_bad_part_keeps_its_default_and_the_good_parts_stay()
    {
        var read = VisionSettings.Parse("size-170.colors-wb.images-maybe.letters-9.lines-3.font-comic.extra-1");

        Assert.True(read.IsOn);
        Assert.Equal(100, read.FontSize);
        Assert.Equal(ColorScheme.WhiteOnBlack, read.Colors);
        Assert.Equal(ImageMode.Shown, read.Images);
        Assert.Equal(1, read.LetterSpacing);
        Assert.Equal(3, read.LineHeight);
        Assert.Equal(FontFamily.Sans, read.Font);
    }

    [Fact]
    public void Larger_and_smaller_step_through_the_sizes_and_stop_at_the_ends()
    {
        var settings = VisionSettings.Defaults;
        var sizes = new List<int>();
        for (var i = 0; i < VisionSettings.FontSizes.Length + 1; i++)
        {
            settings = settings.Apply("size-up");
            sizes.Add(settings.FontSize);
        }

        Assert.Equal([125, 150, 175, 200, 250, 300, 300, 300], sizes);
        Assert.Equal(250, settings.Apply("size-down").FontSize);
        Assert.Equal(100, VisionSettings.Defaults.Apply("size-down").FontSize);
    }

    [Fact]
    public void On_off_and_reset()
    {
        var changed = VisionSettings.Off.Apply("on").Apply("colors-blue").Apply("size-200");

        Assert.Equal(VisionSettings.Defaults, VisionSettings.Off.Apply("on"));
        Assert.Equal(changed, changed.Apply("on"));
        Assert.Equal(VisionSettings.Defaults, changed.Apply("reset"));
        Assert.False(changed.Apply("off").IsOn);
        // A setting chosen while the mode is off turns it on with that setting.
        Assert.Equal(ColorScheme.WhiteOnBlack, VisionSettings.Off.Apply("colors-wb").Colors);
        Assert.True(VisionSettings.Off.Apply("colors-wb").IsOn);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("everything")]
    [InlineData("size-123")]
    public void An_unknown_change_changes_nothing(string? change)
    {
        var settings = VisionSettings.Defaults.Apply("colors-beige");

        Assert.Equal(settings, settings.Apply(change));
        Assert.Equal(VisionSettings.Off, VisionSettings.Off.Apply(change));
    }

    [Fact]
    public void Images_are_replaced_by_text_only_when_hidden_and_the_mode_is_on()
    {
        Assert.True(VisionSettings.Defaults.Apply("images-off").ImagesAsText);
        Assert.False(VisionSettings.Defaults.Apply("images-grey").ImagesAsText);
        Assert.False(VisionSettings.Off.ImagesAsText);
    }
}
