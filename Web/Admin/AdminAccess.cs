using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Sanatorium.Infrastructure.Identity;

namespace Sanatorium.Web.Admin;

/// <summary>
/// Who may open which part of the back office: one convention per folder of Areas/Admin/Pages,
/// so a new page is protected by where it is put (see docs/decisions/0007-back-office-access.md).
/// </summary>
public static class AdminAccess
{
    public const string Area = "Admin";

    /// <summary>Anyone with a back office role.</summary>
    public const string Staff = "Staff";

    public const string Content = "Content";

    public const string Marketing = "Marketing";

    public const string Administration = "Administration";

    /// <summary>The enquiries inbox: Administrators and Marketers (docs/decisions/0024-contacts-and-enquiries.md).</summary>
    public const string Enquiries = "Enquiries";

    /// <summary>The folders under Areas/Admin/Pages and the roles that may open them; the rest needs <see cref="Staff"/>.</summary>
    public static IReadOnlyDictionary<string, string> FolderPolicies { get; } = new Dictionary<string, string>
    {
        ["/Content"] = Content,
        ["/Prices"] = Content,
        ["/Operator"] = Administration,
        ["/Marketing"] = Marketing,
        ["/Users"] = Administration,
        ["/Audit"] = Administration,
        ["/Enquiries"] = Enquiries,
    };

    /// <summary>Who may open the enquiries inbox, and so whom an enquiry can be assigned to.</summary>
    public static IReadOnlyList<string> EnquiryRoles { get; } = [Roles.Administrator, Roles.Marketer];

    /// <summary>Pages for people who are not logged in yet (login, password reset, second factor).</summary>
    public const string AnonymousFolder = "/Account";

    public static void AddPolicies(AuthorizationOptions options)
    {
        options.AddPolicy(Staff, p => p.RequireRole(Roles.All));
        options.AddPolicy(Content, p => p.RequireRole(Roles.Administrator, Roles.Editor));
        options.AddPolicy(Marketing, p => p.RequireRole(Roles.Administrator, Roles.Marketer));
        options.AddPolicy(Administration, p => p.RequireRole(Roles.Administrator));
        options.AddPolicy(Enquiries, p => p.RequireRole(EnquiryRoles));
    }

    public static void AddConventions(PageConventionCollection conventions)
    {
        conventions.AuthorizeAreaFolder(Area, "/", Staff);
        foreach (var (folder, policy) in FolderPolicies)
        {
            conventions.AuthorizeAreaFolder(Area, folder, policy);
        }

        conventions.AllowAnonymousToAreaFolder(Area, AnonymousFolder);
    }
}
