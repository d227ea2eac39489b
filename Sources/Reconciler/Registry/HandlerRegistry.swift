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

    /// What a run focused on `keys` reconciles: the keys, and the direct dependents in `graph` of each key whose
    /// replacement waits for them (`ResourceHandler.retiresAfterDependents`: the pools naming an SMS role). Planned
    /// apart from them, a replaced role would be kept until a run plans them all, or, before, deleted under them.
    public func reconcileScope(of keys: Set<ResourceAddress>, graph: ResourceGraph) -> Set<ResourceAddress> {
        keys.union(keys.filter { handlers[$0.kind]?.retiresAfterDependents == true }.flatMap(graph.directDependents(of:)))
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
