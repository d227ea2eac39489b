/// What the field catalog alone does not say about a kind: why it exists, which of its fields decide whether SMS
/// sign-in works, and which example manifest shows it. The manifest reference (`docs/manifests.md`) and
/// `smsauth explain` print this text next to the catalog's fields.
public struct KindGuide: Sendable, Equatable {
    /// The document's kind as written in `kind:` (`UserPool`, ..., `Settings`).
    public var kind: String
    /// One or two sentences: what the resource is in AWS and what smsauth does with it.
    public var purpose: String
    /// Advice on the fields that matter for SMS sign-in, one item each.
    public var smsSignIn: [String]
    /// The annotated example, relative to the repository's `examples/` folder (the document of this kind in it).
    public var example: String

    /// The guide of every document kind, resource kinds first (in `ResourceKind` order), then `Settings`.
    public static let all: [KindGuide] = ResourceKind.allCases.map(guide(for:)) + [settings]

    /// The guide of `kind` (`UserPool`, `Settings`, ...) or nil when no such kind exists.
    public static func named(_ kind: String) -> KindGuide? { all.first { $0.kind == kind } }

    /// The top-level fields of a document of this guide's kind.
    public var documentFields: [FieldSpec] {
        ResourceKind(rawValue: kind).map(FieldCatalog.document(for:)) ?? FieldCatalog.settingsDocument
    }

    /// The guide of a resource kind.
    static func guide(for kind: ResourceKind) -> KindGuide {
        switch kind {
        case .smsRole:
            KindGuide(kind: kind.rawValue, purpose: """
                The IAM role Cognito assumes to send SMS (CreateRole, PutRolePolicy). smsauth owns the whole role: \
                its trust policy for cognito-idp.amazonaws.com with sts:ExternalId and aws:SourceAccount \
                conditions, and one inline policy granting its `service`: sns:Publish (SNS, the default) or \
                sms-voice:SendTextMessage (End User Messaging SMS).
                """, smsSignIn: [
                    "Without a role a pool cannot send any SMS: name it in the UserPool's `smsRole`.",
                    "`service` must match the pool's `smsService`; changing both switches the pool in one run.",
                    "`externalId` closes the confused-deputy hole; make it unique per pool (`uuidgen`).",
                ], example: "phone-username-mfa-required/sms-role.yaml")
        case .userPool:
            KindGuide(kind: kind.rawValue, purpose: """
                A Cognito user pool (CreateUserPool, UpdateUserPool): how users sign up and sign in, how their phone \
                number is verified and how a forgotten password is recovered.
                """, smsSignIn: [
                    "`smsRole` (or `smsRoleArn` and `smsExternalId`) sets SmsConfiguration; without it no SMS is sent.",
                    "`smsService: endUserMessaging` sends directly through End User Messaging SMS instead of SNS, "
                        + "optionally with a configuration set for delivery events: `smsConfigurationSetRef` names a "
                        + "ConfigurationSet manifest (applied before the pool; the pool sends with its `spec.name`), "
                        + "`smsConfigurationSet` the AWS name of a set managed elsewhere; one or the other, like "
                        + "`smsRole` and `smsRoleArn`. A removed ConfigurationSet that a pool still names in "
                        + "`smsConfigurationSet` is not deleted: the plan blocks the delete and names the pool.",
                    "`autoVerifiedAttributes: [phone_number]`: sign-up sends a code by SMS and verifies the number; "
                        + "SMS MFA and phone verification need it.",
                    "`verificationMessages.sms` and `adminCreateUser.inviteSmsMessage` are the texts users receive.",
                    "`accountRecovery: [verified_phone_number]` when the phone is the only contact the pool collects; "
                        + "recovery on an attribute the pool does not collect locks users out.",
                    "`usernameAttributes: [phone_number]` makes the phone the username; immutable.",
                    "`deletionProtection: true`: deleting a pool loses every user.",
                ], example: "phone-username-mfa-required/user-pool.yaml")
        case .appClient:
            KindGuide(kind: kind.rawValue, purpose: """
                An app client of a user pool (CreateUserPoolClient, UpdateUserPoolClient): the sign-in flows an \
                app may use, the attributes it reads and writes, and its token lifetimes.
                """, smsSignIn: [
                    "`explicitAuthFlows` must include `ALLOW_REFRESH_TOKEN_AUTH`, or users are sent a new SMS code "
                        + "every time their tokens expire.",
                    "`writeAttributes: [phone_number]` lets sign-up set the number that receives the code.",
                    "`preventUserExistenceErrors: true` stops sign-in and recovery from revealing registered numbers.",
                    "`generateSecret` is immutable; a generated secret goes to `secret`, never to logs or status.",
                ], example: "phone-username-mfa-required/app-client.yaml")
        case .mfaPolicy:
            KindGuide(kind: kind.rawValue, purpose: """
                The MFA configuration of a user pool (SetUserPoolMfaConfig, which can turn MFA ON for an existing \
                pool, and device tracking through UpdateUserPool).
                """, smsSignIn: [
                    "`sms.enabled: true` needs the pool's SMS role and `phone_number` in `autoVerifiedAttributes`.",
                    "`mode: \"ON\"` with SMS as the only factor locks out every user whose number the SNS sandbox "
                        + "does not let through; enable `totp` as a second factor or leave the sandbox first.",
                    "`sms.message` must contain {####}.",
                ], example: "phone-username-mfa-required/mfa-policy.yaml")
        case .sandboxNumber:
            KindGuide(kind: kind.rawValue, purpose: """
                A destination number verified in the account's SMS sandbox: SNS's (CreateSMSSandboxPhoneNumber, \
                VerifySMSSandboxPhoneNumber) or End User Messaging SMS's (CreateVerifiedDestinationNumber, \
                VerifyDestinationNumber). While the account is in a sandbox, SMS only reaches these numbers.
                """, smsSignIn: [
                    "Each tester's phone needs one while the account is in the sandbox; at most 10 per region and sandbox.",
                    "The sandbox follows the pools sending SMS from the number's region (`smsService`); when they use "
                        + "both services, `service` says which (declare the number twice to have it in both).",
                    "Verify it with `smsauth verify NAME --code CODE` or `oneTimePasswordFile`; `--resend` sends a new code.",
                ], example: "sandbox-testing/sandbox-numbers.yaml")
        case .originationIdentity:
            KindGuide(kind: kind.rawValue, purpose: """
                A phone number or sender ID in AWS End User Messaging SMS (RequestPhoneNumber, RequestSenderId) that \
                SMS is sent from. Requesting one costs money, so smsauth needs `purchaseApproved`.
                """, smsSignIn: [
                    "US carriers drop SMS to +1 numbers not sent from a registered US number: a toll-free or 10DLC "
                        + "number needs its `registrationId`.",
                    "`deletionProtection: true`: a released number is gone for good.",
                ], example: "us-production-sms/origination-number.yaml")
        case .phonePool:
            KindGuide(kind: kind.rawValue, purpose: """
                A pool of origination identities in AWS End User Messaging SMS (CreatePool, UpdatePool) that SMS \
                is sent from, with shared settings such as the opt-out list.
                """, smsSignIn: [
                    "`sharedRoutes: false` keeps one-time passwords on the account's own registered numbers.",
                    "`messageType: TRANSACTIONAL` for sign-up and MFA codes.",
                ], example: "us-production-sms/origination-number.yaml")
        case .smsAccountSettings:
            KindGuide(kind: kind.rawValue, purpose: """
                The account's SNS SMS settings in one region (SetSMSAttributes): default SMS type, monthly spend \
                limit, default sender ID and delivery status logging.
                """, smsSignIn: [
                    "`defaultSmsType: Transactional` gives one-time passwords delivery priority.",
                    "SNS stops sending once the month's spend reaches `monthlySpendLimitUSD`: no more sign-in codes.",
                    "`deliveryStatus.role` names an SmsLogRole: SNS then logs every failed delivery (and "
                        + "`successSamplingRate` percent of the successful ones) to CloudWatch Logs, which is where "
                        + "you find out why a sign-in code did not arrive.",
                ], example: "us-production-sms/account-settings.yaml")
        case .smsLogRole:
            KindGuide(kind: kind.rawValue, purpose: """
                The IAM role Amazon SNS assumes to write SMS delivery-status logs to CloudWatch Logs (CreateRole, \
                PutRolePolicy). smsauth owns the whole role: its trust policy for sns.amazonaws.com and one inline \
                policy, smsauth-sns-delivery-logs, allowing logs:CreateLogGroup, logs:CreateLogStream, \
                logs:PutLogEvents, logs:PutMetricFilter and logs:PutRetentionPolicy.
                """, smsSignIn: [
                    "Name it in an SmsAccountSettings' `deliveryStatus.role`: without delivery-status logs nothing "
                        + "tells you why a sign-in code did not arrive (carrier blocked, unreachable phone, opted out).",
                    "IAM is global: one role serves the account's SMS settings in every region.",
                ], example: "delivery-status-logging/log-role.yaml")
        case .configurationSet:
            KindGuide(kind: kind.rawValue, purpose: """
                An AWS End User Messaging SMS configuration set (CreateConfigurationSet): the default message type \
                and sender ID of messages sent with it, and its event destinations (CreateEventDestination), which \
                record each message's events in CloudWatch Logs or publish them to an SNS topic.
                """, smsSignIn: [
                    "Name it in a UserPool's `smsConfigurationSetRef` (pool on `smsService: endUserMessaging`): the set "
                        + "is applied before the pool, and Cognito sends every code with it.",
                    "An event destination matching `TEXT_ALL` (or the delivery outcomes, `TEXT_DELIVERED`, "
                        + "`TEXT_CARRIER_UNREACHABLE`, ...) is where you find out why a sign-in code did not arrive.",
                    "`defaultMessageType: TRANSACTIONAL` for one-time passwords.",
                ], example: "end-user-messaging/configuration-set.yaml")
        case .smsProtection:
            KindGuide(kind: kind.rawValue, purpose: """
                An AWS End User Messaging SMS protect configuration (CreateProtectConfiguration): the countries \
                messages may go to, per capability (UpdateProtectConfigurationCountryRuleSet), and where it applies: \
                as the account default of the region (SetAccountDefaultProtectConfiguration) or on configuration \
                sets (AssociateProtectConfiguration).
                """, smsSignIn: [
                    "`sms: {allow: [...]}` with only the countries your users are in: SMS pumping (fraudulent sign-ups "
                        + "sending codes to premium numbers abroad) then costs nothing outside them.",
                    "`accountDefault: true` covers every message of the region, Cognito's too; `configurationSets` "
                        + "covers only messages sent with those sets (a pool's `smsConfigurationSetRef`).",
                    "The account default is unset before the configuration is deleted (AWS refuses otherwise).",
                ], example: "end-user-messaging-protected/protection.yaml")
        }
    }

    /// The guide of the settings document.
    static let settings = KindGuide(kind: ManifestSettings.kind, purpose: """
        The settings document of a manifest set (`smsauth.yaml` at the folder's root): not a resource, it creates \
        nothing. `owner` marks everything the folder manages (the smsauth:owner tag and every status record).
        """, smsSignIn: [], example: "phone-username-mfa-required/smsauth.yaml")
}
