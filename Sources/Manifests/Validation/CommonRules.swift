/// Rules that apply to every kind: names, regions, references, cycles and risky policies.
enum CommonRules {
    /// `metadata.name` matches `^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`.
    static let names: Validator.Rule = { context in
        context.manifests.compactMap { manifest in
            let name = manifest.metadata.name
            guard !Formats.isResourceName(name.value) else { return nil }
            return .error("invalid-name", "invalid name '\(name.value)': use 1-63 lowercase letters, digits and "
                          + "'-', starting and ending with a letter or digit", at: name.location, field: "metadata.name")
        }
    }

    /// `spec.region` and `spec.smsRegion` look like AWS regions.
    static let regions: Validator.Rule = { context in
        context.manifests.flatMap { manifest -> [Diagnostic] in
            var fields: [(String, Located<String>)] = manifest.spec.region.map { [("spec.region", $0)] } ?? []
            if case .userPool(let s) = manifest.spec, let sms = s.smsRegion { fields.append(("spec.smsRegion", sms)) }
            return fields.compactMap { field, value in
                Formats.isRegion(value.value) ? nil
                    : .error("invalid-region", "'\(value.value)' is not an AWS region name (like us-east-1)",
                             at: value.location, field: field)
            }
        }
    }

    /// Every reference names a declared manifest of the right kind.
    static let references: Validator.Rule = { context in
        context.manifests.flatMap { manifest in
            manifest.references.compactMap { reference -> Diagnostic? in
                guard !context.declares(reference.target) else { return nil }
                let target = reference.target
                let otherKind = ResourceKind.allCases.first { context.declares(ResourceID($0, target.name)) }
                let sameKind = context.byID.keys.filter { $0.kind == target.kind }.map(\.name).sorted()
                let hint = otherKind.map { " (a \($0.rawValue) named '\(target.name)' exists, but a "
                                           + "\(target.kind.rawValue) is needed)" }
                    ?? Suggestion.hint(for: target.name, among: sameKind)
                return .error("unresolved-reference", "\(manifest.kind.rawValue) '\(manifest.metadata.name.value)' "
                              + "refers to \(target.kind.rawValue) '\(target.name)', which is not defined\(hint)",
                              at: reference.location, field: reference.field)
            }
        }
    }

    /// References form no cycle.
    static let cycles: Validator.Rule = { context in
        var dependencies: [ResourceID: [ResourceID]] = [:]
        for manifest in context.manifests { dependencies[manifest.id] = manifest.dependencies }
        // The graph is built only to name the cycles, in a stable order: most folders have none.
        guard ResourceGraph.hasCycle(dependencies) else { return [] }
        return ResourceGraph(dependencies: dependencies).cycles.compactMap { cycle in
            guard let first = cycle.first, let manifest = context.byID[first] else { return nil }
            return .error("reference-cycle", "reference cycle: " + cycle.map(\.description).joined(separator: " -> "),
                          at: manifest.location)
        }
    }

    /// Warns about policies that destroy things that cannot be brought back.
    static let policyWarnings: Validator.Rule = { context in
        context.manifests.compactMap { manifest in
            switch manifest.kind {
            case .userPool where manifest.policy.onImmutableChange.value == .recreate:
                .warning("recreate-deletes-users", "policy.onImmutableChange: Recreate on a UserPool deletes the pool "
                         + "and every user in it when an immutable field changes",
                         at: manifest.policy.onImmutableChange.location, field: "policy.onImmutableChange")
            case .originationIdentity where manifest.policy.onDelete.value == .delete:
                .warning("irreversible-release", "policy.onDelete: Delete releases the number or sender ID when the "
                         + "manifest is removed; a release is irreversible",
                         at: manifest.policy.onDelete.location, field: "policy.onDelete")
            default: nil
            }
        }
    }
}
