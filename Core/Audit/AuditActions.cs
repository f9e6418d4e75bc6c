namespace Sanatorium.Core.Audit;

/// <summary>What the audit log records, by the name it is stored under. The audit page offers exactly these as its filter.</summary>
public static class AuditActions
{
    public const string LoginSucceeded = "login.succeeded";
    public const string LoginFailed = "login.failed";
    public const string LoginLockedOut = "login.locked-out";
    public const string Logout = "logout";
    public const string LogoutEverywhere = "logout.everywhere";
    public const string PasswordChanged = "password.changed";
    public const string PasswordReset = "password.reset";
    public const string PasswordResetRequested = "password.reset-requested";
    public const string PasswordResetMailed = "password.reset-mailed";
    public const string TwoFactorEnabled = "2fa.enabled";
    public const string TwoFactorDisabled = "2fa.disabled";
    public const string RecoveryCodesGenerated = "2fa.recovery-codes-generated";
    public const string UserCreated = "user.created";
    public const string UserRolesChanged = "user.roles-changed";
    public const string UserLocked = "user.locked";
    public const string UserUnlocked = "user.unlocked";
    public const string UserDeleted = "user.deleted";
    public const string ContentCreated = "content.created";
    public const string ContentSaved = "content.saved";
    public const string ContentDiscarded = "content.discarded";
    public const string ContentPublished = "content.published";
    public const string ContentUnpublished = "content.unpublished";
    public const string ContentScheduled = "content.scheduled";
    public const string ContentUnscheduled = "content.unscheduled";
    public const string ContentScheduleFailed = "content.schedule-failed";
    public const string ContactsSaved = "contacts.saved";
    public const string StayPackageCreated = "stay-package.created";
    public const string StayPackageSaved = "stay-package.saved";
    public const string StayPackageDeleted = "stay-package.deleted";
    public const string OperatorDetailsSaved = "operator-details.saved";
    public const string SubscriberUnsubscribed = "subscriber.unsubscribed";
    public const string SubscriberErased = "subscriber.erased";
    public const string SubscribersExported = "subscribers.exported";
    public const string SubscribersImportStarted = "subscribers.import-started";
    public const string CampaignCreated = "campaign.created";
    public const string CampaignSaved = "campaign.saved";
    public const string CampaignDeleted = "campaign.deleted";
    public const string CampaignTestSent = "campaign.test-sent";
    public const string CampaignScheduled = "campaign.scheduled";
    public const string CampaignUnscheduled = "campaign.unscheduled";
    public const string CampaignStarted = "campaign.started";
    public const string CampaignPaused = "campaign.paused";
    public const string CampaignResumed = "campaign.resumed";
    public const string CampaignCancelled = "campaign.cancelled";
    public const string CampaignResentToFailed = "campaign.resent-to-failed";
    public const string EnquiryChanged = "enquiry.changed";
    public const string EnquiriesErased = "enquiries.erased";

    public static IReadOnlyList<string> All { get; } =
    [
        LoginSucceeded, LoginFailed, LoginLockedOut, Logout, LogoutEverywhere,
        PasswordChanged, PasswordReset, PasswordResetRequested, PasswordResetMailed,
        TwoFactorEnabled, TwoFactorDisabled, RecoveryCodesGenerated,
        UserCreated, UserRolesChanged, UserLocked, UserUnlocked, UserDeleted,
        ContentCreated, ContentSaved, ContentDiscarded, ContentPublished, ContentUnpublished,
        ContentScheduled, ContentUnscheduled, ContentScheduleFailed,
        ContactsSaved,
        StayPackageCreated, StayPackageSaved, StayPackageDeleted, OperatorDetailsSaved,
        SubscriberUnsubscribed, SubscriberErased, SubscribersExported, SubscribersImportStarted,
        CampaignCreated, CampaignSaved, CampaignDeleted, CampaignTestSent, CampaignScheduled, CampaignUnscheduled,
        CampaignStarted, CampaignPaused, CampaignResumed, CampaignCancelled, CampaignResentToFailed,
        EnquiryChanged, EnquiriesErased,
    ];
}
