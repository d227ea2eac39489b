/// A string enumeration that manifests spell with its raw value; the catalog lists `allCases` as allowed values.
public protocol ManifestEnum: RawRepresentable, CaseIterable, Sendable, Hashable where RawValue == String {
    /// Other accepted spellings, mapped to the case they mean (e.g. legacy AWS names).
    static var aliases: [String: Self] { get }
}

extension ManifestEnum {
    /// No other spellings by default.
    public static var aliases: [String: Self] { [:] }
}

/// A standard attribute that can be the username (`usernameAttributes`).
public enum UsernameAttribute: String, ManifestEnum { case phoneNumber = "phone_number", email }

/// A standard attribute usable as an alias at sign-in (`aliasAttributes`).
public enum AliasAttribute: String, ManifestEnum {
    case phoneNumber = "phone_number", email
    case preferredUsername = "preferred_username"
}

/// An attribute Cognito verifies automatically (`autoVerifiedAttributes`).
public enum VerifiedAttribute: String, ManifestEnum { case phoneNumber = "phone_number", email }

/// An account recovery method, in priority order (`accountRecovery`).
public enum RecoveryOption: String, ManifestEnum {
    case verifiedPhoneNumber = "verified_phone_number"
    case verifiedEmail = "verified_email"
    case adminOnly = "admin_only"
}

/// Data type of a custom attribute.
public enum AttributeDataType: String, ManifestEnum {
    case string = "String", number = "Number", dateTime = "DateTime", boolean = "Boolean"
}

/// An app client authentication flow. Legacy names are accepted and normalised to their `ALLOW_` form.
public enum AuthFlow: String, ManifestEnum {
    case adminUserPassword = "ALLOW_ADMIN_USER_PASSWORD_AUTH"
    case custom = "ALLOW_CUSTOM_AUTH"
    case userPassword = "ALLOW_USER_PASSWORD_AUTH"
    case userSRP = "ALLOW_USER_SRP_AUTH"
    case refreshToken = "ALLOW_REFRESH_TOKEN_AUTH"
    case userAuth = "ALLOW_USER_AUTH"

    /// Pre-2019 names still accepted by Cognito.
    public static var aliases: [String: AuthFlow] {
        ["ADMIN_NO_SRP_AUTH": .adminUserPassword, "CUSTOM_AUTH_FLOW_ONLY": .custom, "USER_PASSWORD_AUTH": .userPassword]
    }
}

/// User pool MFA mode.
public enum MfaMode: String, ManifestEnum { case off = "OFF", optional = "OPTIONAL", on = "ON" }

/// Device remembering of an MFA policy.
public enum DeviceRemembering: String, ManifestEnum {
    case never = "Never", always = "Always", userOptIn = "UserOptIn"
}

/// Language of the one-time password SMS sent to a sandbox number.
public enum SandboxLanguage: String, ManifestEnum {
    case enUS = "en-US", enGB = "en-GB", es419 = "es-419", esES = "es-ES", deDE = "de-DE", frCA = "fr-CA"
    case frFR = "fr-FR", itIT = "it-IT", jaJP = "ja-JP", ptBR = "pt-BR", krKR = "kr-KR", zhCN = "zh-CN"
    case zhTW = "zh-TW"
}

/// Type of an origination phone number that can be requested.
public enum NumberType: String, ManifestEnum {
    case tollFree = "TOLL_FREE", tenDLC = "TEN_DLC", longCode = "LONG_CODE", simulator = "SIMULATOR"
}

/// The service Cognito sends a user pool's SMS through (`SmsRole.spec.service`, `UserPool.spec.smsService`).
public enum SmsService: String, ManifestEnum {
    /// Amazon SNS (`SmsConfiguration.SnsCallerArn`); the role may call `sns:Publish`.
    case sns
    /// AWS End User Messaging SMS directly (`SmsConfiguration.EumsSms`); the role may call
    /// `sms-voice:SendTextMessage`.
    case endUserMessaging
}

/// End User Messaging message type.
public enum MessageType: String, ManifestEnum { case transactional = "TRANSACTIONAL", promotional = "PROMOTIONAL" }

/// Capability of an origination number.
public enum NumberCapability: String, ManifestEnum { case sms = "SMS", voice = "VOICE", mms = "MMS", rcs = "RCS" }

/// SNS default SMS type.
public enum SmsType: String, ManifestEnum { case promotional = "Promotional", transactional = "Transactional" }

/// An End User Messaging event type an event destination records (`EventType` of pinpoint-sms-voice-v2, botocore
/// 1.44.5): the AWS names, checked offline.
public struct SmsEventType: ManifestEnum {
    /// The AWS name (`TEXT_DELIVERED`).
    public let rawValue: String

    /// The event type of an AWS name; nil for a name AWS does not define.
    public init?(rawValue: String) {
        guard Self.names.contains(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// Every event type, in the model's order.
    public static var allCases: [SmsEventType] { names.compactMap(SmsEventType.init(rawValue:)) }

    /// The model's `EventType` enum.
    private static let names: [String] = [
        "ALL", "TEXT_ALL", "TEXT_SENT", "TEXT_PENDING", "TEXT_QUEUED", "TEXT_SUCCESSFUL", "TEXT_DELIVERED",
        "TEXT_INVALID", "TEXT_INVALID_MESSAGE", "TEXT_UNREACHABLE", "TEXT_CARRIER_UNREACHABLE", "TEXT_BLOCKED",
        "TEXT_CARRIER_BLOCKED", "TEXT_SPAM", "TEXT_UNKNOWN", "TEXT_TTL_EXPIRED", "TEXT_PROTECT_BLOCKED", "VOICE_ALL",
        "VOICE_INITIATED", "VOICE_RINGING", "VOICE_ANSWERED", "VOICE_COMPLETED", "VOICE_BUSY", "VOICE_NO_ANSWER",
        "VOICE_FAILED", "VOICE_TTL_EXPIRED", "MEDIA_ALL", "MEDIA_PENDING", "MEDIA_QUEUED", "MEDIA_SUCCESSFUL",
        "MEDIA_DELIVERED", "MEDIA_INVALID", "MEDIA_INVALID_MESSAGE", "MEDIA_UNREACHABLE", "MEDIA_CARRIER_UNREACHABLE",
        "MEDIA_BLOCKED", "MEDIA_CARRIER_BLOCKED", "MEDIA_SPAM", "MEDIA_UNKNOWN", "MEDIA_TTL_EXPIRED",
        "MEDIA_FILE_INACCESSIBLE", "MEDIA_FILE_TYPE_UNSUPPORTED", "MEDIA_FILE_SIZE_EXCEEDED", "RCS_ALL", "RCS_QUEUED",
        "RCS_SENT", "RCS_DELIVERED", "RCS_READ", "RCS_FAILED", "RCS_TTL_EXPIRED", "RCS_PROTECT_BLOCKED",
        "RCS_FALLEN_BACK_TO_SMS",
    ]

    /// Whether this type records whether an SMS reached the phone (`ALL`, `TEXT_ALL` or a delivery outcome).
    public var recordsSmsDelivery: Bool {
        ["ALL", "TEXT_ALL", "TEXT_DELIVERED", "TEXT_SUCCESSFUL", "TEXT_UNREACHABLE", "TEXT_CARRIER_UNREACHABLE",
         "TEXT_BLOCKED", "TEXT_CARRIER_BLOCKED", "TEXT_INVALID", "TEXT_SPAM", "TEXT_UNKNOWN", "TEXT_TTL_EXPIRED",
         "TEXT_PROTECT_BLOCKED"].contains(rawValue)
    }
}
