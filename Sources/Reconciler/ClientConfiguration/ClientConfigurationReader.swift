import AWSServices
import Manifests

/// Reads the client configuration of app clients from live state, for `smsauth outputs`: the engine's read finds
/// each client (its id and pool id, as `reconcile` would), then DescribeUserPoolClient, DescribeUserPool and, when
/// MFA is not OFF, GetUserPoolMfaConfig describe it now. Writes nothing.
public struct ClientConfigurationReader: Sendable {
    /// The engine whose read identifies the clients.
    public let engine: ReconcileEngine

    /// Creates a reader.
    public init(engine: ReconcileEngine) {
        self.engine = engine
    }

    /// The configuration of every AppClient in `load` (only `clientName`'s manifest when given), sorted by name.
    public func read(_ load: LoadResult, defaultRegion: String?,
                     client name: String? = nil) async throws -> [ClientConfiguration] {
        let clients = load.manifests.map(\.id).filter { $0.kind == .appClient && (name == nil || $0.name == name) }.sorted()
        if let name, clients.isEmpty { throw ClientConfigurationError.unknownClient(name) }
        guard !clients.isEmpty else { throw ClientConfigurationError.noClients }
        let run = try await engine.plan(load, defaultRegion: defaultRegion, focus: Set(clients))
        var configurations: [ClientConfiguration] = []
        for address in clients {
            let outputs = run.observations[address].flatMap { try? $0.get().outputs } ?? [:]
            guard let clientId = outputs[AppClientHandler.clientIdKey],
                  let poolId = outputs[UserPoolMember.poolIdKey] else {
                throw ClientConfigurationError.notCreated(address)
            }
            let region = run.targets[address]?.region ?? UserPoolMember.region(ofPoolId: poolId)
            let cognito = engine.context.cognito(region)
            guard let client = try await cognito.describeUserPoolClient(poolId: poolId, clientId: clientId),
                  let configuration = try await AppClientDeliveryReader.configuration(of: client, region: region,
                                                                                      context: engine.context) else {
                throw ClientConfigurationError.notCreated(address)
            }
            configurations.append(configuration)
        }
        return configurations
    }
}

/// Why `smsauth outputs` cannot describe the clients asked for.
public enum ClientConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `--client` names no AppClient manifest.
    case unknownClient(String)
    /// The directory has no AppClient manifest.
    case noClients
    /// The client does not exist in AWS (not applied yet, or its pool is gone).
    case notCreated(ResourceAddress)
    /// The format describes one client and several were selected.
    case oneClientNeeded(ClientConfigurationFormat, [String])

    /// Stable error code.
    public var code: String {
        switch self {
        case .unknownClient: "outputs.unknownClient"
        case .noClients: "outputs.noClients"
        case .notCreated: "outputs.clientNotCreated"
        case .oneClientNeeded: "outputs.oneClientNeeded"
        }
    }

    /// What went wrong and what to do.
    public var description: String {
        switch self {
        case let .unknownClient(name):
            "no AppClient manifest is named '\(name)'"
        case .noClients:
            "the manifests have no AppClient"
        case let .notCreated(address):
            "\(address) does not exist in AWS yet; run `smsauth reconcile` first"
        case let .oneClientNeeded(format, names):
            "--format \(format.rawValue) describes one app client and the manifests have \(names.count) (\(names.joined(separator: ", "))); choose one with --client"
        }
    }
}
