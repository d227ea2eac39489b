import Manifests

/// The handler of each kind the engine can manage.
public struct HandlerRegistry: Sendable {
    /// Handlers by kind.
    public let handlers: [ResourceKind: AnyResourceHandler]

    /// A registry of `handlers`; a later handler of the same kind replaces an earlier one.
    public init(_ handlers: [AnyResourceHandler]) {
        self.handlers = Dictionary(handlers.map { ($0.kind, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The handler of `kind`, if registered.
    public func handler(for kind: ResourceKind) -> AnyResourceHandler? { handlers[kind] }

    /// What a run focused on `keys` reconciles: the keys; for a key whose manifest was removed (not in `graph`, the
    /// manifests' graph), every resource of the kinds that can name it, so that those still using it move off it in
    /// the run that deletes it (`UseOrder`: the pools that named a removed role or configuration set); and for a key
    /// whose replacement waits for its dependents (`ResourceHandler.retiresAfterDependents`: an SMS role, the pools
    /// naming it) its direct dependents. Planned apart from them, a replaced role would be kept until a run plans
    /// them all, and a removed resource deleted under them.
    public func reconcileScope(of keys: Set<ResourceAddress>, graph: ResourceGraph) -> Set<ResourceAddress> {
        var scope = keys
        for key in keys {
            if !graph.contains(key) {
                scope.formUnion(graph.nodes.filter { key.kind.namingKinds.contains($0.kind) })
            } else if handlers[key.kind]?.retiresAfterDependents == true {
                scope.formUnion(graph.directDependents(of: key))
            }
        }
        return scope
    }

    /// What a run focused on `keys` may change, which concurrent runs must not share (the controller's gate holds
    /// its dependency closure): its `reconcileScope`, and for a removed key also the resources of the key's own
    /// kind that may be its new name (`renameCandidate`: a manifest whose status records no resource created), whose
    /// manifest the run may pair with it as a rename (`RenameResolver`) and rename. The run of the new name can pair
    /// the same rename; the two are kept apart.
    public func changeScope(of keys: Set<ResourceAddress>, graph: ResourceGraph,
                            renameCandidate: (ResourceAddress) -> Bool = { _ in true }) -> Set<ResourceAddress> {
        var scope = reconcileScope(of: keys, graph: graph)
        for key in keys where !graph.contains(key) {
            scope.formUnion(graph.nodes.filter { $0.kind == key.kind && renameCandidate($0) })
        }
        return scope
    }

    /// Every handler smsauth ships. Adding a kind is one line here: `AnyResourceHandler(<Kind>Handler()),`.
    public static let standard = HandlerRegistry([
        AnyResourceHandler(SmsLogRoleHandler()),
        AnyResourceHandler(ConfigurationSetHandler()),
        AnyResourceHandler(SmsProtectionHandler()),
        AnyResourceHandler(RegistrationHandler()),
        AnyResourceHandler(SmsAccountSettingsHandler()),
        AnyResourceHandler(SmsRoleHandler()),
        AnyResourceHandler(OriginationIdentityHandler()),
        AnyResourceHandler(PhonePoolHandler()),
        AnyResourceHandler(UserPoolHandler()),
        AnyResourceHandler(AppClientHandler()),
        AnyResourceHandler(MfaPolicyHandler()),
        AnyResourceHandler(SandboxNumberHandler()),
    ])
}
