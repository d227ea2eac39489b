import AWSServices
import Manifests

/// The Cognito requests that apply an MfaPolicy.
enum MfaPolicyRequests {
    /// SetUserPoolMfaConfigRequest for `spec` on the pool in `live`. MFA ON/OPTIONAL: SmsMfaConfiguration (message:
    /// the manifest's, else the live one; SmsConfiguration: the pool's live one) only when SMS is on, TOTP on or off,
    /// and the live email MFA configuration carried over (SetUserPoolMfaConfig resets what it omits). OFF: no factor
    /// at all (AWS rejects OFF with a configured factor).
    static func mfaConfig(_ spec: MfaPolicySpec, live: MfaPolicyLive, address: ResourceAddress) throws -> [String: JSONValue] {
        let mode = spec.mode.value
        guard mode != .off else { return off(live) }
        let sms = MfaPolicyFields.smsOn(spec, live: live)
        let totp = MfaPolicyFields.totpOn(spec, live: live)
        guard sms || totp else { throw MfaPolicyError.noFactor(address) }
        var request = carried(live, mode: mode)
        request["MfaConfiguration"] = .string(mode.rawValue)
        request["SoftwareTokenMfaConfiguration"] = ["Enabled": .bool(totp)]
        if sms {
            guard let configuration = live.pool.raw["SmsConfiguration"], configuration.objectValue != nil else {
                throw MfaPolicyError.noSmsConfiguration(address, poolId: live.pool.id)
            }
            var smsMfa: [String: JSONValue] = ["SmsConfiguration": configuration]
            if let message = spec.sms?.message?.value ?? live.smsMessage { smsMfa["SmsAuthenticationMessage"] = .string(message) }
            request["SmsMfaConfiguration"] = .object(smsMfa)
        }
        return request
    }

    /// SetUserPoolMfaConfigRequest turning MFA OFF with every factor off (what a removed MfaPolicy with
    /// `onDelete: Delete` does).
    static func off(_ live: MfaPolicyLive) -> [String: JSONValue] {
        var request = carried(live, mode: .off)
        request["MfaConfiguration"] = .string(MfaMode.off.rawValue)
        request["SoftwareTokenMfaConfiguration"] = ["Enabled": false]
        return request
    }

    /// UpdateUserPoolRequest changing only the pool's DeviceConfiguration: every other updatable member is the live
    /// value (UpdateUserPool resets what it omits). Never: DeviceConfiguration left out, which UpdateUserPool resets
    /// to its default, no device remembering (a value for any of its properties would turn remembering on).
    static func devices(_ spec: MfaPolicySpec, live: MfaPolicyLive) -> [String: JSONValue] {
        var request = UserPoolRequestBuilder.unchanged(live.pool)
        switch MfaPolicyFields.remember(spec, live: live) {
        case .never:
            request.removeValue(forKey: "DeviceConfiguration")
        case let remember:
            request["DeviceConfiguration"] = [
                "DeviceOnlyRememberedOnUserPrompt": .bool(remember == .userOptIn),
                "ChallengeRequiredOnNewDevice": .bool(MfaPolicyFields.bypass(spec, live: live)),
            ]
        }
        return request
    }

    /// The pool id and the live MFA settings smsauth does not manage: passkeys always, email MFA unless MFA goes
    /// OFF (a factor with OFF is rejected).
    private static func carried(_ live: MfaPolicyLive, mode: MfaMode) -> [String: JSONValue] {
        var request: [String: JSONValue] = ["UserPoolId": .string(live.pool.id)]
        if let webAuthn = live.mfaConfig["WebAuthnConfiguration"], webAuthn != .null { request["WebAuthnConfiguration"] = webAuthn }
        if mode != .off, let email = live.mfaConfig["EmailMfaConfiguration"], email != .null {
            request["EmailMfaConfiguration"] = email
        }
        return request
    }
}
