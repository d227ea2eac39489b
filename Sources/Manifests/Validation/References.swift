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
    /// The references this manifest makes to other manifests (its kind's `relations`).
    var references: [Reference] {
        kind.relations.references.flatMap { reference in
            reference.names(spec).map { field, name in
                Reference(field: field, target: ResourceID(reference.target, name.value), location: name.location)
            }
        }
    }

    /// The resources this manifest names, which must exist (and be applied) before it.
    public var dependencies: [ResourceID] { references.map(\.target) }

    /// The resources whose live state finds this one in AWS (`ReadOrder.foundByReference`: an app client is listed
    /// under its pool's id), so they are read before it.
    public var readDependencies: [ResourceID] {
        kind.relations.references.filter { $0.read == .foundByReference }.flatMap { reference in
            reference.names(spec).map { ResourceID(reference.target, $0.name.value) }
        }
    }
}

extension Manifest {
    /// The manifest whose `spec.region` is this one's region under its kind's `relations.region`: itself, or the
    /// manifest its region reference names (followed through `manifests`; itself when that one is not there); nil
    /// for a global kind.
    public func regionOwner(in manifests: [ResourceID: Manifest]) -> Manifest? {
        var current = self
        var visited: Set<ResourceID> = [id]
        while case .ofReference(let field) = current.kind.relations.region,
              let named = current.references.first(where: { $0.field == field })?.target,
              let next = manifests[named], visited.insert(named).inserted {
            current = next
        }
        return current.kind.relations.region == .global ? nil : current
    }
}
