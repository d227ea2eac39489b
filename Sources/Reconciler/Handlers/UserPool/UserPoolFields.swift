import AWSServices
import Manifests

/// The managed fields of a UserPool, keyed by manifest path (`passwordPolicy.minimumLength`), as the manifest sets
/// them and as a live pool has them. Only fields the manifest sets appear; values are normalised the way AWS means
/// them (sets sorted, absent lists empty, custom attribute constraints as numbers), so a pool just made from the
/// manifest compares equal.
struct UserPoolFields: Sendable {
    /// The simple fields (`FieldCatalog.userPool`'s rows with an AWS member).
    static let table = FieldTable(.userPool)
    /// Paths that cannot change after creation (besides the existing custom attributes).
    static let immutablePaths: Set<String> = table.immutablePaths.union(["usernameAttributes", "aliasAttributes"])
    /// Prefix of the per-attribute paths of `customAttributes`.
    static let customPrefix = "customAttributes."

    /// The spec.
    let spec: UserPoolSpec
    /// The resolved SMS role, when the manifest manages one.
    let sms: UserPoolSmsSettings?

    /// The managed fields as the manifest sets them.
    func desired() -> [String: PlanValue] {
        var fields: [String: PlanValue] = ["poolName": .string(spec.poolName.value)]
        fields["usernameAttributes"] = spec.usernameAttributes.map { Self.set($0.value.map(\.value.rawValue)) }
        fields["aliasAttributes"] = spec.aliasAttributes.map { Self.set($0.value.map(\.value.rawValue)) }
        fields["autoVerifiedAttributes"] = spec.autoVerifiedAttributes.map { Self.set($0.value.map(\.value.rawValue)) }
        if let sms {
            let arn = PlanValue.string(sms.roleArn ?? UserPoolSmsSettings.knownAfterApply)
            if spec.smsRole != nil {
                let externalId = PlanValue.string(sms.externalId ?? UserPoolSmsSettings.knownAfterApply)
                fields["smsRole"] = .map(["arn": arn, "externalId": externalId].merging(sms.pathFields) { _, path in path })
            } else {
                fields["smsRoleArn"] = arn
                fields["smsExternalId"] = sms.externalId.map(PlanValue.string)
                fields["smsService"] = .string(sms.service.rawValue)
                fields["smsConfigurationSet"] = sms.pathFields["configurationSet"]
            }
        }
        fields["smsRegion"] = spec.smsRegion.map { .string($0.value) }
        if let messages = spec.verificationMessages {
            fields["verificationMessages.sms"] = messages.sms.map { .string($0.value) }
            fields["verificationMessages.emailSubject"] = messages.emailSubject.map { .string($0.value) }
            fields["verificationMessages.email"] = messages.email.map { .string($0.value) }
        }
        for attribute in spec.customAttributes?.value ?? [] {
            fields[Self.customPrefix + attribute.name.value] = Self.desired(attribute)
        }
        fields["accountRecovery"] = spec.accountRecovery.map { .list($0.value.map { .string($0.value.rawValue) }) }
        fields["tags"] = spec.tags.map { .map($0.value.mapValues(PlanValue.string)) }
        return fields.merging(Self.table.desired(spec.mapped)) { coded, _ in coded }
    }

    /// The same paths read from `pool`. When the manifest manages custom attributes, live ones it does not list
    /// appear too (removing one is an immutable change); `desiredWithRemovals` gives them a `null` desired value.
    func live(_ pool: UserPoolDescription, for desired: [String: PlanValue]) -> [String: PlanValue] {
        let reader = LiveUserPool(pool: pool)
        var fields: [String: PlanValue] = [:]
        for path in desired.keys {
            if path.hasPrefix(Self.customPrefix) {
                let name = String(path.dropFirst(Self.customPrefix.count))
                fields[path] = reader.customAttribute(name, keys: desired[path]?.mapKeys)
            } else {
                fields[path] = reader.value(at: path, desired: desired[path])
            }
        }
        if spec.customAttributes != nil {
            for name in reader.customAttributeNames where desired[Self.customPrefix + name] == nil {
                fields[Self.customPrefix + name] = reader.customAttribute(name, keys: nil)
            }
        }
        return fields
    }

    /// `desired` plus a `null` entry for each live custom attribute the manifest no longer lists.
    func desiredWithRemovals(_ desired: [String: PlanValue], live: [String: PlanValue]) -> [String: PlanValue] {
        var fields = desired
        for path in live.keys where path.hasPrefix(Self.customPrefix) && fields[path] == nil {
            fields[path] = .null
        }
        return fields
    }

    /// What a pool created without them has at the paths the manifest may leave out whose AWS default is
    /// documented (as `LiveUserPool` reads them): no username or alias attributes; nothing verified automatically;
    /// no user tags; and the simple fields' AWS defaults from the catalog (case sensitive, AWS's default password
    /// policy, self sign-up allowed, no deletion protection).
    static let createdWithout: [String: PlanValue] = table.createdWithout.merging([
        "usernameAttributes": .list([]), "aliasAttributes": .list([]), "autoVerifiedAttributes": .list([]),
        "tags": .map([:]),
    ]) { _, coded in coded }

    /// The immutable paths a manifest may leave out, with what a new pool has there (`created`) and what `pool`
    /// has (`live`): the `createdWithout` paths, and every live custom attribute (a new pool does not have it).
    /// A replacement lists each one whose values differ (`StandardPlan.createdWithout`).
    func leftOut(of pool: UserPoolDescription) -> (created: [String: PlanValue], live: [String: PlanValue]) {
        let reader = LiveUserPool(pool: pool)
        var created = Self.createdWithout
        var live = Self.createdWithout.mapValues { _ in PlanValue.null }
        for path in Self.createdWithout.keys { live[path] = reader.value(at: path) }
        for name in reader.customAttributeNames {
            created[Self.customPrefix + name] = .null
            live[Self.customPrefix + name] = reader.customAttribute(name, keys: nil)
        }
        return (created, live)
    }

    /// Immutable paths for `pool`: the fixed ones plus every custom attribute that already exists.
    func immutablePaths(for pool: UserPoolDescription?) -> Set<String> {
        guard let pool else { return Self.immutablePaths }
        return Self.immutablePaths.union(LiveUserPool(pool: pool).customAttributeNames.map { Self.customPrefix + $0 })
    }

    /// A custom attribute as the manifest sets it: only the keys written.
    static func desired(_ attribute: UserPoolSpec.CustomAttribute) -> PlanValue {
        var members: [String: PlanValue] = ["type": .string(attribute.type.value.rawValue)]
        members["mutable"] = attribute.mutable.map { .bool($0.value) }
        members["minLength"] = attribute.minLength.map { .number(Double($0.value)) }
        members["maxLength"] = attribute.maxLength.map { .number(Double($0.value)) }
        members["minValue"] = attribute.minValue.map { .number(Double($0.value)) }
        members["maxValue"] = attribute.maxValue.map { .number(Double($0.value)) }
        return .map(members)
    }

    /// A set of strings, sorted (order carries no meaning for AWS).
    static func set(_ values: [String]) -> PlanValue { .list(Set(values).sorted().map(PlanValue.string)) }
}

extension PlanValue {
    /// The keys of a map value.
    var mapKeys: Set<String>? {
        if case let .map(members) = self { return Set(members.keys) }
        return nil
    }
}
