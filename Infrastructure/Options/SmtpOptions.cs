using System.ComponentModel.DataAnnotations;

namespace Sanatorium.Infrastructure.Options;

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
    Auto,
}

/// <summary><c>Smtp:*</c>: the mail server the site sends through.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    [Required(ErrorMessage = "Smtp:Host is required: the name of the mail server.")]
    public string Host { get; set; } = "";

    [Range(1, 65535, ErrorMessage = "Smtp:Port must be a port number from 1 to 65535.")]
    public int Port { get; set; } = 25;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    public string? Username { get; set; }

    public string? Password { get; set; }

    [Required(ErrorMessage = "Smtp:FromAddress is required: the address newsletters come from.")]
    [EmailAddress(ErrorMessage = "Smtp:FromAddress must be an e-mail address.")]
    public string FromAddress { get; set; } = "";

    public string FromName { get; set; } = "";
}
