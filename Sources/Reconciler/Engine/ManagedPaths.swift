import Manifests

/// The `spec` paths a manifest sets (`passwordPolicy.minimumLength`, `tags`): the fields smsauth manages for it.
/// Recorded in status (`managedFields`) so that a later plan can say which fields left the manifest: AWS keeps
/// their current value, smsauth no longer manages them. Pure, by reflection like `CanonicalRendering`.
enum ManagedPaths {
    /// The paths `manifest`'s spec sets, sorted. A nested group (`passwordPolicy`) gives its members' paths; a
    /// list or map is one path.
    static func of(_ manifest: Manifest) -> [String] {
        guard let payload = Mirror(reflecting: manifest.spec).children.first?.value else { return [] }
        return paths(of: payload, prefix: "").sorted()
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

    /// The set leaf paths under `value`.
    private static func paths(of value: Any, prefix: String) -> [String] {
        Mirror(reflecting: value).children.flatMap { child -> [String] in
            guard let label = child.label, !(child.value is SourceLocation),
                  !(prefix.isEmpty && identityPaths.contains(label)),
                  let set = unwrapped(child.value) else { return [] }
            if let mapped = set as? MappedValues { return mapped.values.keys.map { prefix + $0 } }
            let path = prefix + label
            if set is any LocatedValue { return [path] }
            let mirror = Mirror(reflecting: set)
            if mirror.displayStyle == .struct, !mirror.children.isEmpty {
                return paths(of: set, prefix: path + ".")
            }
            return [path]
        }
    }

    /// The content of an optional (nil when it is nil), or the value itself.
    private static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map(\.value)
    }
}
