import AWSServices
import Manifests

extension MfaPolicyHandler {
    /// Performs `change` on the pool read again now (a UserPool applied earlier in this run may have changed it)
    /// and returns `userPoolId`. Calls: GetUserPoolMfaConfig + DescribeUserPool, then UpdateUserPool when device
    /// tracking differs (first, while the pool's live MfaConfiguration is still the one sent back), then
    /// SetUserPoolMfaConfig when mode or factors differ; both retried while a new SMS role propagates. Delete:
    /// SetUserPoolMfaConfig OFF with every factor off (device tracking is left as it is).
    func write(_ action: WriteAction, change: ResourceChange, input: PlanInput<MfaPolicyLive>,
               context: ApplyContext) async throws -> [String: String] {
        switch action {
        case .create, .update, .replace, .rename:
            return try await converge(input, context: context)
        case .retag:
            // An MFA configuration records no name in AWS: nothing to write.
            return input.live.value.map(outputs(of:)) ?? [:]
        case .delete:
            return try await turnOff(input, context: context)
        }
    }

    /// Brings MFA and device tracking to the manifest.
    private func converge(_ input: PlanInput<MfaPolicyLive>, context: ApplyContext) async throws -> [String: String] {
        guard let spec = Self.spec(input.desired) else { throw MfaPolicyError.noManifest(input.address) }
        let (live, cognito) = try await fresh(input, poolName: spec.userPool.value, context: context)
        let reconcile = context.reconcile
        if MfaPolicyFields.differ(spec, live: live, in: MfaPolicyFields.devicePaths) {
            let request = JSONValue.object(MfaPolicyRequests.devices(spec, live: live))
            try await SmsRolePropagation.retrying(reconcile) { try await cognito.updateUserPool(request) }
            reconcile.logger.info("updated user pool device tracking", metadata: [
                "resource": "\(input.address)", "userPoolId": "\(live.pool.id)",
                "remember": "\(MfaPolicyFields.remember(spec, live: live).rawValue)",
            ])
        }
        if MfaPolicyFields.differ(spec, live: live, in: MfaPolicyFields.mfaPaths) {
            let request = JSONValue.object(try MfaPolicyRequests.mfaConfig(spec, live: live, address: input.address))
            _ = try await SmsRolePropagation.retrying(reconcile) { try await cognito.setUserPoolMfaConfig(request) }
            reconcile.logger.info("set user pool MFA configuration", metadata: [
                "resource": "\(input.address)", "userPoolId": "\(live.pool.id)", "mode": "\(spec.mode.value.rawValue)",
            ])
        }
        return outputs(of: live)
    }

    /// Turns MFA OFF with every factor off (removed manifest, `onDelete: Delete`).
    private func turnOff(_ input: PlanInput<MfaPolicyLive>, context: ApplyContext) async throws -> [String: String] {
        let (live, cognito) = try await fresh(input, poolName: nil, context: context)
        let request = JSONValue.object(MfaPolicyRequests.off(live))
        _ = try await cognito.setUserPoolMfaConfig(request)
        context.reconcile.logger.info("turned user pool MFA off", metadata: [
            "resource": "\(input.address)", "userPoolId": "\(live.pool.id)",
        ])
        return [:]
    }

    /// The pool's MFA configuration and description read now, with the Cognito client of its region.
    private func fresh(_ input: PlanInput<MfaPolicyLive>, poolName: String?,
                       context: ApplyContext) async throws -> (MfaPolicyLive, CognitoIdentityProvider) {
        let poolId = await UserPoolMember.poolId(poolName: poolName, status: input.status, context: context)
            ?? input.live.value?.pool.id
        guard let poolId else { throw MfaPolicyError.poolUnknown(input.address) }
        let cognito = context.reconcile.cognito(UserPoolMember.region(ofPoolId: poolId))
        guard let live = try await Self.read(poolId: poolId, cognito: cognito) else {
            throw MfaPolicyError.poolUnknown(input.address)
        }
        return (live, cognito)
    }
}
