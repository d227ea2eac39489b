import Manifests

/// The old resources of replacements that a current manifest names: an SMS role replaced new-first (its handler
/// `retiresAfterDependents`) whose old role another SmsRole or SmsLogRole manifest names (to adopt it, or by
/// `roleName`). That resource is the other manifest's, so it is kept instead of deleted once the dependents moved;
/// before, an adopt in the same run re-tagged it and the retirement then deleted it from under its manifest. Pure.
enum KeptReplacements {
    /// The manifests of `manifests` other than `change`'s own that claim (`ResourceHandler.claims`) the live
    /// resource `observation` that `change` replaces, sorted; empty when `change` retires nothing.
    static func claimants(of change: ResourceChange, observation: Observation?, manifests: [DesiredResource],
                          registry: HandlerRegistry, references: [ResourceAddress: [String: String]]) -> [ResourceAddress] {
        guard change.action == .replace, let observation, observation.presence == .owned,
              let handler = registry.handler(for: change.address.kind), handler.retiresAfterDependents else { return [] }
        return manifests.filter { desired in
            desired.address != change.address && handler.claims(desired, observation: observation, references: references)
        }.map(\.address).sorted()
    }

    /// `change`, saying so when the resource it replaces (`observation`) is one that other manifests name, which
    /// are recorded in `kept`.
    static func keeping(_ change: ResourceChange, observation: Observation?, manifests: [DesiredResource],
                        registry: HandlerRegistry, references: [ResourceAddress: [String: String]],
                        kept: inout [ResourceAddress: [ResourceAddress]]) throws(PlanError) -> ResourceChange {
        let claimants = claimants(of: change, observation: observation, manifests: manifests, registry: registry,
                                  references: references)
        guard let observation, !claimants.isEmpty else { return change }
        kept[change.address] = claimants
        return try keeping(change, observation: observation, for: claimants)
    }

    /// `change` saying that the resource it replaces (`observation`) is kept for `claimants`.
    static func keeping(_ change: ResourceChange, observation: Observation,
                        for claimants: [ResourceAddress]) throws(PlanError) -> ResourceChange {
        let old = observation.outputs["arn"].map { " (\($0))" } ?? ""
        let names = claimants.map(\.description).joined(separator: ", ")
        return try change.revised(reason: "\(change.reason ?? "replaced"); the old one\(old) is kept, not deleted: "
                                    + "\(names) names it")
    }
}
