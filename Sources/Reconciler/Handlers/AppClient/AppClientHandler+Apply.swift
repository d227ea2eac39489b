import AWSCore
import AWSServices
import Manifests

extension AppClientHandler {
    /// Performs `change` and returns `clientId` and `userPoolId` (nothing after a delete). Calls: create
    /// CreateUserPoolClient (after an ambiguous failure, one ListUserPoolClients + DescribeUserPoolClient to find
    /// the client the call may have created, instead of creating a second one); update DescribeUserPoolClient +
    /// UpdateUserPoolClient (the full live configuration overlaid with the manifest); replace DeleteUserPoolClient
    /// in the old pool, then create in the current one; delete DeleteUserPoolClient. Create, update
    /// and replace then deliver the configuration and secret (`deliver`); delete removes the owned deliveries; a
    /// rename (also one that replaces the client) first moves the ownership tags of the owned deliveries to the new
    /// name (`retagDeliveries`), and a retag does only that.
    func write(_ action: WriteAction, change: ResourceChange, input: PlanInput<AppClientLive>,
               context: ApplyContext) async throws -> [String: String] {
        switch action {
        case .create:
            return try await deliver(change, input: input, outputs: try await create(input, context: context), context: context)
        case .update, .rename:
            if action == .rename { try await retagDeliveries(input, context: context) }
            return try await deliver(change, input: input, outputs: try await update(input, context: context), context: context)
        case .retag:
            // A client records no name in AWS; its delivered secret and outputs parameter do.
            try await retagDeliveries(input, context: context)
            return input.live.value.map(outputs(of:)) ?? [:]
        case .replace:
            // Renamed in the same run: the deliveries take the new name first, so that they are written again.
            if change.previousAddress != nil { try await retagDeliveries(input, context: context) }
            try await deleteLive(input, context: context)
            return try await deliver(change, input: input, outputs: try await create(input, context: context), context: context)
        case .delete:
            try await deleteRecorded(input, context: context)
            try await removeDeliveries(input, context: context)
            return [:]
        }
    }

    /// Creates the client in the pool's current id.
    private func create(_ input: PlanInput<AppClientLive>, context: ApplyContext) async throws -> [String: String] {
        let spec = try requireSpec(input)
        guard let poolId = await UserPoolMember.poolId(poolName: spec.userPool.value, status: nil, context: context) else {
            throw AppClientError.poolUnknown(input.address)
        }
        let cognito = context.reconcile.cognito(UserPoolMember.region(ofPoolId: poolId))
        let client: AppClientDescription
        do {
            client = try await cognito.createUserPoolClient(.object(AppClientFields.createRequest(spec, poolId: poolId)))
        } catch where Self.mayHaveCreated(error) {
            guard let found = try await findCreated(named: spec.clientName.value, poolId: poolId, cognito: cognito) else {
                throw error
            }
            client = found
        }
        context.reconcile.logger.info("created app client", metadata: [
            "resource": "\(input.address)", "userPoolId": "\(poolId)", "clientId": "\(client.clientId)",
        ])
        return outputs(of: .client(client))
    }

    /// Updates the live client: its full configuration, read again now, overlaid with the manifest.
    private func update(_ input: PlanInput<AppClientLive>, context: ApplyContext) async throws -> [String: String] {
        let spec = try requireSpec(input)
        guard let known = input.live.value?.client else { throw AppClientError.clientUnknown(input.address) }
        let cognito = context.reconcile.cognito(UserPoolMember.region(ofPoolId: known.userPoolId))
        guard let live = try await cognito.describeUserPoolClient(poolId: known.userPoolId, clientId: known.clientId) else {
            throw AppClientError.clientUnknown(input.address)
        }
        try await cognito.updateUserPoolClient(.object(AppClientFields.updateRequest(spec, live: live)))
        context.reconcile.logger.info("updated app client", metadata: [
            "resource": "\(input.address)", "userPoolId": "\(live.userPoolId)", "clientId": "\(live.clientId)",
        ])
        return outputs(of: .client(live))
    }

    /// Deletes a removed client after reading it again: only while it is still the client its status recorded
    /// (`AppClientDeleteCheck`); otherwise nothing is deleted and the change fails with what was found.
    private func deleteRecorded(_ input: PlanInput<AppClientLive>, context: ApplyContext) async throws {
        guard let known = input.live.value?.client else { return }
        let cognito = context.reconcile.cognito(UserPoolMember.region(ofPoolId: known.userPoolId))
        guard let current = try await cognito.describeUserPoolClient(poolId: known.userPoolId, clientId: known.clientId) else {
            return
        }
        if let mismatch = AppClientDeleteCheck.mismatch(of: current, recorded: input.status) {
            throw AppClientError.identityChanged(input.address, mismatch)
        }
        try await deleteLive(input, context: context)
    }

    /// Deletes the live client; one already gone (with its pool, when the pool was replaced) is fine.
    private func deleteLive(_ input: PlanInput<AppClientLive>, context: ApplyContext) async throws {
        guard let client = input.live.value?.client else { return }
        let cognito = context.reconcile.cognito(UserPoolMember.region(ofPoolId: client.userPoolId))
        do {
            try await cognito.deleteUserPoolClient(poolId: client.userPoolId, clientId: client.clientId)
        } catch where UserPoolMember.isNotFound(error) {
            return
        }
        context.reconcile.logger.info("deleted app client", metadata: [
            "resource": "\(input.address)", "userPoolId": "\(client.userPoolId)", "clientId": "\(client.clientId)",
        ])
    }

    /// The client a failed CreateUserPoolClient may have created: the only client with its name in the pool.
    private func findCreated(named name: String, poolId: String,
                             cognito: CognitoIdentityProvider) async throws -> AppClientDescription? {
        let named = try await cognito.listUserPoolClients(poolId: poolId).filter { $0.clientName == name }
        guard named.count == 1 else { return nil }
        return try await cognito.describeUserPoolClient(poolId: poolId, clientId: named[0].clientId)
    }

    /// The manifest's spec, required for create and update.
    private func requireSpec(_ input: PlanInput<AppClientLive>) throws -> AppClientSpec {
        guard let spec = Self.spec(input.desired) else { throw AppClientError.noManifest(input.address) }
        return spec
    }

    /// Whether a failed CreateUserPoolClient may still have created the client: anything but an AWS answer of
    /// 4xx (the service refused it) or a request that was never sent.
    static func mayHaveCreated(_ error: any Error) -> Bool {
        if let error = error as? AWSError { return error.httpStatus >= 500 }
        switch error as? AWSClientError {
        case .wrongProtocol?, .requestEncodingFailed?: return false
        case .responseDecodingFailed?, nil: return true
        }
    }
}
