using System.ComponentModel.DataAnnotations;

namespace Sanatorium.Web.Admin.Accounts;

/// <summary>The password asked again before a change that weakens the login (two-factor off, new recovery codes).</summary>
public sealed class CurrentPasswordInput
{
    [Required(ErrorMessage = "PasswordRequired")]
    [DataType(DataType.Password)]
    [Display(Name = "CurrentPassword")]
    public string CurrentPassword { get; set; } = "";
}
