using Microsoft.Extensions.Localization;

namespace Sanatorium.Web.Admin;

/// <summary>
/// Looks a string up in one resource, then in another: the back office's validation messages live
/// in AdminResource and, for account pages, in AccountResource.
/// </summary>
internal sealed class FallbackStringLocalizer(IStringLocalizer first, IStringLocalizer second) : IStringLocalizer
{
    public LocalizedString this[string name] => First(first[name], second[name]);

    public LocalizedString this[string name, params object[] arguments] =>
        First(first[name, arguments], second[name, arguments]);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        first.GetAllStrings(includeParentCultures).Concat(second.GetAllStrings(includeParentCultures));

    private static LocalizedString First(LocalizedString found, LocalizedString otherwise) =>
        found.ResourceNotFound ? otherwise : found;
}
