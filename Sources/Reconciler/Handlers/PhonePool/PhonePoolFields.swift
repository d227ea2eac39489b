import AWSServices
import Manifests

/// The manifest ↔ AWS mapping of a `PhonePool`: plan paths, immutable fields and membership. Pure.
enum PhonePoolFields {
    /// Paths that cannot change after CreatePool.
    static let immutablePaths: Set<String> = ["isoCountryCode", "messageType"]

    /// What a pool created without them has at the optional paths (as `live` reads them): the account's default
    /// opt-out list, no self-managed opt-outs, shared routes, two-way SMS or deletion protection, no user tags.
    static let createdWithout: [String: PlanValue] = [
        "optOutListName": .string(OriginationIdentityState.defaultOptOutListName), "selfManagedOptOuts": .bool(false),
        "sharedRoutes": .bool(false), "twoWay": .bool(false), "deletionProtection": .bool(false), "tags": .map([:]),
    ]

    /// The managed fields the manifest sets, by plan path (membership is planned separately).
    static func desired(_ spec: PhonePoolSpec) -> [String: PlanValue] {
        var fields: [String: PlanValue] = [
            "isoCountryCode": .string(spec.isoCountryCode.value),
            "messageType": .string(spec.messageType.value.rawValue),
        ]
        fields["optOutListName"] = spec.optOutListName.map { .string(OriginationIdentityState.optOutListName($0.value)) }
        fields["selfManagedOptOuts"] = spec.selfManagedOptOuts.map { .bool($0.value) }
        fields["sharedRoutes"] = spec.sharedRoutes.map { .bool($0.value) }
        fields["twoWay"] = spec.twoWay.map { .bool($0.value) }
        fields["deletionProtection"] = spec.deletionProtection.map { .bool($0.value) }
        fields["tags"] = spec.tags.map { .map($0.value.mapValues { .string($0) }) }
        return fields
    }

    /// The same paths read from `pool`.
    static func live(_ pool: PhonePoolLive, spec: PhonePoolSpec) -> [String: PlanValue] {
        var fields: [String: PlanValue] = [
            "selfManagedOptOuts": .bool(pool.selfManagedOptOuts),
            "sharedRoutes": .bool(pool.sharedRoutes),
            "twoWay": .bool(pool.twoWay),
            "deletionProtection": .bool(pool.deletionProtection),
            "tags": .map(OriginationIdentityFields.userTags(pool.tags).mapValues { .string($0) }),
        ]
        fields["isoCountryCode"] = pool.isoCountryCode(preferring: spec.isoCountryCode.value).map { .string($0) }
        fields["messageType"] = pool.messageType.map { .string($0) }
        fields["optOutListName"] = pool.optOutListName.map { .string($0) }
        return fields
    }

    /// The UpdatePool members for the settings that differ from `pool` (empty when none do).
    static func updates(_ spec: PhonePoolSpec, pool: PhonePoolLive) -> [String: JSONValue] {
        var settings: [String: JSONValue] = [:]
        if let wanted = spec.twoWay?.value, wanted != pool.twoWay { settings["TwoWayEnabled"] = .bool(wanted) }
        if let wanted = spec.selfManagedOptOuts?.value, wanted != pool.selfManagedOptOuts {
            settings["SelfManagedOptOutsEnabled"] = .bool(wanted)
        }
        if let wanted = spec.optOutListName?.value, OriginationIdentityState.optOutListName(wanted) != pool.optOutListName {
            settings["OptOutListName"] = .string(wanted)
        }
        if let wanted = spec.sharedRoutes?.value, wanted != pool.sharedRoutes { settings["SharedRoutesEnabled"] = .bool(wanted) }
        if let wanted = spec.deletionProtection?.value, wanted != pool.deletionProtection {
            settings["DeletionProtectionEnabled"] = .bool(wanted)
        }
        return settings
    }
}

/// How a pool's members must change: identities to associate (by manifest name, with their `id` when known) and
/// members to disassociate. Pure.
struct PoolMembership: Sendable, Equatable {
    /// Desired identities not in the pool yet: manifest name and `id` output (nil before it exists).
    var associate: [(name: String, id: String?)]
    /// Members the manifest no longer lists, with the label shown in the plan.
    var disassociate: [(label: String, member: PoolMember)]

    /// Compares the manifest's identities (resolved through `ids`, name → `id` output) with `members`.
    init(names: [String], ids: [String: String], members: [PoolMember], arns: [String: String]) {
        associate = names.compactMap { name in
            let id = ids[name]
            guard let id, members.contains(where: { $0.isIdentified(by: id) }) else { return (name, id) }
            return nil
        }
        let wanted = names.compactMap { ids[$0] }
        disassociate = members.filter { member in !wanted.contains(where: member.isIdentified(by:)) }.map { member in
            (arns.first { $0.value == member.arn }?.key ?? member.identity, member)
        }
    }

    /// Whether nothing changes.
    var isEmpty: Bool { associate.isEmpty && disassociate.isEmpty }

    /// One field change per identity: `originationIdentities.<name>` false → true (associate) or true → false.
    var fieldChanges: [FieldChange] {
        associate.map { FieldChange(path: "originationIdentities.\($0.name)", before: .bool(false), after: .bool(true)) }
            + disassociate.map { FieldChange(path: "originationIdentities.\($0.label)", before: .bool(true), after: .bool(false)) }
    }

    /// Equal when the same names and members change.
    static func == (lhs: PoolMembership, rhs: PoolMembership) -> Bool {
        lhs.associate.map(\.name) == rhs.associate.map(\.name) && lhs.associate.map(\.id) == rhs.associate.map(\.id)
            && lhs.disassociate.map(\.member) == rhs.disassociate.map(\.member)
    }
}

extension PoolMembership {
    /// The membership change of `spec` against `members`, resolving identity names through `references`
    /// (the `id` and `arn` outputs of each OriginationIdentity).
    init(spec: PhonePoolSpec, members: [PoolMember], references: [ResourceAddress: [String: String]]) {
        var ids: [String: String] = [:]
        var arns: [String: String] = [:]
        for (address, outputs) in references where address.kind == .originationIdentity {
            ids[address.name] = outputs["id"]
            arns[address.name] = outputs["arn"]
        }
        self.init(names: spec.originationIdentities.value.map(\.value), ids: ids, members: members, arns: arns)
    }
}
