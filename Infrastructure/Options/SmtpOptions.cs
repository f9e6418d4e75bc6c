using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace Sanatorium.Infrastructure.Options;

/// <summary><c>Smtp:*</c>: the mail server the site sends through.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    [Required(ErrorMessage = "Smtp:Host is required: the name of the mail server.")]
    public string Host { get; set; } = "";

    [Range(1, 65535, ErrorMessage = "Smtp:Port must be a port number from 1 to 65535.")]
    public int Port { get; set; } = 25;

    /// <summary>MailKit's own choice of TLS: <c>None</c>, <c>StartTls</c>, <c>SslOnConnect</c> or <c>Auto</c>.</summary>
    [EnumDataType(typeof(SecureSocketOptions), ErrorMessage = "Smtp:Security must be None, StartTls, SslOnConnect or Auto.")]
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public string? Username { get; set; }

    public string? Password { get; set; }

    [Required(ErrorMessage = "Smtp:FromAddress is required: the address newsletters come from.")]
    [EmailAddress(ErrorMessage = "Smtp:FromAddress must be an e-mail address.")]
    public string FromAddress { get; set; } = "";

    public string FromName { get; set; } = "";
}
