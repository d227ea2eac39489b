import AWSServices
import Foundation
import Manifests

extension AppClientHandler {
    /// Writes the deliveries of a client just created, updated or replaced, and returns `outputs` with the
    /// locations now owned. Calls (only with `spec.outputs`/`spec.secret` or recorded locations):
    /// DescribeUserPoolClient, then the reads of `AppClientDeliveryReader`, then
    /// - the secret, when the client was created or replaced or its location holds no secret of smsauth's: one
    ///   DescribeUserPoolClient for its `ClientSecret`, then CreateSecret or PutSecretValue (Secrets Manager) or
    ///   PutParameter SecureString (SSM, tags on create);
    /// - the outputs parameter, when its content differs from the document: PutParameter String;
    /// - a location the manifest no longer names, owned and with `onDelete: Delete`: DeleteSecret or DeleteParameter.
    /// The secret is never logged, returned or kept.
    func deliver(_ change: ResourceChange, input: PlanInput<AppClientLive>, outputs: [String: String],
                 context: ApplyContext) async throws -> [String: String] {
        guard let spec = Self.spec(input.desired), spec.outputs != nil || spec.secret != nil
                || input.status?.resource[AppClientDeliveryReader.outputsKey] != nil
                || input.status?.resource[AppClientDeliveryReader.secretKey] != nil,
              let clientId = outputs[Self.clientIdKey], let poolId = outputs[UserPoolMember.poolIdKey] else { return outputs }
        let region = input.desired?.region ?? UserPoolMember.region(ofPoolId: poolId)
        let reconcile = context.reconcile
        let cognito = reconcile.cognito(region)
        guard let client = try await cognito.describeUserPoolClient(poolId: poolId, clientId: clientId) else {
            throw AppClientError.clientUnknown(input.address)
        }
        let target = ReadTarget(address: input.address, desired: input.desired, status: input.status, region: region)
        var found = try await AppClientDeliveryReader.read(target, client: client, context: reconcile)
        if let reason = AppClientDeliveryFields.refusal(spec, deliveries: found) {
            throw AppClientDeliveryError.targetNotOwned(input.address, reason)
        }
        if let location = found.desiredSecret,
           [.create, .replace].contains(change.action) || !found.state(of: location).isOwned {
            guard let secret = try await cognito.clientSecret(poolId: poolId, clientId: clientId) else {
                throw AppClientDeliveryError.noSecret(input.address)
            }
            try await write(secret, to: location, state: found.state(of: location), kmsKeyId: spec.secret?.kmsKeyId?.value,
                            address: input.address, region: region, context: reconcile)
            found.targets[location] = .owned(value: nil)
        }
        if let location = found.desiredOutputs, let configuration = found.configuration {
            let document = AppClientDeliveryFields.document(for: configuration, spec: spec)
            let state = found.state(of: location)
            if state != .owned(value: document) {
                try await writeOutputs(document, to: location, state: state, address: input.address, region: region,
                                       context: reconcile)
            }
            found.targets[location] = .owned(value: document)
        }
        for old in [found.recordedSecret, found.recordedOutputs].compactMap({ $0 })
        where old != found.desiredSecret && old != found.desiredOutputs && found.state(of: old).isOwned {
            if input.deletePolicy == .delete {
                try await Self.remove(old, address: input.address, region: region, context: reconcile)
            }
            found.targets[old] = .absent
        }
        return outputs.merging(AppClientDeliveryReader.outputs(of: found)) { _, delivered in delivered }
    }

    /// Writes the ownership tags of `input.address` on every location the live client's deliveries own (Secrets
    /// Manager TagResource, SSM AddTagsToResource): a renamed client takes them with it, else the next run would
    /// find them tagged for the old name, someone else's.
    func retagDeliveries(_ input: PlanInput<AppClientLive>, context: ApplyContext) async throws {
        guard let client = input.live.value?.client, let deliveries = input.live.value?.deliveries else { return }
        let region = UserPoolMember.region(ofPoolId: client.userPoolId)
        let tags = OwnershipTags.tags(for: input.address, owner: input.options.owner)
        for location in deliveries.targets.keys.sorted(by: { $0.description < $1.description })
        where deliveries.state(of: location).isOwned {
            switch location {
            case let .secretsManager(name): try await context.reconcile.secretsManager(region).tagResource(id: name, tags: tags)
            case let .ssmParameter(name): try await context.reconcile.ssm(region).addTags(parameter: name, tags: tags)
            }
        }
    }

    /// Deletes every delivery location smsauth owns for a client being deleted.
    func removeDeliveries(_ input: PlanInput<AppClientLive>, context: ApplyContext) async throws {
        guard let client = input.live.value?.client, let deliveries = input.live.value?.deliveries else { return }
        let region = UserPoolMember.region(ofPoolId: client.userPoolId)
        for location in deliveries.targets.keys.sorted(by: { $0.description < $1.description })
        where deliveries.state(of: location).isOwned {
            try await Self.remove(location, address: input.address, region: region, context: context.reconcile)
        }
    }

    /// Writes the secret: a new secret or parameter with the ownership tags, else a new value in the owned one.
    private func write(_ secret: SecretText, to location: DeliveryLocation, state: DeliveryTargetState, kmsKeyId: String?,
                       address: ResourceAddress, region: String, context: ReconcileContext) async throws {
        let tags = OwnershipTags.tags(for: address, owner: context.owner)
        switch location {
        case let .secretsManager(name):
            let secrets = context.secretsManager(region)
            let token = UUID().uuidString
            if state.isOwned {
                try await secrets.putSecretValue(id: name, value: secret, clientRequestToken: token)
            } else {
                try await secrets.createSecret(name: name, value: secret, kmsKeyId: kmsKeyId, tags: tags,
                                               clientRequestToken: token)
            }
        case let .ssmParameter(name):
            let ssm = context.ssm(region)
            if state.isOwned {
                try await ssm.overwriteParameter(name: name, value: .secure(secret, kmsKeyId: kmsKeyId))
            } else {
                try await ssm.createParameter(name: name, value: .secure(secret, kmsKeyId: kmsKeyId), tags: tags)
            }
        }
        context.logger.info("delivered app client secret", metadata: ["resource": "\(address)", "to": "\(location)"])
    }

    /// Writes the outputs document to its String parameter.
    private func writeOutputs(_ document: String, to location: DeliveryLocation, state: DeliveryTargetState,
                              address: ResourceAddress, region: String, context: ReconcileContext) async throws {
        let ssm = context.ssm(region)
        if state.isOwned {
            try await ssm.overwriteParameter(name: location.name, value: .string(document))
        } else {
            try await ssm.createParameter(name: location.name, value: .string(document),
                                          tags: OwnershipTags.tags(for: address, owner: context.owner))
        }
        context.logger.info("wrote app client outputs", metadata: ["resource": "\(address)", "to": "\(location)"])
    }

    /// Deletes an owned location.
    private static func remove(_ location: DeliveryLocation, address: ResourceAddress, region: String,
                               context: ReconcileContext) async throws {
        switch location {
        case let .secretsManager(name): try await context.secretsManager(region).deleteSecret(id: name)
        case let .ssmParameter(name): try await context.ssm(region).deleteParameter(name: name)
        }
        context.logger.info("deleted app client delivery", metadata: ["resource": "\(address)", "location": "\(location)"])
    }
}
