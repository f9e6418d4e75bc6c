using System.Collections.Immutable;
using System.Globalization;

namespace Sanatorium.Web.Site.Vision;

public enum ColorScheme
{
    BlackOnWhite,
    WhiteOnBlack,
    BlueOnLightBlue,
    BrownOnBeige,
    GreenOnDarkBrown,
}

public enum ImageMode
{
    Shown,
    Hidden,
    Greyscale,
}

public enum FontFamily
{
    Sans,
    Serif,
}

/// <summary>
/// The settings of the version for the visually impaired, kept in one cookie. The cookie reads like
/// <c>size-150.colors-wb.images-off.letters-2.lines-3.font-serif</c> (see
/// docs/decisions/0010-version-for-the-visually-impaired.md). A visitor's browser can send anything:
/// a part that does not parse is ignored and keeps its default, a cookie with no part that parses is
/// no cookie at all, and nothing here throws.
/// </summary>
public sealed record VisionSettings
{
    public const string CookieName = "a11y";

    /// <summary>The font sizes on offer, in per cent of the normal version's.</summary>
    public static ImmutableArray<int> FontSizes { get; } = [100, 125, 150, 175, 200, 250, 300];

    /// <summary>Letter spacing and line height each come in three steps: 1 (normal), 2 and 3.</summary>
    public static ImmutableArray<int> Steps { get; } = [1, 2, 3];

    /// <summary>The normal version: the mode is off.</summary>
    public static VisionSettings Off { get; } = new() { IsOn = false };

    /// <summary>What the mode starts with, and what "reset" returns to.</summary>
    public static VisionSettings Defaults { get; } = new();

    public bool IsOn { get; private init; } = true;

    public int FontSize { get; private init; } = 100;

    public ColorScheme Colors { get; private init; } = ColorScheme.BlackOnWhite;

    public ImageMode Images { get; private init; } = ImageMode.Shown;

    public int LetterSpacing { get; private init; } = 1;

    public int LineHeight { get; private init; } = 1;

    public FontFamily Font { get; private init; } = FontFamily.Sans;

    /// <summary>True when images are to be replaced by their text alternatives.</summary>
    public bool ImagesAsText => IsOn && Images == ImageMode.Hidden;

    public static string Code(ColorScheme colors) => colors switch
    {
        ColorScheme.WhiteOnBlack => "wb",
        ColorScheme.BlueOnLightBlue => "blue",
        ColorScheme.BrownOnBeige => "beige",
        ColorScheme.GreenOnDarkBrown => "brown",
        _ => "bw",
    };

    public static string Code(ImageMode images) => images switch
    {
        ImageMode.Hidden => "off",
        ImageMode.Greyscale => "grey",
        _ => "on",
    };

    public static string Code(FontFamily font) => font == FontFamily.Serif ? "serif" : "sans";

    /// <summary>Reads the cookie's value; anything that is not a setting is ignored.</summary>
    public static VisionSettings Parse(string? cookie)
    {
        var settings = Defaults;
        var understood = false;
        foreach (var part in (cookie ?? "").Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (settings.With(part) is { } changed)
            {
                (settings, understood) = (changed, true);
            }
        }

        return understood ? settings : Off;
    }

    /// <summary>The cookie's value: every setting, so that the cookie alone says the mode is on.</summary>
    public string Format() =>
        $"size-{FontSize}.colors-{Code(Colors)}.images-{Code(Images)}.letters-{LetterSpacing}.lines-{LineHeight}.font-{Code(Font)}";

    /// <summary>
    /// What one control of the panel asks for: <c>on</c>, <c>off</c>, <c>reset</c>, <c>size-up</c>,
    /// <c>size-down</c> or one setting as the cookie writes it. Unknown requests change nothing.
    /// </summary>
    public VisionSettings Apply(string? change) => change switch
    {
        "on" => IsOn ? this : Defaults,
        "off" => Off,
        "reset" => Defaults,
        "size-up" => Resize(+1),
        "size-down" => Resize(-1),
        _ => (IsOn ? this : Defaults).With(change ?? "") ?? this,
    };

    private VisionSettings Resize(int by)
    {
        var current = IsOn ? this : Defaults;
        var index = Math.Clamp(FontSizes.IndexOf(current.FontSize) + by, 0, FontSizes.Length - 1);
        return current with { FontSize = FontSizes[index] };
    }

    /// <summary>This with one setting changed, or null when <paramref name="part"/> is not a setting.</summary>
    private VisionSettings? With(string part)
    {
        var dash = part.IndexOf('-');
        if (dash <= 0)
        {
            return null;
        }

        var value = part[(dash + 1)..];
        return part[..dash] switch
        {
            "size" when Number(value, FontSizes) is { } size => this with { FontSize = size },
            "colors" when Find(value, Enum.GetValues<ColorScheme>(), Code) is { } colors => this with { Colors = colors },
            "images" when Find(value, Enum.GetValues<ImageMode>(), Code) is { } images => this with { Images = images },
            "letters" when Number(value, Steps) is { } step => this with { LetterSpacing = step },
            "lines" when Number(value, Steps) is { } step => this with { LineHeight = step },
            "font" when Find(value, Enum.GetValues<FontFamily>(), Code) is { } font => this with { Font = font },
            _ => null,
        };
    }

    private static int? Number(string value, ImmutableArray<int> allowed) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && allowed.Contains(number)
            ? number
            : null;

    private static T? Find<T>(string value, IEnumerable<T> all, Func<T, string> code)
        where T : struct, Enum =>
        all.Where(candidate => code(candidate) == value).Select(candidate => (T?)candidate).FirstOrDefault();
}
