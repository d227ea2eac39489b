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
