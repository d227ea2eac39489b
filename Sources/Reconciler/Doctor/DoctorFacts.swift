import AWSServices
import Manifests

/// Why a fact could not be read (the AWS error or the engine's read failure), as text for the check's message.
public struct DoctorReadFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable error code.
    public var code: String { "doctor-read-failed" }
    /// What went wrong.
    public var description: String

    /// Creates a failure with `description`.
    public init(_ description: String) {
        self.description = description
    }
}

/// A fact that may not have been readable.
public typealias DoctorFact<Value: Sendable & Equatable> = Result<Value, DoctorReadFailure>

/// The live user pool as far as SMS is concerned.
public struct PoolSnapshot: Sendable, Equatable {
    /// Pool id.
    public var id: String
    /// Whether it carries smsauth's ownership tags (found as reconcile finds it).
    public var owned: Bool
    /// `SmsConfiguration.SnsCallerArn`, or `SmsConfiguration.EumsSms.CallerArn` on the End User Messaging path.
    public var smsRoleArn: String?
    /// `SmsConfiguration.ExternalId`, or `SmsConfiguration.EumsSms.ExternalId`.
    public var smsExternalId: String?
    /// The service the pool sends through (`EumsSms` present: End User Messaging).
    public var smsService: SmsService

    /// Creates a snapshot.
    public init(id: String, owned: Bool, smsRoleArn: String? = nil, smsExternalId: String? = nil,
                smsService: SmsService = .sns) {
        self.id = id
        self.owned = owned
        self.smsRoleArn = smsRoleArn
        self.smsExternalId = smsExternalId
        self.smsService = smsService
    }
}

/// One permission policy of a role: inline or attached, with its document.
public struct RolePolicy: Sendable, Equatable {
    /// `inline policy <name>` or `attached policy <arn>`, for messages.
    public var label: String
    /// The document.
    public var document: PolicyDocument

    /// Creates a policy.
    public init(label: String, document: PolicyDocument) {
        self.label = label
        self.document = document
    }
}

/// The live SMS role: its trust policy and every permission policy.
public struct RoleSnapshot: Sendable, Equatable {
    /// Role name.
    public var name: String
    /// Role ARN.
    public var arn: String
    /// Trust policy.
    public var trustPolicy: PolicyDocument?
    /// Inline and attached policies.
    public var policies: [RolePolicy]

    /// Creates a snapshot.
    public init(name: String, arn: String, trustPolicy: PolicyDocument?, policies: [RolePolicy]) {
        self.name = name
        self.arn = arn
        self.trustPolicy = trustPolicy
        self.policies = policies
    }
}

/// The SMS role a pool is meant to send through and what IAM has for it.
public struct RoleFacts: Sendable, Equatable {
    /// How the manifest names it: `SmsRole/<name>`, or the `smsRoleArn`.
    public var reference: String
    /// The role name looked up.
    public var roleName: String
    /// Whether smsauth manages the role (an `SmsRole` manifest), which decides the fix.
    public var managed: Bool
    /// The external id the pool must use (the SmsRole's `externalId`, else `smsExternalId`, else the pool's live one).
    public var expectedExternalId: String?
    /// The role, nil when it does not exist.
    public var live: DoctorFact<RoleSnapshot?>

    /// Creates role facts.
    public init(reference: String, roleName: String, managed: Bool, expectedExternalId: String?,
                live: DoctorFact<RoleSnapshot?>) {
        self.reference = reference
        self.roleName = roleName
        self.managed = managed
        self.expectedExternalId = expectedExternalId
        self.live = live
    }
}

/// A pool's live MFA configuration (GetUserPoolMfaConfig).
public struct MfaFacts: Sendable, Equatable {
    /// `OFF`, `OPTIONAL` or `ON`.
    public var mode: String
    /// SMS is a factor.
    public var smsEnabled: Bool
    /// TOTP is a factor.
    public var totpEnabled: Bool

    /// Creates MFA facts.
    public init(mode: String, smsEnabled: Bool, totpEnabled: Bool) {
        self.mode = mode
        self.smsEnabled = smsEnabled
        self.totpEnabled = totpEnabled
    }
}

/// Everything the pool checks look at for one UserPool manifest.
public struct PoolFacts: Sendable, Equatable {
    /// `UserPool/<name>`.
    public var resource: String
    /// The region the pool sends SMS from (`smsRegion`, else the pool's live `SnsRegion`, else its region); nil
    /// when the manifest has no region and there is no default.
    public var smsRegion: String?
    /// The AWS account (STS GetCallerIdentity).
    public var account: String
    /// Whether the manifest or the live pool uses SMS (an SMS role, phone verification or sign-in, SMS MFA).
    public var sendsSms: Bool
    /// The pool, nil when it does not exist.
    public var pool: DoctorFact<PoolSnapshot?>
    /// The SMS role, nil when neither the manifest nor the live pool names one.
    public var role: RoleFacts?
    /// MFA, nil when the pool was not found.
    public var mfa: DoctorFact<MfaFacts>?
    /// The service the manifest sends SMS through (`spec.smsService`, SNS when unset).
    public var smsService: SmsService
    /// The End User Messaging configuration set the manifest names (`spec.smsConfigurationSet`), nil when none.
    public var configurationSet: ConfigurationSetFacts?

    /// Creates pool facts.
    public init(resource: String, smsRegion: String?, account: String, sendsSms: Bool, pool: DoctorFact<PoolSnapshot?>,
                role: RoleFacts? = nil, mfa: DoctorFact<MfaFacts>? = nil, smsService: SmsService = .sns) {
        self.smsService = smsService
        self.resource = resource
        self.smsRegion = smsRegion
        self.account = account
        self.sendsSms = sendsSms
        self.pool = pool
        self.role = role
        self.mfa = mfa
    }
}

/// A sandbox destination number.
public struct SandboxDestination: Sendable, Equatable {
    /// E.164 number.
    public var phoneNumber: String
    /// Whether its one-time password was verified.
    public var verified: Bool

    /// Creates a destination.
    public init(phoneNumber: String, verified: Bool) {
        self.phoneNumber = phoneNumber
        self.verified = verified
    }
}

/// A US origination phone number (End User Messaging SMS).
public struct OriginationNumber: Sendable, Equatable {
    /// E.164 number (or its id).
    public var phoneNumber: String
    /// `ACTIVE`, `PENDING`, …
    public var status: String
    /// `TOLL_FREE`, `TEN_DLC`, `SIMULATOR`, …
    public var numberType: String
    /// Whether it can send SMS.
    public var smsCapable: Bool
    /// The registration it was requested with (`RegistrationId`), nil when none.
    public var registrationId: String?

    /// Creates a number.
    public init(phoneNumber: String, status: String, numberType: String, smsCapable: Bool = true,
                registrationId: String? = nil) {
        self.phoneNumber = phoneNumber
        self.status = status
        self.numberType = numberType
        self.smsCapable = smsCapable
        self.registrationId = registrationId
    }
}

/// The account's SMS state in one region: sandbox, destinations, US numbers, spend limit.
public struct RegionFacts: Sendable, Equatable {
    /// The region.
    public var region: String
    /// GetSMSSandboxAccountStatus.
    public var inSandbox: DoctorFact<Bool>
    /// ListSMSSandboxPhoneNumbers (read only when in the sandbox).
    public var destinations: DoctorFact<[SandboxDestination]>
    /// US phone numbers (DescribePhoneNumbers, `iso-country-code` US).
    public var usNumbers: DoctorFact<[OriginationNumber]>
    /// `MonthlySpendLimit` (GetSMSAttributes), nil when unset.
    public var monthlySpendLimit: DoctorFact<String?>
    /// The SMS country rules of the account's default protect configuration, nil when it has none; not read (nil
    /// fact) when the caller does not ask.
    public var protection: DoctorFact<ProtectionFacts?>?
    /// SMS delivery-status logging (`DeliveryStatusIAMRole` and the role it names); not read (nil fact) when the
    /// caller does not ask.
    public var deliveryLogging: DoctorFact<DeliveryLoggingFacts>?
    /// Whether a pool of the region sends through SNS, or none names its path (a folder without pools): then the SNS
    /// sandbox is checked.
    public var sendsThroughSns: Bool = true
    /// End User Messaging SMS's sandbox; not read (nil fact) when no pool of the region sends through it.
    public var eumSandbox: DoctorFact<EumSandboxFacts>?
    /// Whether the protect configurations governing every pool of the region block SMS to the US (no US origination
    /// number is needed then).
    public var usBlocked: Bool = false
    /// Whether End User Messaging SMS is offered in the region (origination numbers and protect configurations are
    /// not read where it is not).
    public var endUserMessagingOffered: Bool = true
    /// The registrations of the US numbers, by registration id; not read (nil fact) when no US number names one.
    public var registrations: DoctorFact<[String: RegistrationFacts]>?

    /// Creates region facts.
    public init(region: String, inSandbox: DoctorFact<Bool>, destinations: DoctorFact<[SandboxDestination]>,
                usNumbers: DoctorFact<[OriginationNumber]>, monthlySpendLimit: DoctorFact<String?>,
                protection: DoctorFact<ProtectionFacts?>? = nil,
                deliveryLogging: DoctorFact<DeliveryLoggingFacts>? = nil) {
        self.protection = protection
        self.deliveryLogging = deliveryLogging
        self.region = region
        self.inSandbox = inSandbox
        self.destinations = destinations
        self.usNumbers = usNumbers
        self.monthlySpendLimit = monthlySpendLimit
    }

    /// `Region/<region>`, the resource name of its checks.
    public var resource: String { "Region/\(region)" }

    /// Whether a pool sending through `service` is limited to verified numbers here (nil when unknown).
    func inSandbox(for service: SmsService) -> Bool? {
        switch service {
        case .sns: try? inSandbox.get()
        case .endUserMessaging: eumSandbox.flatMap { try? $0.get() }.map(\.sandboxed)
        }
    }
}

/// The account-default protect configuration of a region (End User Messaging SMS; it also governs SMS sent through
/// SNS and Cognito): its id and the SMS rule of every country.
public struct ProtectionFacts: Sendable, Equatable {
    /// ProtectConfigurationId.
    public var id: String
    /// ISO country code → `ALLOW`, `BLOCK`, `MONITOR` or `FILTER`.
    public var smsRules: [String: String]

    /// Creates the facts.
    public init(id: String, smsRules: [String: String]) {
        self.id = id
        self.smsRules = smsRules
    }
}

extension DoctorReadFailure {
    /// A failure describing `error` the way reconcile reports it (its classified message, never a raw description
    /// that could carry a secret).
    init(classifying error: any Error) {
        let failure = ReconcileFailure(classifying: error)
        let code = failure.awsErrorCode.map { " (AWS \($0))" } ?? ""
        self.init("\(failure.message)\(code)")
    }
}
