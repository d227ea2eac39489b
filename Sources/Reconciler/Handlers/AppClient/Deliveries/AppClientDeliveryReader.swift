import AWSServices
import Manifests

/// Reads an app client's deliveries. Calls, only for a manifest with `spec.outputs` or `spec.secret` (or a status
/// that records one): per location GetParameter + ListTagsForResource (SSM) or DescribeSecret (Secrets Manager,
/// tags included); for `spec.outputs` (or a removed manifest's recorded outputs parameter) the pool (DescribeUserPool, unless the UserPool read of this pass described
/// it) and GetUserPoolMfaConfig when MFA is not OFF. Never reads a secret value.
enum AppClientDeliveryReader {
    /// Status keys of the recorded locations.
    static let outputsKey = "outputsParameter"
    static let secretKey = "secret"

    /// The deliveries of `target`'s live `client`.
    static func read(_ target: ReadTarget, client: AppClientDescription,
                     context: ReconcileContext) async throws -> AppClientDeliveries {
        let spec = AppClientHandler.spec(target.desired)
        var deliveries = AppClientDeliveries(
            desiredOutputs: spec.flatMap(DeliveryLocation.outputs(of:)),
            desiredSecret: spec.flatMap(DeliveryLocation.secret(of:)),
            recordedOutputs: target.status?.resource[outputsKey].map(DeliveryLocation.ssmParameter),
            recordedSecret: target.status?.resource[secretKey].flatMap(DeliveryLocation.init(recorded:)))
        let locations = Set([deliveries.desiredOutputs, deliveries.desiredSecret, deliveries.recordedOutputs,
                             deliveries.recordedSecret].compactMap { $0 })
        guard !locations.isEmpty else { return deliveries }
        let region = target.region ?? UserPoolMember.region(ofPoolId: client.userPoolId)
        for location in locations.sorted(by: { $0.description < $1.description }) {
            deliveries.targets[location] = try await state(of: location, for: target, region: region,
                                                           context: context)
        }
        // A removed client's too: when a renamed manifest takes it over, its plan compares the document with the
        // parameter (without it, the rename would show the document as changing and update the client).
        if deliveries.desiredOutputs != nil || (target.desired == nil && deliveries.recordedOutputs != nil) {
            deliveries.configuration = try await configuration(of: client, region: region, context: context)
        }
        return deliveries
    }

    /// What exists at `location`, and whether it is `target`'s.
    static func state(of location: DeliveryLocation, for target: ReadTarget, region: String,
                      context: ReconcileContext) async throws -> DeliveryTargetState {
        switch location {
        case let .ssmParameter(name):
            let ssm = context.ssm(region)
            guard let parameter = try await ssm.getParameter(name: name) else { return .absent }
            let tags = try await ssm.listTags(parameter: name)
            return isOwned(tags, by: target, context: context) ? .owned(value: parameter.value) : .foreign
        case let .secretsManager(name):
            guard let secret = try await context.secretsManager(region).describeSecret(id: name) else { return .absent }
            guard isOwned(secret.tags, by: target, context: context) else { return .foreign }
            return secret.scheduledForDeletion ? .deletionScheduled : .owned(value: nil)
        }
    }

    /// Whether a location carrying `tags` is `target`'s in this run: its ownership tags name the target's address (or
    /// former address) and the run's owner (a location of another owner, or of none while the run has one, is
    /// someone else's).
    private static func isOwned(_ tags: [String: String], by target: ReadTarget, context: ReconcileContext) -> Bool {
        OwnershipTags.claim(tags, as: target, owner: context.owner) == .mine
    }

    /// The configuration of `client` from its live pool; nil when the pool is gone.
    static func configuration(of client: AppClientDescription, region: String,
                              context: ReconcileContext) async throws -> ClientConfiguration? {
        let cognito = context.cognito(region)
        var pool = await context.describedPools?.pool(id: client.userPoolId)
        if pool == nil { pool = try await cognito.describeUserPool(id: client.userPoolId) }
        guard let pool else { return nil }
        let mfa = (pool.mfaConfiguration ?? "OFF") == "OFF" ? nil : try await cognito.getUserPoolMfaConfig(poolId: pool.id)
        return ClientConfiguration(region: region, pool: pool, mfaConfig: mfa, client: client)
    }
}

extension AppClientDeliveryReader {
    /// The status outputs of `deliveries`: the locations smsauth owns (`outputsParameter` = name,
    /// `secret` = `secretsManager:NAME` or `ssmParameter:NAME`).
    static func outputs(of deliveries: AppClientDeliveries) -> [String: String] {
        var outputs: [String: String] = [:]
        if let location = deliveries.ownedOutputs { outputs[outputsKey] = location.name }
        if let location = deliveries.ownedSecret { outputs[secretKey] = location.description }
        return outputs
    }
}
