using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenC3.Grains.Abstractions.Approvals;
using OpenC3.Grains.Abstractions.Connector;
using OpenC3.Grains.Abstractions.Environment;
using OpenC3.Grains.Connector;
using Orleans.Concurrency;

namespace OpenC3.Grains.Approvals;

/// <summary>
/// Sends approval requests through the connector's message exits (address book → mail / SMS), on the
/// channels `isApprovalSuccessEmail|Sms` switch on, rendered from `approvalTemplate*` with `${id}`,
/// `${submitter}`, `${cont}`, `${user}`, `${uuid}` and `${link}` (the phone page; appended when the
/// template leaves it out). A failed send is recorded on the row and never fails the step.
/// </summary>
[StatelessWorker]
[GrainType("approval-notifier")]
public sealed class ApprovalNotifierGrain(IOptionsMonitor<ConnectorOptions> connector, ILogger<ApprovalNotifierGrain> logger) : Grain, IApprovalNotifier
{
    public const string FastPagePath = "/api/job/approval/fast/";

    public async Task Send(string batchId, IReadOnlyList<ApproverNotice> notices)
    {
        var batch = GrainFactory.GetGrain<IApprovalGrain>(batchId);
        foreach (var notice in notices)
        {
            string status;
            try
            {
                status = await SendAsync(notice);
            }
            catch (Exception error)
            {
                // The approver can still be reached through the approval list; the step waits on.
                logger.LogWarning(error, "Approval notice of batch {Batch} to {User} could not be sent", batchId, notice.User);
                status = "fail";
            }

            await batch.Notified(notice.RowUuid, status);
        }
    }

    private async Task<string> SendAsync(ApproverNotice notice)
    {
        var environment = await GrainFactory.GetGrain<IEnvironmentGrain>(0).GetAll();
        var email = environment.GetValueOrDefault("isApprovalSuccessEmail") == "true";
        var sms = environment.GetValueOrDefault("isApprovalSuccessSms") == "true";
        if (!email && !sms)
        {
            return ApprovalOpinion.NotifySkip;
        }

        var link = connector.CurrentValue.SiteAddress.TrimEnd('/') + FastPagePath + notice.RowUuid;
        var row = await GrainFactory.GetGrain<IApprovalQueryGrain>(0).Find(notice.RowUuid);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["id"] = row?.Id.ToString(CultureInfo.InvariantCulture),
            ["submitter"] = notice.Submitter,
            ["cont"] = notice.Cont,
            ["user"] = notice.User,
            ["uuid"] = notice.RowUuid,
            ["link"] = link,
        };
        string Text(string key) => ApprovalTemplate.Render(environment.GetValueOrDefault(key, string.Empty), values);
        string WithLink(string text) => text.Contains(link, StringComparison.Ordinal) ? text : $"{text}\n{link}";

        var messages = GrainFactory.GetGrain<IMessageGrain>(0);
        var errors = new List<string>();
        if (email && await messages.Notify(new Notification(NotificationChannel.Email, [notice.User], Text("approvalTemplateEmailTitle").Split('\n')[0], WithLink(Text("approvalTemplateEmailContent")), null)) is { } mailError)
        {
            errors.Add(mailError);
        }

        if (sms && await messages.Notify(new Notification(NotificationChannel.Sms, [notice.User], null, null, WithLink(Text("approvalTemplateSmsContent")))) is { } smsError)
        {
            errors.Add(smsError);
        }

        if (errors.Count > 0)
        {
            logger.LogWarning("Approval notice to {User} failed: {Errors}", notice.User, string.Join("; ", errors));
            return "fail";
        }

        return "done";
    }
}
