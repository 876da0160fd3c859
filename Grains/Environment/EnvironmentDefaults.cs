namespace OpenC3.Grains.Environment;

/// <summary>
/// Upstream's seeded values for `openc3_job_environment`: which task outcomes notify through which
/// channel, and the message templates. A stored row overrides its default.
/// </summary>
public static class EnvironmentDefaults
{
    public static readonly IReadOnlyDictionary<string, string> Values = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["isApiFailEmail"] = "true",
        ["isApiFailSms"] = "true",
        ["isApiSuccessEmail"] = "false",
        ["isApiSuccessSms"] = "false",
        ["isApiWaitingEmail"] = "true",
        ["isApiWaitingSms"] = "true",
        ["isApprovalSuccessEmail"] = "true",
        ["isApprovalSuccessSms"] = "true",
        ["isCiFailEmail"] = "true",
        ["isCiFailSms"] = "true",
        ["isCiSuccessEmail"] = "true",
        ["isCiSuccessSms"] = "true",
        ["isCrontabFailEmail"] = "true",
        ["isCrontabFailSms"] = "true",
        ["isCrontabSuccessEmail"] = "false",
        ["isCrontabSuccessSms"] = "false",
        ["isCrontabWaitingEmail"] = "true",
        ["isCrontabWaitingSms"] = "true",
        ["isPageFailEmail"] = "true",
        ["isPageFailSms"] = "true",
        ["isPageSuccessEmail"] = "false",
        ["isPageSuccessSms"] = "false",
        ["isPageWaitingEmail"] = "true",
        ["isPageWaitingSms"] = "true",
        ["notifyTemplateEmailTitle"] = "projectid: ${projectid} job ${status}",
        ["notifyTemplateEmailContent"] = "task ${uuid} :${status}",
        ["notifyTemplateSmsContent"] = "projectid=${projectid} taskuuid=${uuid}: ${status}",
        ["approvalTemplateEmailTitle"] = "openc3 approval",
        ["approvalTemplateEmailContent"] = "${cont}",
        ["approvalTemplateSmsContent"] = "openc3 approval",
        ["ciTemplateEmailTitle"] = "ci ${status}",
        ["ciTemplateEmailContent"] = "ci ${status}",
        ["ciTemplateSmsContent"] = "ci ${status}",
    };
}
