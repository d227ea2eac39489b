import Manifests

/// The `spec` paths a manifest sets (`passwordPolicy.minimumLength`, `tags`): the fields smsauth manages for it.
/// Recorded in status (`managedFields`) so that a later plan can say which fields left the manifest: AWS keeps
/// their current value, smsauth no longer manages them. Pure: it walks the fields each spec type lists
/// (`SpecFields`), without reflection.
enum ManagedPaths {
    /// The paths `manifest`'s spec sets, sorted. A nested group (`passwordPolicy`) gives its members' paths; a
    /// list or map is one path.
    static func of(_ manifest: Manifest) -> [String] {
        var paths: [String] = []
        for field in manifest.spec.specFields {
            if case .value(let label, _) = field, identityPaths.contains(label) { continue }
            collect(field, prefix: "", into: &paths)
        }
        return paths.sorted()
    }

    /// The warning for a managed field that left the manifest.
    static func noLongerManaged(_ path: String) -> String {
        "spec.\(path) is no longer managed: AWS keeps its current value"
    }

    /// The warnings of `desired` against the fields `status` recorded as managed, one per path that is gone.
    static func removedWarnings(desired: DesiredResource?, status: ResourceStatus?) -> [String] {
        guard let desired, let recorded = status?.managedFields else { return [] }
        let current = Set(of(desired.manifest))
        return recorded.filter { path in
            !current.contains(path) && !current.contains { $0.hasPrefix(path + ".") }
        }.map(noLongerManaged)
    }

    /// Paths that say where or what the resource is rather than a field of it.
    static let identityPaths: Set<String> = ["adopt", "region"]

    /// Adds the set paths of `field`, under `prefix`, to `paths`.
    private static func collect(_ field: SpecField, prefix: String, into paths: inout [String]) {
        switch field {
        case .value(let label, let isSet):
            if isSet { paths.append(prefix + label) }
        case .group(let label, let members):
            for member in members ?? [] { collect(member, prefix: prefix + label + ".", into: &paths) }
        case .mapped(let mapped):
            paths += mapped.values.keys.map { prefix + $0 }
        }
    }
}
