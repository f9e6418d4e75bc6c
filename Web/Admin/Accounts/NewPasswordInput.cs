using System.ComponentModel.DataAnnotations;

namespace Sanatorium.Web.Admin.Accounts;

/// <summary>A new password typed twice (Identity's rules check the rest: length, kinds of character).</summary>
public class NewPasswordInput
{
    [Required(ErrorMessage = "NewPasswordRequired")]
    [DataType(DataType.Password)]
    [Display(Name = "NewPassword")]
    public string NewPassword { get; set; } = "";

    [DataType(DataType.Password)]
    [Display(Name = "ConfirmPassword")]
    [Compare(nameof(NewPassword), ErrorMessage = "PasswordsDiffer")]
    public string ConfirmPassword { get; set; } = "";
}
