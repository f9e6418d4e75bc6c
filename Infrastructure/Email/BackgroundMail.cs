using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Sanatorium.Infrastructure.Email;

/// <summary>
/// Account mail (password reset, set-password invitations) sent after the response, in order, one
/// at a time. Messages come finished: Web renders them in the request that causes them
/// (docs/decisions/0017-where-code-lives.md). A page that queues a message answers at once and in the
/// same time whether or not it queued one, so the answer tells nothing about which addresses belong to
/// staff; a message that cannot be sent is logged. The queue lives in memory: a message still in it
/// when the site stops is lost, and the member of staff asks again (see docs/decisions/0012-staff-accounts.md).
/// </summary>
public sealed class BackgroundMail(MailKitEmailSender sender, ILogger<BackgroundMail> logger) : BackgroundService
{
    private readonly Channel<MimeMessage> queue = Channel.CreateBounded<MimeMessage>(
        new BoundedChannelOptions(1000) { SingleReader = true });

    public void Enqueue(MimeMessage message)
    {
        if (!queue.Writer.TryWrite(message))
        {
            logger.LogError("The mail queue is full: \"{Subject}\" to {To} was not sent.", message.Subject, message.To);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await sender.SendAsync(message, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Could not send \"{Subject}\" to {To}.", message.Subject, message.To);
            }
        }
    }
}
