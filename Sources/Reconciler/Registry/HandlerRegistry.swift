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

    /// What a run focused on `keys` reconciles: the keys, and for each key whose replacement waits for its
    /// dependents (`ResourceHandler.retiresAfterDependents`: an SMS role, the pools naming it) the direct dependents
    /// in `graph` (the manifests' graph), or, for a key whose manifest was removed, every resource of the kinds that
    /// can name it: the pools that named a removed role move off it in the run that deletes it (`UseOrder`). Planned
    /// apart from them, a replaced role would be kept until a run plans them all, and a removed one deleted under them.
    public func reconcileScope(of keys: Set<ResourceAddress>, graph: ResourceGraph) -> Set<ResourceAddress> {
        var scope = keys
        for key in keys where handlers[key.kind]?.retiresAfterDependents == true {
            if graph.contains(key) {
                scope.formUnion(graph.directDependents(of: key))
            } else {
                scope.formUnion(graph.nodes.filter { key.kind.namingKinds.contains($0.kind) })
            }
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
