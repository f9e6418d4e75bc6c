using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Sanatorium.Core.Content;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Admin.Content;

/// <summary>
/// What the package editor posts, every field as text so that whatever arrives is checked here, with
/// a message in the editor's language, rather than refused by model binding.
/// </summary>
public sealed class StayPackageForm
{
    /// <summary>The most a price can be: the column holds 12 digits, two of them after the point.</summary>
    public const decimal MaxPrice = 9_999_999_999.99m;

    /// <summary>The value of an HTML date input.</summary>
    private const string DateFormat = "yyyy-MM-dd";

    public string? NameRu { get; set; }

    public string? NameEn { get; set; }

    public string? IncludedRu { get; set; }

    public string? IncludedEn { get; set; }

    public string? Nights { get; set; }

    public string? Price { get; set; }

    public string? ValidFrom { get; set; }

    public string? ValidTo { get; set; }

    public string? SortOrder { get; set; } = "0";

    /// <summary>The package's version when the form was opened: a save over someone else's is refused.</summary>
    public string? Version { get; set; }

    public static StayPackageForm From(StayPackage package) => new()
    {
        NameRu = package.NameRu,
        NameEn = package.NameEn,
        IncludedRu = package.IncludedRu,
        IncludedEn = package.IncludedEn,
        Nights = package.Nights.ToString(CultureInfo.InvariantCulture),
        Price = package.PricePerPerson.ToString("0.##", CultureInfo.InvariantCulture),
        ValidFrom = package.ValidFrom?.ToString(DateFormat, CultureInfo.InvariantCulture),
        ValidTo = package.ValidTo?.ToString(DateFormat, CultureInfo.InvariantCulture),
        SortOrder = package.SortOrder.ToString(CultureInfo.InvariantCulture),
        Version = package.Version.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Checks every field and, when all are right, writes them to <paramref name="package"/>; otherwise
    /// leaves it as it was and puts a message for each wrong field in <paramref name="state"/>.
    /// </summary>
    public bool TryWrite(StayPackage package, ModelStateDictionary state, IStringLocalizer text, ContentRenderer markdown)
    {
        var nameRu = Name(state, text, nameof(NameRu), NameRu);
        var nameEn = Name(state, text, nameof(NameEn), NameEn);
        var includedRu = Included(state, text, markdown, nameof(IncludedRu), IncludedRu);
        var includedEn = Included(state, text, markdown, nameof(IncludedEn), IncludedEn);

        if (!int.TryParse(Nights?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var nights) || nights is < 1 or > StayPackage.MaxNights)
        {
            state.AddModelError(Key(nameof(Nights)), text["NightsInvalid", StayPackage.MaxNights]);
        }

        if (!TryParsePrice(Price, out var price))
        {
            state.AddModelError(Key(nameof(Price)), text["PriceInvalid"]);
        }

        var from = Date(state, text, nameof(ValidFrom), ValidFrom);
        var to = Date(state, text, nameof(ValidTo), ValidTo);
        if (from is { } start && to is { } end && end < start)
        {
            state.AddModelError(Key(nameof(ValidTo)), text["ValidToBeforeFrom"]);
        }

        if (!ContentFields.TryParseSortOrder(SortOrder?.Trim(), out var order))
        {
            state.AddModelError(Key(nameof(SortOrder)), text["SortOrderInvalid", ContentFields.MaxSortOrder]);
        }

        if (!state.IsValid)
        {
            return false;
        }

        (package.NameRu, package.NameEn, package.IncludedRu, package.IncludedEn) = (nameRu, nameEn, includedRu, includedEn);
        (package.Nights, package.PricePerPerson, package.ValidFrom, package.ValidTo, package.SortOrder) = (nights, price, from, to, order);
        return true;
    }

    /// <summary>What the form sent as the version it was opened at; null when it is not a version.</summary>
    public uint? OpenedVersion() =>
        uint.TryParse(Version, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;

    /// <summary>
    /// A price as a number input sends it (whatever the browser shows): digits and a point before at most
    /// two decimals; from 0 to <see cref="MaxPrice"/>.
    /// </summary>
    public static bool TryParsePrice(string? value, out decimal price)
    {
        return decimal.TryParse(value?.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out price)
            && price <= MaxPrice
            && decimal.Round(price, 2) == price;
    }

    private static string Key(string field) => "Input." + field;

    private static string Name(ModelStateDictionary state, IStringLocalizer text, string field, string? value)
    {
        var name = value?.Trim() ?? "";
        if (name.Length == 0)
        {
            state.AddModelError(Key(field), text["NameRequired"]);
        }
        else if (name.Length > StayPackage.MaxNameLength)
        {
            state.AddModelError(Key(field), text["TooLong", StayPackage.MaxNameLength]);
        }

        return name;
    }

    private static string Included(ModelStateDictionary state, IStringLocalizer text, ContentRenderer markdown, string field, string? value)
    {
        var included = value?.Trim() ?? "";
        if (included.Length > StayPackage.MaxIncludedLength)
        {
            state.AddModelError(Key(field), text["TooLong", StayPackage.MaxIncludedLength]);
        }
        else if (!markdown.CanRender(included))
        {
            state.AddModelError(Key(field), text["IncludedTooComplex"]);
        }

        return included;
    }

    private static DateOnly? Date(ModelStateDictionary state, IStringLocalizer text, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (ContentFields.TryParseDate(value.Trim(), out var day))
        {
            return day;
        }

        state.AddModelError(Key(field), text["DateInvalid"]);
        return null;
    }
}
