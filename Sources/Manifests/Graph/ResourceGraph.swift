/// Resources (kind and name) and what each depends on, sorted by `ResourceID` (kind apply order, then name).
public typealias ResourceGraph = DependencyGraph<ResourceID>

extension DependencyGraph where Node == ResourceID {
    /// Builds the graph of resources from each one's direct dependencies.
    public init(dependencies: [ResourceID: [ResourceID]]) {
        self.init(dependencies: dependencies, by: <)
    }

    /// Every resource in apply order (each after what it depends on; deletes run in the reverse order), once
    /// `checked()` passed.
    public var applyOrder: [ResourceID] { order }

    /// The graph itself when every resource can be ordered. Throws `GraphError.unknownDependency` for the first
    /// dependency that is not a resource of the graph, and `GraphError.cycle` naming one cycle, rotated to start at
    /// its smallest member.
    public func checked() throws(GraphError) -> Self {
        if let (node, missing) = unknownDependencies.first {
            throw GraphError.unknownDependency(resource: node, missing: missing)
        }
        guard order.count < nodes.count else { return self }
        let circle = Array((cycles.first ?? []).dropLast())
        let start = circle.indices.min { circle[$0] < circle[$1] } ?? 0
        let rotated = Array(circle[start...] + circle[..<start])
        throw GraphError.cycle(rotated + rotated.prefix(1))
    }
}
