import AWSServices
import Manifests

/// Builds CreateUserPool and UpdateUserPool bodies from a UserPool manifest (pure).
///
/// Updates start from `UserPoolDescription.updateRequest()`, every updatable live value verbatim, because
/// UpdateUserPool resets whatever it omits (Lambda triggers, email and device settings, MFA…); only the fields the
/// manifest sets are overlaid. MFA (`MfaConfiguration`, `SmsAuthenticationMessage`) and `DeviceConfiguration`
/// belong to MfaPolicy and always travel as they are live.
struct UserPoolRequestBuilder: Sendable {
    /// The resource.
    let address: ResourceAddress
    /// The spec.
    let spec: UserPoolSpec
    /// The resolved SMS role, when the manifest manages one.
    let sms: UserPoolSmsSettings?
    /// The manifest set's owner, for the `smsauth:owner` tag.
    let owner: String?

    /// CreateUserPool: everything the manifest sets, the immutable fields, the schema and the tags.
    func create() -> JSONValue {
        var request: [String: JSONValue] = [:]
        overlay(&request, creating: true)
        if let names = spec.usernameAttributes?.value, !names.isEmpty {
            request["UsernameAttributes"] = .strings(names.map(\.value.rawValue))
        }
        if let names = spec.aliasAttributes?.value, !names.isEmpty {
            request["AliasAttributes"] = .strings(names.map(\.value.rawValue))
        }
        let schema = (spec.customAttributes?.value ?? []).map(Self.schemaAttribute)
        if !schema.isEmpty { request["Schema"] = .array(schema) }
        request["UserPoolTags"] = .strings(tags(live: [:]))
        return .object(Self.sanitized(request))
    }

    /// UpdateUserPool for `pool`: its live configuration with the managed fields overlaid.
    func update(from pool: UserPoolDescription) -> JSONValue {
        var request = pool.updateRequest()
        overlay(&request, creating: false)
        request["UserPoolTags"] = .strings(tags(live: pool.tags))
        return .object(Self.sanitized(request))
    }

    /// UpdateUserPool that only turns deletion protection off, everything else as it is live.
    static func disableDeletionProtection(of pool: UserPoolDescription) -> JSONValue {
        var request = unchanged(pool)
        request["DeletionProtection"] = "INACTIVE"
        return .object(request)
    }

    /// The members of an UpdateUserPool that leaves `pool` as it is live (UpdateUserPool resets what it is not
    /// sent), `sanitized`: what a change of one setting starts from (an MfaPolicy's device tracking).
    static func unchanged(_ pool: UserPoolDescription) -> [String: JSONValue] {
        sanitized(pool.updateRequest())
    }

    /// The custom attributes the manifest lists that `pool` lacks (for AddCustomAttributes).
    func customAttributesToAdd(to pool: UserPoolDescription) -> [JSONValue] {
        let existing = Set(LiveUserPool(pool: pool).customAttributeNames)
        return (spec.customAttributes?.value ?? []).filter { !existing.contains($0.name.value) }.map(Self.schemaAttribute)
    }

    /// The tag set the pool should end with: the manifest's tags (or, when it sets none, the live user tags) plus
    /// the ownership tags. AWS's reserved `aws:` tags are never sent.
    func tags(live: [String: String]) -> [String: String] {
        let user = spec.tags?.value ?? LiveUserPool.userTags(live)
        return user.merging(OwnershipTags.tags(for: address, owner: owner)) { _, ownership in ownership }
    }

    /// Sets the managed members on `request` (the immutable ones only when `creating`).
    private func overlay(_ request: inout [String: JSONValue], creating: Bool) {
        request["PoolName"] = .string(spec.poolName.value)
        if let names = spec.autoVerifiedAttributes?.value {
            request["AutoVerifiedAttributes"] = .strings(names.map(\.value.rawValue))
        }
        overlaySms(&request)
        if let messages = spec.verificationMessages {
            var template = request["VerificationMessageTemplate"]?.objectValue ?? [:]
            for (value, legacy, member) in [(messages.sms, "SmsVerificationMessage", "SmsMessage"),
                                            (messages.emailSubject, "EmailVerificationSubject", "EmailSubject"),
                                            (messages.email, "EmailVerificationMessage", "EmailMessage")] {
                guard let value else { continue }
                request[legacy] = .string(value.value)
                template[member] = .string(value.value)
            }
            request["VerificationMessageTemplate"] = .object(template)
        }
        UserPoolFields.table.overlay(spec.mapped, on: &request, creating: creating)
        if let options = spec.accountRecovery?.value {
            let mechanisms = options.enumerated().map { index, option -> JSONValue in
                ["Priority": .number(Double(index + 1)), "Name": .string(option.value.rawValue)]
            }
            request["AccountRecoverySetting"] = ["RecoveryMechanisms": .array(mechanisms)]
        }
    }

    /// `SmsConfiguration`: the role, external id and path (`UserPoolSmsSettings.configuration(over:)`), and
    /// `SnsRegion` from `smsRegion`, merged into the live one. A configuration naming neither path is left out.
    private func overlaySms(_ request: inout [String: JSONValue]) {
        var config = request["SmsConfiguration"]?.objectValue ?? [:]
        if let sms { config = sms.configuration(over: config) }
        if let region = spec.smsRegion { config["SnsRegion"] = .string(region.value) }
        if config["SnsCallerArn"] != nil || config["EumsSms"] != nil { request["SmsConfiguration"] = .object(config) }
    }

    /// Removes what UpdateUserPool/CreateUserPool reject although DescribeUserPool reports it:
    /// - `AdminCreateUserConfig.UnusedAccountValidityDays` once `PasswordPolicy.TemporaryPasswordValidityDays` is set,
    ///   also by the manifest (`UserPoolDescription.withoutLegacyValidityDays`);
    /// - attributes in `UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate` that are no longer
    ///   auto-verified (Cognito requires them to be in `AutoVerifiedAttributes`).
    static func sanitized(_ request: [String: JSONValue]) -> [String: JSONValue] {
        var request = UserPoolDescription.withoutLegacyValidityDays(request)
        if var settings = request["UserAttributeUpdateSettings"]?.objectValue,
           let required = settings["AttributesRequireVerificationBeforeUpdate"]?.arrayValue {
            let verified = Set((request["AutoVerifiedAttributes"]?.arrayValue ?? []).compactMap(\.stringValue))
            settings["AttributesRequireVerificationBeforeUpdate"] =
                .array(required.filter { $0.stringValue.map(verified.contains) ?? false })
            request["UserAttributeUpdateSettings"] = .object(settings)
        }
        return request
    }

    /// A `SchemaAttributeType` for a custom attribute (name without `custom:`, constraints as strings).
    static func schemaAttribute(_ attribute: UserPoolSpec.CustomAttribute) -> JSONValue {
        var members: [String: JSONValue] = [
            "Name": .string(attribute.name.value), "AttributeDataType": .string(attribute.type.value.rawValue),
        ]
        members["Mutable"] = attribute.mutable.map { .bool($0.value) }
        var strings: [String: JSONValue] = [:]
        strings["MinLength"] = attribute.minLength.map { .string(String($0.value)) }
        strings["MaxLength"] = attribute.maxLength.map { .string(String($0.value)) }
        if !strings.isEmpty { members["StringAttributeConstraints"] = .object(strings) }
        var numbers: [String: JSONValue] = [:]
        numbers["MinValue"] = attribute.minValue.map { .string(String($0.value)) }
        numbers["MaxValue"] = attribute.maxValue.map { .string(String($0.value)) }
        if !numbers.isEmpty { members["NumberAttributeConstraints"] = .object(numbers) }
        return .object(members)
    }
}
