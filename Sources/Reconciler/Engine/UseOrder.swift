import Manifests

/// Deletes that wait for what still uses the deleted resource in AWS. A removed resource can still be in use by a
/// resource that a current manifest moves elsewhere in the same run: an SMS role renamed together with its
/// `metadata.name` is the removal of the old role and the create of a new one, and the pools that named the old role
/// move to the new one. Deleted first, it would leave those pools naming a deleted role, for good if their update
/// then fails. So such a delete runs after the changes that move its users (they become its dependencies, which the
/// executor waits for and which block it when they fail, `ExecutionSchedule`), and a user the run does not move
/// (its change refused, blocked or only reported) blocks it in the plan.
///
/// A user is found by the plan's own field changes: one whose value before the change is one of the deleted
/// resource's identifiers (`identifierKeys` among its outputs: its ARN, id, client id or external id), or, for a
/// kind declared to name the deleted kind by another output (`KindRelations.uses`: a pool names a configuration set
/// by its `name`), that output's value, in the same region. Pure.
enum UseOrder {
    /// The outputs other resources name a resource by anywhere. Others (a region, a phone number, a name) are shared
    /// by unrelated resources, and count only in the changes of kinds declared to name the kind by them
    /// (`namingOutputs`).
    static let identifierKeys = ["arn", "id", "clientId", "externalId"]

    /// The kinds that name a resource of `kind` by an output other than `identifierKeys`, with that output
    /// (`KindRelations.uses`: `UserPool` names a `ConfigurationSet` by `name`).
    static func namingOutputs(of kind: ResourceKind) -> [(user: ResourceKind, output: String)] {
        ResourceKind.allCases.flatMap { user in
            user.relations.uses.filter { $0.target == kind && !identifierKeys.contains($0.output) }
                .map { (user: user, output: $0.output) }
        }
    }

    /// `changes`, each delete of a resource still in use ordered after the changes that move its users, or blocked
    /// when one of them does not move; `outputs` are the live outputs by address.
    static func ordering(_ changes: [ResourceChange],
                         outputs: [ResourceAddress: [String: String]]) throws(PlanError) -> [ResourceChange] {
        var ordered: [ResourceChange] = []
        for change in changes {
            guard change.action == .delete else {
                ordered.append(change)
                continue
            }
            let recorded = outputs[change.address] ?? [:]
            let identifiers = Set(identifierKeys.compactMap { recorded[$0] }.filter { !$0.isEmpty })
            let named = Dictionary(grouping: namingOutputs(of: change.address.kind), by: \.user)
                .mapValues { uses in Set(uses.compactMap { recorded[$0.output] }.filter { !$0.isEmpty }) }
            let users = changes.filter { other in
                guard other.address != change.address && other.previousAddress != change.address
                    && other.action != .delete && other.action != .create else { return false }
                if other.fieldChanges.contains(where: { mentions($0.before, identifiers) }) { return true }
                let region = outputs[other.address]?["region"]
                guard let names = named[other.address.kind],
                      region == nil || recorded["region"] == nil || region == recorded["region"] else { return false }
                return other.fieldChanges.contains { mentions($0.before, names) }
            }
            ordered.append(try ordering(change, after: users))
        }
        return ordered
    }

    /// `delete`, waiting for `users`: blocked when one of them stays where it is, else after them.
    private static func ordering(_ delete: ResourceChange, after users: [ResourceChange]) throws(PlanError) -> ResourceChange {
        guard !users.isEmpty else { return delete }
        let staying = users.filter { !$0.action.movesUsers }
        if !staying.isEmpty {
            let names = staying.map { "\($0.address) (\($0.action.rawValue))" }.joined(separator: ", ")
            return try delete.revised(action: .blocked, reason: "\(names) still uses it and does not move off it in "
                                      + "this run: it is deleted once nothing does")
        }
        let names = users.map(\.address.description).joined(separator: ", ")
        var dependencies = delete.dependencies
        for user in users where !dependencies.contains(user.address) { dependencies.append(user.address) }
        return try delete.revised(reason: [delete.reason, "deleted after \(names) stop using it"].compactMap { $0 }
                                      .joined(separator: "; "),
                                  dependencies: dependencies)
    }

    /// Whether `value` holds one of `identifiers` as a whole string, at any depth.
    static func mentions(_ value: PlanValue, _ identifiers: Set<String>) -> Bool {
        switch value {
        case .string(let text): identifiers.contains(text)
        case .list(let values): values.contains { mentions($0, identifiers) }
        case .map(let values): values.values.contains { mentions($0, identifiers) }
        case .null, .bool, .number, .sensitive: false
        }
    }
}
