import AWSServices
import Manifests

/// Reads the managed fields of a described pool in the manifest's terms (the reverse of `UserPoolRequestBuilder`).
struct LiveUserPool: Sendable {
    /// The pool as DescribeUserPool answered.
    let pool: UserPoolDescription

    /// The pool's `SmsConfiguration.EumsSms` members (empty when it sends through SNS or not at all).
    private var smsPath: [String: JSONValue] { pool.raw["SmsConfiguration"]?["EumsSms"]?.objectValue ?? [:] }

    /// The live value of a non-custom-attribute path (`null` when AWS has none); the simple fields through
    /// `UserPoolFields.table`. A verification message is held
    /// twice (`VerificationMessageTemplate` and the older top-level member, which smsauth sets alike): when they
    /// differ, the one that is not `desired` is the one changed out of band, and is the live value.
    func value(at path: String, desired: PlanValue? = nil) -> PlanValue {
        let raw = pool.raw
        switch path {
        case "verificationMessages.sms":
            return message(plan(raw["VerificationMessageTemplate"]?["SmsMessage"]),
                           plan(raw["SmsVerificationMessage"]), desired: desired)
        case "verificationMessages.emailSubject":
            return message(plan(raw["VerificationMessageTemplate"]?["EmailSubject"]),
                           plan(raw["EmailVerificationSubject"]), desired: desired)
        case "verificationMessages.email":
            return message(plan(raw["VerificationMessageTemplate"]?["EmailMessage"]),
                           plan(raw["EmailVerificationMessage"]), desired: desired)
        case "poolName": return .string(pool.name)
        case "usernameAttributes": return UserPoolFields.set(strings(raw["UsernameAttributes"]))
        case "aliasAttributes": return UserPoolFields.set(strings(raw["AliasAttributes"]))
        case "autoVerifiedAttributes": return UserPoolFields.set(strings(raw["AutoVerifiedAttributes"]))
        case "smsRole":
            guard let eums = raw["SmsConfiguration"]?["EumsSms"] else {
                return .map(["arn": plan(raw["SmsConfiguration"]?["SnsCallerArn"]),
                             "externalId": plan(raw["SmsConfiguration"]?["ExternalId"])])
            }
            return .map(["arn": plan(eums["CallerArn"]), "externalId": plan(eums["ExternalId"]),
                         "service": .string(SmsService.endUserMessaging.rawValue),
                         "configurationSet": plan(eums["ConfigurationSetName"])])
        case "smsRoleArn": return plan(smsPath["CallerArn"] ?? raw["SmsConfiguration"]?["SnsCallerArn"])
        case "smsExternalId": return plan(smsPath["ExternalId"] ?? raw["SmsConfiguration"]?["ExternalId"])
        case "smsService":
            guard raw["SmsConfiguration"] != nil else { return .null }
            return .string((smsPath.isEmpty ? SmsService.sns : .endUserMessaging).rawValue)
        case "smsConfigurationSet": return plan(smsPath["ConfigurationSetName"])
        case "smsRegion": return plan(raw["SmsConfiguration"]?["SnsRegion"])
        case "accountRecovery": return recoveryMechanisms()
        case "tags": return .map(Self.userTags(pool.tags).mapValues(PlanValue.string))
        default: return UserPoolFields.table.live(at: path, in: raw) ?? .null
        }
    }

    /// Names (without `custom:`) of the pool's custom attributes.
    var customAttributeNames: [String] {
        (pool.raw["SchemaAttributes"]?.arrayValue ?? []).compactMap { attribute in
            guard let name = attribute["Name"]?.stringValue, name.hasPrefix("custom:") else { return nil }
            return String(name.dropFirst("custom:".count))
        }
    }

    /// The custom attribute `name` with only `keys` (every key AWS reports when nil); `null` when it does not exist.
    func customAttribute(_ name: String, keys: Set<String>?) -> PlanValue {
        let attributes = pool.raw["SchemaAttributes"]?.arrayValue ?? []
        guard let attribute = attributes.first(where: { $0["Name"]?.stringValue == "custom:\(name)" }) else { return .null }
        let strings = attribute["StringAttributeConstraints"]
        let numbers = attribute["NumberAttributeConstraints"]
        let all: [String: PlanValue] = [
            "type": plan(attribute["AttributeDataType"]),
            "mutable": plan(attribute["Mutable"]),
            "minLength": number(strings?["MinLength"]),
            "maxLength": number(strings?["MaxLength"]),
            "minValue": number(numbers?["MinValue"]),
            "maxValue": number(numbers?["MaxValue"]),
        ]
        guard let keys else { return .map(all.filter { $0.value != .null }) }
        return .map(Dictionary(uniqueKeysWithValues: keys.map { ($0, all[$0] ?? .null) }))
    }

    /// Tags the manifest's `tags` is compared with: all but smsauth's ownership tags and AWS's reserved `aws:` ones.
    static func userTags(_ tags: [String: String]) -> [String: String] {
        tags.filter { key, _ in
            !OwnershipTags.keys.contains(key) && !key.hasPrefix("aws:")
        }
    }

    /// `AccountRecoverySetting.RecoveryMechanisms` names in priority order.
    private func recoveryMechanisms() -> PlanValue {
        let mechanisms = pool.raw["AccountRecoverySetting"]?["RecoveryMechanisms"]?.arrayValue ?? []
        let ordered = mechanisms.sorted { ($0["Priority"]?.intValue ?? 0) < ($1["Priority"]?.intValue ?? 0) }
        return .list(ordered.compactMap { $0["Name"]?.stringValue }.map(PlanValue.string))
    }

    /// Strings of a JSON array (absent = empty).
    private func strings(_ value: JSONValue?) -> [String] { (value?.arrayValue ?? []).compactMap(\.stringValue) }

    /// A constraint AWS sends as a string ("64"), as a number when it is one.
    private func number(_ value: JSONValue?) -> PlanValue {
        if let text = value?.stringValue { return Double(text).map(PlanValue.number) ?? .string(text) }
        return plan(value)
    }

    /// A scalar JSON value as a plan value.
    /// One verification message from its template member and its top-level member: the one set when only one is;
    /// when both are set and differ, the one that is not `desired`.
    private func message(_ template: PlanValue, _ topLevel: PlanValue, desired: PlanValue?) -> PlanValue {
        if template == .null { return topLevel }
        if topLevel == .null || topLevel == template { return template }
        return template == desired ? topLevel : template
    }

    private func plan(_ value: JSONValue?) -> PlanValue {
        switch value {
        case let .string(text)?: .string(text)
        case let .bool(flag)?: .bool(flag)
        case let .number(number)?: .number(number)
        default: .null
        }
    }
}
