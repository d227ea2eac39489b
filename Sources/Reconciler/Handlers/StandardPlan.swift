import Manifests

/// The decision most kinds share, as pure code: compare the managed fields of the manifest with the live ones and
/// pick create, update, replace, refuse, delete, retain or noop. Handlers describe their fields; this decides.
struct StandardPlan: Sendable {
    /// The managed fields the manifest sets, by manifest path (`passwordPolicy.minimumLength`). Fields the manifest
    /// leaves out are absent: they are not managed and never reported as drift.
    var desired: [String: PlanValue]
    /// The same paths read from AWS (missing = `.null`); nil when nothing exists.
    var live: [String: PlanValue]?
    /// Paths AWS cannot change in place (a change needs a replacement).
    var immutable: Set<String>
    /// Why an immutable change needs a replacement and what it costs, e.g. "all users will be lost".
    var replacementConsequence: String
    /// Whether a foreign live resource is the one `spec.adopt` names.
    var adoptsForeign: Bool
    /// Addresses this resource lives inside: when one of them is replaced, this one is recreated with it
    /// (an app client inside its user pool).
    var boundTo: [ResourceAddress]
    /// Extra warnings for the change.
    var warnings: [String]
    /// The id or ARN of the live resource found, named in a refusal to take over one without smsauth's tags.
    var foundId: String?
    /// What a resource created from the manifest has at the managed paths the manifest may leave out (AWS's
    /// defaults, as `live` reads them). A replacement lists each such path whose live value differs: the new
    /// resource loses that value. Only paths `live` holds a value at are compared (a value AWS did not report, `null`,
    /// is not shown as lost).
    var createdWithout: [String: PlanValue]

    /// Creates the comparison.
    init(desired: [String: PlanValue], live: [String: PlanValue]?, immutable: Set<String> = [],
                replacementConsequence: String = "", adoptsForeign: Bool = false, boundTo: [ResourceAddress] = [],
                warnings: [String] = [], foundId: String? = nil, createdWithout: [String: PlanValue] = [:]) {
        self.desired = desired
        self.live = live
        self.immutable = immutable
        self.replacementConsequence = replacementConsequence
        self.adoptsForeign = adoptsForeign
        self.boundTo = boundTo
        self.warnings = warnings
        self.foundId = foundId
        self.createdWithout = createdWithout
    }

    /// The field changes: every desired path whose live value differs, sorted by path.
    func fieldChanges() -> [FieldChange] {
        desired.keys.sorted().compactMap { path in
            let after = desired[path] ?? .null
            let before = live?[path] ?? .null
            guard before != after else { return nil }
            return FieldChange(path: path, before: live == nil ? .null : before, after: after,
                               forcesReplacement: live != nil && immutable.contains(path))
        }
    }

    /// What a replacement changes besides `fieldChanges()`: every path the manifest leaves out whose live value
    /// differs from a new resource's (`createdWithout`), marked as forcing when AWS cannot change it in place.
    func fieldChangesLeftOut() -> [FieldChange] {
        guard let live else { return [] }
        return createdWithout.keys.sorted().compactMap { path in
            guard desired[path] == nil, let created = createdWithout[path], let before = live[path], before != .null,
                  before != created else { return nil }
            return FieldChange(path: path, before: before, after: created, forcesReplacement: immutable.contains(path))
        }
    }

    /// Every field that differs between the live resource and the one a replacement creates, sorted by path.
    private func replacementFieldChanges(_ changes: [FieldChange]) -> [FieldChange] {
        (changes + fieldChangesLeftOut()).sorted { $0.path < $1.path }
    }

    /// The change for `input`.
    func change<Live>(for input: PlanInput<Live>) throws(PlanError) -> ResourceChange {
        let address = input.address
        let dependencies = input.desired?.dependencies ?? []
        guard let desiredResource = input.desired else {
            return try removedChange(input)
        }
        let changes = fieldChanges()
        switch input.live {
        case .absent:
            return try ResourceChange(address: address, action: .create, fieldChanges: changes, warnings: warnings,
                                      dependencies: dependencies)
        case .foreign where !adoptsForeign:
            return try ResourceChange(
                address: address, action: .refuse,
                reason: "found a matching \(address.kind.rawValue)\(foundId.map { " (\($0))" } ?? "") without this resource's ownership tags (made outside smsauth, or another manifest's): set spec.adopt to its id or ARN to manage it",
                warnings: warnings, dependencies: dependencies)
        case .otherOwner(_, let owner):
            return try ResourceChange(
                address: address, action: .refuse,
                reason: OwnershipError.otherOwner(address, found: owner, runOwner: input.options.owner).message,
                warnings: warnings, dependencies: dependencies)
        case .duplicate(let ids):
            return try ResourceChange(address: address, action: .refuse,
                                      reason: OwnershipError.duplicate(address, ids: ids).message,
                                      warnings: warnings, dependencies: dependencies)
        case .foreign, .owned, .legacy:
            if let parent = boundTo.first(where: { input.dependencyActions[$0] == .replace }) {
                return try ResourceChange(address: address, action: .replace,
                                          fieldChanges: replacementFieldChanges(changes),
                                          reason: "\(parent) is replaced, so this is recreated inside the new one",
                                          warnings: warnings, dependencies: dependencies)
            }
            let forcing = changes.filter(\.forcesReplacement).map(\.path)
            if !forcing.isEmpty {
                return try immutableChange(address, forcing: forcing, changes: changes,
                                           policy: desiredResource.policy.onImmutableChange.value, dependencies: dependencies)
            }
            let adopting = input.live.isForeign
            let action: ChangeAction = changes.isEmpty && !adopting ? .noop : .update
            return try ResourceChange(address: address, action: action, fieldChanges: changes,
                                      warnings: adopting ? warnings + ["adopts the existing resource and adds smsauth's ownership tags"] : warnings,
                                      dependencies: dependencies)
        }
    }

    /// Refuse or replace for changes of immutable fields.
    private func immutableChange(_ address: ResourceAddress, forcing: [String], changes: [FieldChange],
                                 policy: ImmutableChangePolicy, dependencies: [ResourceAddress]) throws(PlanError) -> ResourceChange {
        let fields = forcing.joined(separator: ", ")
        let cost = replacementConsequence.isEmpty ? "" : "; \(replacementConsequence)"
        switch policy {
        case .refuse:
            return try ResourceChange(
                address: address, action: .refuse, fieldChanges: changes,
                reason: "\(fields) cannot change after creation (set policy.onImmutableChange: Recreate to delete and recreate the \(address.kind.rawValue)\(cost))",
                warnings: warnings, dependencies: dependencies)
        case .recreate:
            let replaced = replacementFieldChanges(changes)
            let allForcing = replaced.filter(\.forcesReplacement).map(\.path).joined(separator: ", ")
            return try ResourceChange(
                address: address, action: .replace, fieldChanges: replaced,
                reason: "\(allForcing) cannot change after creation: deleted and created again\(cost)",
                warnings: warnings, dependencies: dependencies)
        }
    }

    /// The change for a resource whose manifest is gone: deleted or released only when it is owned now; anything
    /// else found is refused (`OwnershipError`), its status kept.
    private func removedChange<Live>(_ input: PlanInput<Live>) throws(PlanError) -> ResourceChange {
        let address = input.address
        switch input.live {
        case .absent:
            return try ResourceChange(address: address, action: .noop)
        case .foreign, .legacy:
            return try ResourceChange(
                address: address, action: .refuse,
                reason: OwnershipError.notOwnedNow(address, legacy: input.live.isLegacy, runOwner: input.options.owner).message)
        case .otherOwner(_, let owner):
            return try ResourceChange(
                address: address, action: .refuse,
                reason: OwnershipError.otherOwner(address, found: owner, runOwner: input.options.owner).message)
        case .duplicate(let ids):
            return try ResourceChange(address: address, action: .refuse,
                                      reason: OwnershipError.duplicate(address, ids: ids).message)
        case .owned:
            switch input.deletePolicy {
            case .delete: return try ResourceChange(address: input.address, action: .delete, warnings: warnings)
            case .retain: return try ResourceChange(address: input.address, action: .retain, warnings: warnings)
            }
        }
    }
}

extension LiveState {
    /// Whether the live resource lacks our ownership tags.
    var isForeign: Bool {
        if case .foreign = self { return true }
        return false
    }

    /// Whether the live resource carries the ownership tags of an earlier smsauth without an owner.
    var isLegacy: Bool {
        if case .legacy = self { return true }
        return false
    }
}
