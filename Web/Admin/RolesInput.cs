namespace Sanatorium.Web.Admin;

/// <summary>The roles ticked in a form; anything that is not a back office role is ignored.</summary>
public class RolesInput
{
    public List<string> Roles { get; set; } = [];

    public IReadOnlyCollection<string> ChosenRoles =>
        Sanatorium.Infrastructure.Identity.Roles.All.Where(Roles.Contains).ToList();
}
