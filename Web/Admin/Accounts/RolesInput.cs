using BackOfficeRoles = Sanatorium.Infrastructure.Identity.Roles;

namespace Sanatorium.Web.Admin.Accounts;

/// <summary>The roles ticked in a form: at least one, and only back office roles (anything else is refused, not ignored).</summary>
public class RolesInput
{
    public List<string> Roles { get; set; } = [];

    /// <summary>The name of the message (AccountResource) that says what is wrong with the roles, or null when nothing is.</summary>
    public string? Problem =>
        Roles.Count == 0 ? "ChooseRole"
        : Roles.Except(BackOfficeRoles.All).Any() ? "UnknownRole"
        : null;

    /// <summary>The roles chosen, each once, in the order of <see cref="BackOfficeRoles.All"/>.</summary>
    public IReadOnlyCollection<string> ChosenRoles => BackOfficeRoles.All.Where(Roles.Contains).ToList();
}
