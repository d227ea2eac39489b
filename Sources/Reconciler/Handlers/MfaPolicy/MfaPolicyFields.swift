import AWSServices
import Manifests

/// The mapping between an MfaPolicy manifest and Cognito, as plan values by manifest path.
///
/// - `mode` ↔ `MfaConfiguration`; `sms.enabled` ↔ `SmsMfaConfiguration` present; `sms.message` ↔
///   `SmsMfaConfiguration.SmsAuthenticationMessage`; `totp.enabled` ↔ `SoftwareTokenMfaConfiguration.Enabled`
///   (GetUserPoolMfaConfig / SetUserPoolMfaConfig). With mode OFF no factor can be configured (AWS rejects "can't
///   turn off MFA and configure an MFA together"), so the factor paths are not compared then.
/// - `deviceTracking.remember` ↔ the pool's `DeviceConfiguration`: Never = no DeviceConfiguration, Always =
///   `DeviceOnlyRememberedOnUserPrompt: false`, UserOptIn = `true` (AWS-NOTES.md "Cognito user pools").
/// - `deviceTracking.bypassMfaOnRememberedDevices` ↔ `ChallengeRequiredOnNewDevice`. Source: AWS-NOTES.md
///   ("`ChallengeRequiredOnNewDevice=true` = remembered devices may skip the SMS/TOTP second factor") and the
///   cognito-idp model's DeviceConfigurationType ("When true, a remembered device can sign in with device
///   authentication instead of SMS and time-based one-time password (TOTP) factors"). Compared only when devices
///   are remembered: with Never there is no DeviceConfiguration to hold it.
enum MfaPolicyFields {
    /// Paths applied with SetUserPoolMfaConfig.
    static let mfaPaths: Set<String> = ["mode", "sms.enabled", "sms.message", "totp.enabled"]
    /// Paths applied through the pool's DeviceConfiguration (UpdateUserPool).
    static let devicePaths: Set<String> = ["deviceTracking.remember", "deviceTracking.bypassMfaOnRememberedDevices"]

    /// The managed fields the manifest sets, as they take effect on a pool now in `live` (nil: a new pool).
    static func desired(_ spec: MfaPolicySpec, live: MfaPolicyLive?) -> [String: PlanValue] {
        let mode = spec.mode.value
        var fields: [String: PlanValue] = ["mode": .string(mode.rawValue)]
        if mode != .off {
            if let enabled = spec.sms?.enabled { fields["sms.enabled"] = .bool(enabled.value) }
            if let message = spec.sms?.message, smsOn(spec, live: live) { fields["sms.message"] = .string(message.value) }
            if let enabled = spec.totp?.enabled { fields["totp.enabled"] = .bool(enabled.value) }
        }
        if let remember = spec.deviceTracking?.remember { fields["deviceTracking.remember"] = .string(remember.value.rawValue) }
        if let bypass = spec.deviceTracking?.bypassMfaOnRememberedDevices, remember(spec, live: live) != .never {
            fields["deviceTracking.bypassMfaOnRememberedDevices"] = .bool(bypass.value)
        }
        return fields
    }

    /// Every managed path read from AWS.
    static func live(_ live: MfaPolicyLive) -> [String: PlanValue] {
        [
            "mode": .string(live.mode.rawValue),
            "sms.enabled": .bool(live.smsEnabled),
            "sms.message": live.smsMessage.map(PlanValue.string) ?? .null,
            "totp.enabled": .bool(live.totpEnabled),
            "deviceTracking.remember": .string(live.remember.rawValue),
            "deviceTracking.bypassMfaOnRememberedDevices": .bool(live.bypassMfaOnRememberedDevices),
        ]
    }

    /// Whether SMS MFA is to be on: MFA not OFF, and the manifest's `sms.enabled`, else the live state.
    static func smsOn(_ spec: MfaPolicySpec, live: MfaPolicyLive?) -> Bool {
        spec.mode.value != .off && (spec.sms?.enabled?.value ?? live?.smsEnabled ?? false)
    }

    /// Whether TOTP MFA is to be on: MFA not OFF, and the manifest's `totp.enabled`, else the live state.
    static func totpOn(_ spec: MfaPolicySpec, live: MfaPolicyLive?) -> Bool {
        spec.mode.value != .off && (spec.totp?.enabled?.value ?? live?.totpEnabled ?? false)
    }

    /// Device remembering to have: the manifest's, else the live one.
    static func remember(_ spec: MfaPolicySpec, live: MfaPolicyLive?) -> DeviceRemembering {
        spec.deviceTracking?.remember?.value ?? live?.remember ?? .never
    }

    /// Whether remembered devices may skip MFA: the manifest's, else the live one.
    static func bypass(_ spec: MfaPolicySpec, live: MfaPolicyLive?) -> Bool {
        spec.deviceTracking?.bypassMfaOnRememberedDevices?.value ?? live?.bypassMfaOnRememberedDevices ?? false
    }

    /// Whether the fields of `paths` differ between the manifest and `live`.
    static func differ(_ spec: MfaPolicySpec, live: MfaPolicyLive, in paths: Set<String>) -> Bool {
        let current = Self.live(live)
        return desired(spec, live: live).contains { path, value in paths.contains(path) && current[path] != value }
    }

    /// The warning for turning MFA ON on an existing pool that has (or may have) users: each of them must enroll.
    static func warnings(_ spec: MfaPolicySpec, live: MfaPolicyLive?) -> [String] {
        guard spec.mode.value == .on, let live, live.mode != .on else { return [] }
        let users = live.pool.estimatedNumberOfUsers
        if let users, users <= 0 { return [] }
        let count = users.map { "its \($0) existing user(s)" } ?? "its existing users"
        return ["turns MFA ON for user pool \(live.pool.id): every one of \(count) must enroll in an MFA factor (SMS or TOTP) at their next sign-in"]
    }
}
