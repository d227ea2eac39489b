import Manifests

/// Keeps a removed resource that a current manifest still names directly (a `KindUse`: a UserPool's
/// `spec.smsConfigurationSet` naming a configuration set whose manifest was removed): its delete is planned
/// `blocked`, naming the manifests and fields, until they name something else. Pure.
enum UseGuard {
    /// `change` of a removed resource whose live outputs are `outputs`, blocked when it deletes a resource one of
    /// `targets`' manifests names (same output value, and same region when the resource has one).
    static func guarding(_ change: ResourceChange, outputs: [String: String]?,
                         targets: [ResourceAddress: ReadTarget]) throws(PlanError) -> ResourceChange {
        guard change.action == .delete, let outputs else { return change }
        let users = targets.values.compactMap(\.desired).flatMap { desired -> [String] in
            desired.address.kind.relations.uses.filter { $0.target == change.address.kind }.compactMap { use in
                guard let named = use.value(desired.manifest.spec)?.value, outputs[use.output] == named,
                      outputs["region"] == nil || outputs["region"] == desired.region else { return nil }
                return "\(desired.address) (\(use.field): \(named))"
            }
        }.sorted()
        guard !users.isEmpty else { return change }
        return try change.revised(
            action: .blocked,
            reason: "not deleted: still used by \(users.joined(separator: ", ")); point them elsewhere first, or restore the manifest with policy.onDelete: Retain")
    }
}
