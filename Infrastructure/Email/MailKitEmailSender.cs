using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;
using Sanatorium.Infrastructure.Options;

namespace Sanatorium.Infrastructure.Email;

/// <summary>
/// Sends one message through the SMTP server of <c>Smtp:*</c>. Account mail uses it now and
/// newsletters will; a message without a sender gets the configured one.
/// </summary>
public sealed class MailKitEmailSender(IOptions<SmtpOptions> options)
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        if (message.From.Count == 0)
        {
            message.From.Add(new MailboxAddress(smtp.FromName, smtp.FromAddress));
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
