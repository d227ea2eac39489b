/// One reference from a manifest to another by name.
struct Reference: Sendable {
    /// Dotted field path of the reference.
    let field: String
    /// The referenced resource.
    let target: ResourceID
    /// Where the name is written.
    let location: SourceLocation
}

extension Manifest {
    /// The references this manifest makes to other manifests.
    var references: [Reference] {
        switch spec {
        case .userPool(let s):
            s.smsRole.map { [Reference(field: "spec.smsRole", target: ResourceID(.smsRole, $0.value),
                                       location: $0.location)] } ?? []
        case .appClient(let s):
            [Reference(field: "spec.userPool", target: ResourceID(.userPool, s.userPool.value),
                       location: s.userPool.location)]
        case .mfaPolicy(let s):
            [Reference(field: "spec.userPool", target: ResourceID(.userPool, s.userPool.value),
                       location: s.userPool.location)]
        case .phonePool(let s):
            s.originationIdentities.value.enumerated().map { index, name in
                Reference(field: "spec.originationIdentities[\(index)]",
                          target: ResourceID(.originationIdentity, name.value), location: name.location)
            }
        case .smsRole, .sandboxNumber, .originationIdentity, .smsAccountSettings:
            []
        }
    }
}

/// Finds cycles in a directed graph of resources, in time linear in its size.
enum CycleFinder {
    /// Each cycle once, as the path of ids that closes it (first id repeated at the end).
    static func cycles(in graph: [ResourceID: [ResourceID]]) -> [[ResourceID]] {
        enum Mark { case visiting, done }
        var marks: [ResourceID: Mark] = [:]
        var stack: [ResourceID] = []
        var found: [[ResourceID]] = []
        func visit(_ node: ResourceID) {
            marks[node] = .visiting
            stack.append(node)
            for next in graph[node, default: []].sorted() {
                switch marks[next] {
                case .visiting?:
                    if let start = stack.firstIndex(of: next) { found.append(Array(stack[start...]) + [next]) }
                case .done?:
                    continue
                case nil:
                    visit(next)
                }
            }
            stack.removeLast()
            marks[node] = .done
        }
        for node in graph.keys.sorted() where marks[node] == nil { visit(node) }
        return found
    }
}
