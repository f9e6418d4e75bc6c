using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Sanatorium.Web.Areas.Admin.Pages.Marketing.Imports;

/// <summary>File sizes as the import pages show them, in megabytes.</summary>
public static class ImportSizes
{
    public static string Format(long bytes, IStringLocalizer<ImportResource> text) =>
        string.Format(CultureInfo.CurrentCulture, text["Megabytes"].Value, bytes / 1048576.0);
}
