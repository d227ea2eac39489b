/// Resources and what each depends on, with a stable apply order.
///
/// The apply order is topological (every resource after its dependencies); among resources that are ready at
/// the same time, the smaller `ResourceAddress` goes first (kind apply order, then name), so the order never
/// depends on dictionary iteration. Deletes run in the reverse order.
public struct ResourceGraph: Sendable {
    /// Every resource, in apply order.
    public let applyOrder: [ResourceAddress]
    private let dependenciesByNode: [ResourceAddress: [ResourceAddress]]
    private let dependentsByNode: [ResourceAddress: [ResourceAddress]]
    private let position: [ResourceAddress: Int]

    /// Builds the graph from each resource's direct dependencies.
    ///
    /// Throws `GraphError.unknownDependency` for a dependency that is not itself a key, and `GraphError.cycle`
    /// (naming one cycle) when no order exists.
    public init(dependencies: [ResourceAddress: [ResourceAddress]]) throws(GraphError) {
        var dependents: [ResourceAddress: [ResourceAddress]] = [:]
        var normalized: [ResourceAddress: [ResourceAddress]] = [:]
        for node in dependencies.keys.sorted() {
            let direct = Array(Set(dependencies[node] ?? [])).sorted()
            for dependency in direct {
                guard dependencies[dependency] != nil else {
                    throw GraphError.unknownDependency(resource: node, missing: dependency)
                }
                dependents[dependency, default: []].append(node)
            }
            normalized[node] = direct
        }
        let order = try Self.topologicalOrder(dependencies: normalized, dependents: dependents)
        self.applyOrder = order
        self.dependenciesByNode = normalized
        self.dependentsByNode = dependents
        self.position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($0.element, $0.offset) })
    }

    /// Every resource, in delete order (the reverse of `applyOrder`).
    public var deleteOrder: [ResourceAddress] { applyOrder.reversed() }

    /// Whether `address` is in the graph.
    public func contains(_ address: ResourceAddress) -> Bool { position[address] != nil }

    /// The direct dependencies of `address`, sorted.
    public func dependencies(of address: ResourceAddress) -> [ResourceAddress] {
        dependenciesByNode[address] ?? []
    }

    /// The resources that depend on `address` directly, sorted.
    public func directDependents(of address: ResourceAddress) -> [ResourceAddress] {
        dependentsByNode[address] ?? []
    }

    /// Every resource that depends on `address` directly or through others, in apply order.
    public func dependents(of address: ResourceAddress) -> [ResourceAddress] {
        var found = Set<ResourceAddress>()
        var pending = directDependents(of: address)
        while let next = pending.popLast() {
            if found.insert(next).inserted { pending += directDependents(of: next) }
        }
        return found.sorted { (position[$0] ?? 0) < (position[$1] ?? 0) }
    }

    /// Kahn's algorithm, always taking the smallest ready address.
    private static func topologicalOrder(
        dependencies: [ResourceAddress: [ResourceAddress]], dependents: [ResourceAddress: [ResourceAddress]]
    ) throws(GraphError) -> [ResourceAddress] {
        var remaining = dependencies.mapValues(\.count)
        var ready = remaining.filter { $0.value == 0 }.map(\.key).sorted(by: >)
        var order: [ResourceAddress] = []
        while let next = ready.popLast() {
            order.append(next)
            remaining[next] = nil
            for dependent in dependents[next] ?? [] {
                guard let count = remaining[dependent] else { continue }
                remaining[dependent] = count - 1
                if count == 1 {
                    ready.append(dependent)
                    ready.sort(by: >)
                }
            }
        }
        guard remaining.isEmpty else {
            throw GraphError.cycle(findCycle(among: Set(remaining.keys), dependencies: dependencies))
        }
        return order
    }

    /// A cycle among `nodes`, each of which has an unresolved dependency inside `nodes`: follow the smallest such
    /// dependency until a resource repeats, then rotate the circle to start at its smallest member.
    private static func findCycle(
        among nodes: Set<ResourceAddress>, dependencies: [ResourceAddress: [ResourceAddress]]
    ) -> [ResourceAddress] {
        guard var current = nodes.min() else { return [] }
        var path: [ResourceAddress] = []
        var seenAt: [ResourceAddress: Int] = [:]
        while seenAt[current] == nil {
            seenAt[current] = path.count
            path.append(current)
            guard let next = (dependencies[current] ?? []).first(where: nodes.contains) else { return path }
            current = next
        }
        let circle = Array(path[(seenAt[current] ?? 0)...])
        let start = circle.indices.min { circle[$0] < circle[$1] } ?? 0
        let rotated = Array(circle[start...] + circle[..<start])
        return rotated + rotated.prefix(1)
    }
}
