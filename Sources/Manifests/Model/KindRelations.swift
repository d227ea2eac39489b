/// How one kind of resource relates to the others: the fields that name other resources and where its region comes
/// from. Each kind's definition (`KindDefinition.relations`) declares it once; dependencies, the apply order, the
/// order of reads, regions and the validator's reference checks are all derived from it.
public struct KindRelations: Sendable {
    /// The fields of the kind's spec that name other resources.
    public let references: [KindReference]
    /// Where a resource of the kind gets its region.
    public let region: RegionRule
    /// The fields of the kind's spec that name another kind's AWS resource directly (not its manifest): a
    /// resource a current manifest names this way is not deleted when its own manifest is removed.
    public let uses: [KindUse]

    /// Declares a kind's relations.
    public init(references: [KindReference] = [], region: RegionRule, uses: [KindUse] = []) {
        self.references = references
        self.region = region
        self.uses = uses
    }

    /// The kinds a resource of this kind can depend on, in declaration order.
    public var dependencyKinds: [ResourceKind] { unique(references.map(\.target)) }

    /// The kinds whose resources find this kind's in AWS (`ReadOrder.foundByReference`).
    public var foundByKinds: [ResourceKind] {
        unique(references.filter { $0.read == .foundByReference }.map(\.target))
    }

    /// The kinds every resource of which must be read before this kind's read starts (`ReadOrder.afterWholeKind`).
    public var wholeKindReadDependencies: [ResourceKind] {
        unique(references.filter { $0.read == .afterWholeKind }.map(\.target))
    }

    private func unique(_ kinds: [ResourceKind]) -> [ResourceKind] {
        var seen = Set<ResourceKind>()
        return kinds.filter { seen.insert($0).inserted }
    }
}

/// How a reference orders the live-state reads of one read pass (`LiveReader`).
public enum ReadOrder: Sendable, Equatable {
    /// The kind's read does not need the named resource.
    case independent
    /// The named resource's outputs find this resource in AWS (an app client is listed under its pool's id) and the
    /// kind's read makes its calls per named resource: each resource is read as soon as the one it names is.
    case foundByReference
    /// The kind's read uses the named resources' outputs (a number's registration id) but reads all its resources
    /// together (one list per region): it starts once every resource of the named kind is read.
    case afterWholeKind
}

/// A spec field that names other resources of one kind by `metadata.name`.
public struct KindReference: Sendable {
    /// Dotted path of the field (`spec.userPool`); a list's items are `field[index]`.
    public let field: String
    /// The kind it names.
    public let target: ResourceKind
    /// How the field orders the live-state reads.
    public let read: ReadOrder
    /// The names written in the field, with the path of each (`field`, or `field[index]` for a list).
    let names: @Sendable (ManifestSpec) -> [(field: String, name: Located<String>)]

    /// A field holding at most one name, of specs of type `Spec`.
    public init<Spec>(_ field: String, names target: ResourceKind, read: ReadOrder = .independent,
                      _ name: @escaping @Sendable (Spec) -> Located<String>?) {
        self.field = field
        self.target = target
        self.read = read
        self.names = { spec in ((spec.body as? Spec).flatMap(name)).map { [(field, $0)] } ?? [] }
    }

    /// A field holding a list of names, of specs of type `Spec`.
    public init<Spec>(_ field: String, namesEach target: ResourceKind, read: ReadOrder = .independent,
                      _ names: @escaping @Sendable (Spec) -> [Located<String>]) {
        self.field = field
        self.target = target
        self.read = read
        self.names = { spec in
            ((spec.body as? Spec).map(names) ?? []).enumerated().map { ("\(field)[\($0.offset)]", $0.element) }
        }
    }
}

/// A spec field that names the AWS resource of another kind by one of its outputs (a UserPool's
/// `spec.smsConfigurationSet` is the `name` output of a configuration set), in the same region when the resource has
/// a `region` output.
public struct KindUse: Sendable {
    /// Dotted path of the field (`spec.smsConfigurationSet`).
    public let field: String
    /// The kind whose resource it names.
    public let target: ResourceKind
    /// The output of that resource the field's value equals (`name`).
    public let output: String
    /// The value written in the field.
    public let value: @Sendable (ManifestSpec) -> Located<String>?

    /// A field of specs of type `Spec` naming a `target` resource by its `output`.
    public init<Spec>(_ field: String, uses target: ResourceKind, byOutput output: String,
                      _ value: @escaping @Sendable (Spec) -> Located<String>?) {
        self.field = field
        self.target = target
        self.output = output
        self.value = { spec in (spec.body as? Spec).flatMap(value) }
    }
}

/// Where a resource's region comes from.
public enum RegionRule: Sendable, Equatable {
    /// None: the resource is global (IAM).
    case global
    /// Its own `spec.region`, else the default region.
    case own
    /// The region of the resource named by the given reference field (an app client lives in its pool's region).
    case ofReference(String)
}
