/// Why a set of resources cannot be ordered.
public enum GraphError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `resource` depends on `missing`, which is not in the graph.
    case unknownDependency(resource: ResourceID, missing: ResourceID)
    /// The resources depend on each other in a circle; the path starts and ends at the same resource, each
    /// element depending on the next.
    case cycle([ResourceID])

    /// Stable machine-readable code.
    public var code: String {
        switch self {
        case .unknownDependency: "graph.unknownDependency"
        case .cycle: "graph.cycle"
        }
    }

    /// Human-readable explanation naming the resources involved.
    public var message: String {
        switch self {
        case .unknownDependency(let resource, let missing):
            "\(resource) depends on \(missing), which is not defined"
        case .cycle(let path):
            "dependency cycle: " + path.map(\.description).joined(separator: " → ")
        }
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
