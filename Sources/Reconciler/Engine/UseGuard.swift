import Manifests

/// Keeps a resource that a current manifest still names directly (a `KindUse`: a UserPool's `spec.smsConfigurationSet`
/// naming a configuration set, its `spec.smsRoleArn` naming a role): a removed one's delete, and a replacement that
/// would give it a new value of what is named (a role's new ARN, the old role deleted), are planned `blocked`, naming
/// the manifests and fields, until they name something else. Pure.
enum UseGuard {
    /// `change`, whose resource's live outputs are `outputs` (and `replacedBy` after a replacement), blocked when it
    /// deletes a resource one of `targets`' manifests names (same output value, and same region when the resource has
    /// one), or replaces it with one whose named output differs.
    static func guarding(_ change: ResourceChange, outputs: [String: String]?, replacedBy planned: [String: String]? = nil,
                         targets: [ResourceAddress: ReadTarget]) throws(PlanError) -> ResourceChange {
        guard change.action == .delete || change.action == .replace, let outputs else { return change }
        let users = targets.values.compactMap(\.desired).flatMap { desired -> [String] in
            desired.address.kind.relations.uses.filter { $0.target == change.address.kind }.compactMap { use in
                guard let named = use.value(desired.manifest.spec)?.value, outputs[use.output] == named,
                      outputs["region"] == nil || outputs["region"] == desired.region else { return nil }
                if change.action == .replace, planned?[use.output] == named { return nil }
                return "\(desired.address) (\(use.field): \(named))"
            }
        }.sorted()
        guard !users.isEmpty else { return change }
        let names = users.joined(separator: ", ")
        if change.action == .replace {
            return try change.revised(
                action: .blocked,
                reason: "not replaced: \(names) would keep naming the old one, which the replacement deletes; make "
                    + "them name this manifest (a reference to it follows the replacement) or something else first")
        }
        return try change.revised(
            action: .blocked,
            reason: "not deleted: still used by \(names); point them elsewhere first, or restore the manifest with policy.onDelete: Retain")
    }
}
