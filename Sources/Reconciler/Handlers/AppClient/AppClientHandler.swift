import AWSServices
import Manifests

/// App clients of Cognito user pools (`kind: AppClient`).
///
/// Identity: the client id recorded in status (`clientId`), else the manifest's `clientName` within its pool.
/// App clients take no tags, so a client is this owner's only when its pool is: found in the pool its manifest
/// names (whose ownership the UserPool read decided), it is `.owned`; found anywhere else (a removed client, or one
/// still in the pool recorded in its status), the pool's own tags decide (`UserPoolMember.state`), so a status file
/// naming a client in a pool made by hand never deletes it. A client name is the only handle a lost status folder
/// leaves; two clients with the name are ambiguous and refused. Every change keeps the client bound to its pool: a replaced pool recreates its clients.
struct AppClientHandler: ResourceHandler {
    /// The kind handled.
    var kind: ResourceKind { .appClient }

    /// Creates the handler.
    init() {}

    /// Output keys.
    static let clientIdKey = "clientId"
    /// The client's name, recorded so that a removed client is deleted only while it still has it.
    static let clientNameKey = "clientName"

    /// A client carries no tags; the secret and outputs parameter smsauth delivered for it do.
    func carriesOwnershipTags(_ live: AppClientLive) -> Bool {
        live.deliveries.map { deliveries in deliveries.targets.values.contains(where: \.isOwned) } ?? false
    }

    /// `clientId`, `clientName` and `userPoolId`, and where its outputs and secret are delivered (`outputsParameter`,
    /// `secret`); never the secret (it is dropped when the client is read).
    func outputs(of live: AppClientLive) -> [String: String] {
        switch live {
        case let .client(client, deliveries):
            [Self.clientIdKey: client.clientId, Self.clientNameKey: client.clientName,
             UserPoolMember.poolIdKey: client.userPoolId]
                .merging(AppClientDeliveryReader.outputs(of: deliveries)) { own, _ in own }
        case let .ambiguous(poolId, _, _): [UserPoolMember.poolIdKey: poolId]
        }
    }

    /// The change: the standard field comparison (generateSecret immutable), bound to the pool, refused when the
    /// client's name is ambiguous in its pool. An existing client's pool id is compared too: a manifest that now
    /// names another pool is an immutable change (a client cannot move between pools), so by default it is refused
    /// and with `onImmutableChange: Recreate` the client is deleted from the old pool and created in the new one,
    /// instead of leaving the old client behind unmanaged.
    func plan(_ input: PlanInput<AppClientLive>) throws(PlanError) -> ResourceChange {
        let dependencies = input.desired?.dependencies ?? []
        guard let desired = input.desired, let spec = Self.spec(desired) else {
            return try removedChange(input)
        }
        if case let .ambiguous(poolId, name, ids)? = input.live.value {
            return try ResourceChange(
                address: input.address, action: .refuse,
                reason: "user pool \(poolId) has \(ids.count) app clients named \"\(name)\" (\(ids.joined(separator: ", "))) and none is recorded in status; delete or rename the extra ones so that exactly one remains",
                dependencies: dependencies)
        }
        let deliveries = input.live.value?.deliveries
        if let reason = AppClientDeliveryFields.refusal(spec, deliveries: deliveries) {
            return try ResourceChange(address: input.address, action: .refuse, reason: reason, dependencies: dependencies)
        }
        var desiredFields = AppClientFields.desired(spec)
            .merging(AppClientDeliveryFields.desired(spec, deliveries: deliveries)) { own, _ in own }
        var liveFields = input.live.value?.client.map(AppClientFields.live)
            .map { $0.merging(deliveries.map(AppClientDeliveryFields.live) ?? [:]) { own, _ in own } }
        if let client = input.live.value?.client {
            let poolId = input.references[UserPoolMember.poolAddress(spec.userPool.value)]?["id"]
            if poolId != client.userPoolId {
                switch AppClientMoveCheck.verdict(of: client, to: poolId, recorded: input.status) {
                case .move:
                    break
                case .notThisClient:
                    return try plan(PlanInput(address: input.address, desired: input.desired, live: .absent,
                                              status: input.status, references: input.references,
                                              dependencyActions: input.dependencyActions,
                                              deletePolicy: input.deletePolicy, options: input.options))
                case let .refuse(reason):
                    return try ResourceChange(address: input.address, action: .refuse, reason: reason,
                                              dependencies: dependencies)
                }
            }
            desiredFields[AppClientFields.userPoolPath] = .string(poolId ?? UserPoolSmsSettings.knownAfterApply)
            liveFields?[AppClientFields.userPoolPath] = .string(client.userPoolId)
        }
        let change = try StandardPlan(
            desired: desiredFields, live: liveFields,
            immutable: AppClientFields.immutable,
            replacementConsequence: "the new client has a new client id (and secret): every app using it must be reconfigured",
            boundTo: [UserPoolMember.poolAddress(spec.userPool.value)],
            createdWithout: AppClientFields.createdWithout).change(for: input)
        return try AppClientDeliveryFields.showingRewrites(of: change, desired: desiredFields, live: liveFields ?? [:])
    }

    /// A removed client: deleted (by policy) only while it is still the client its status recorded, else released
    /// with a warning saying what was found.
    private func removedChange(_ input: PlanInput<AppClientLive>) throws(PlanError) -> ResourceChange {
        let standard = try StandardPlan(desired: [:], live: input.live.value?.client.map(AppClientFields.live))
            .change(for: input)
        guard standard.action == .delete, let client = input.live.value?.client,
              let mismatch = AppClientDeleteCheck.mismatch(of: client, recorded: input.status) else { return standard }
        return try ResourceChange(address: input.address, action: .retain,
                                  reason: "released, not deleted: \(mismatch)",
                                  warnings: ["\(input.address) is released instead of deleted: \(mismatch)"])
    }

    /// The `AppClient` spec in `spec`.
    static func spec(in spec: ManifestSpec) -> AppClientSpec? {
        if case .appClient(let client) = spec { client } else { nil }
    }
}
