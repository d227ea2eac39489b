import AWSCore
import AWSServices
import Manifests

extension UserPoolHandler {
    /// Creates, updates, retags (TagResource of the ownership tags alone), replaces or deletes the pool. CreateUserPool and UpdateUserPool retry the errors of an SMS
    /// role IAM has not propagated yet (`SmsRolePropagation`). CreateUserPool is never repeated: after an
    /// ambiguous failure (5xx, transport) the region is searched by ownership tag before anything else.
    func write(_ action: WriteAction, change: ResourceChange, input: PlanInput<UserPoolDescription>,
               context: ApplyContext) async throws -> [String: String] {
        let address = change.address
        switch action {
        case .create:
            let (spec, region) = try Self.spec(input)
            return outputs(of: try await create(spec, address: address, region: region, context: context))
        case .update, .rename:
            guard let pool = input.live.value else { throw UserPoolHandlerError.missingLivePool(address, .update) }
            let (spec, _) = try Self.spec(input)
            try await update(pool, spec: spec, change: change, context: context)
            return outputs(of: pool)
        case .retag:
            guard let pool = input.live.value else { throw UserPoolHandlerError.missingLivePool(address, .update) }
            let missing = OwnershipTags.missing(from: pool.tags, for: address, owner: input.options.owner)
            if let arn = pool.arn, !missing.isEmpty {
                try await context.reconcile.cognito(Self.region(of: pool)).tagResource(arn: arn, tags: missing)
            }
            return outputs(of: pool)
        case .replace:
            guard let pool = input.live.value else { throw UserPoolHandlerError.missingLivePool(address, .replace) }
            let (spec, region) = try Self.spec(input)
            let cognito = context.reconcile.cognito(Self.region(of: pool))
            if pool.deletionProtection == "ACTIVE" {
                let request = UserPoolRequestBuilder.disableDeletionProtection(of: pool)
                try await SmsRolePropagation.retrying(context.reconcile) { try await cognito.updateUserPool(request) }
            }
            try await cognito.deleteUserPool(id: pool.id)
            return outputs(of: try await create(spec, address: address, region: region, context: context))
        case .delete:
            guard let pool = input.live.value else { return [:] }
            guard pool.deletionProtection != "ACTIVE" else {
                throw UserPoolHandlerError.deletionProtected(address, poolId: pool.id)
            }
            try await context.reconcile.cognito(Self.region(of: pool)).deleteUserPool(id: pool.id)
            return [:]
        }
    }

    /// The UserPool spec and region of `input`'s manifest (a create, update or replace always has one).
    private static func spec(_ input: PlanInput<UserPoolDescription>) throws -> (UserPoolSpec, String) {
        guard let spec = spec(input.desired), let region = input.desired?.region else {
            throw UserPoolHandlerError.noRegion(input.address)
        }
        return (spec, region)
    }

    /// The SMS role settings at apply time (the role or configuration set may have been created or replaced earlier
    /// in this run).
    private static func sms(_ spec: UserPoolSpec, address: ResourceAddress,
                            context: ApplyContext) async throws -> UserPoolSmsSettings? {
        var setOutputs: [String: String]?
        if let set = UserPoolSmsSettings.configurationSetAddress(of: spec) {
            setOutputs = await context.references.outputs(of: set)
            guard setOutputs?["name"] != nil else { throw UserPoolHandlerError.configurationSetUnknown(address, set: set) }
        }
        guard let role = UserPoolSmsSettings.roleAddress(of: spec) else {
            return UserPoolSmsSettings.resolve(spec, roleOutputs: nil, setOutputs: setOutputs)
        }
        let outputs = await context.references.outputs(of: role)
        guard let settings = UserPoolSmsSettings.resolve(spec, roleOutputs: outputs, setOutputs: setOutputs),
              settings.roleArn != nil, settings.externalId != nil else {
            throw UserPoolHandlerError.smsRoleUnknown(address, role: role)
        }
        return settings
    }

    /// CreateUserPool with everything the manifest sets; on an ambiguous failure, the pool it may have made.
    private func create(_ spec: UserPoolSpec, address: ResourceAddress, region: String,
                        context: ApplyContext) async throws -> UserPoolDescription {
        let builder = UserPoolRequestBuilder(address: address, spec: spec,
                                             sms: try await Self.sms(spec, address: address, context: context),
                                             owner: context.options.owner)
        let request = builder.create()
        let cognito = context.reconcile.cognito(region)
        do {
            return try await SmsRolePropagation.retrying(context.reconcile) { try await cognito.createUserPool(request) }
        } catch where Self.isAmbiguous(error) {
            context.reconcile.logger.warning("CreateUserPool failed ambiguously; looking for the pool by tag", metadata: [
                "resource": "\(address)", "error": "\(error)",
            ])
            var locator = UserPoolLocator(cognito: cognito)
            let created = ReadTarget(address: address, desired: nil, status: nil, region: region)
            guard case .owned(let pool) = try await locator.findTagged(created, named: spec.poolName.value,
                                                                       owner: context.options.owner) else { throw error }
            return pool
        }
    }

    /// AddCustomAttributes for new attributes, UpdateUserPool (full configuration) when any other managed field
    /// changed, then TagResource/UntagResource for the tags (also adds the ownership tags when adopting).
    private func update(_ pool: UserPoolDescription, spec: UserPoolSpec, change: ResourceChange,
                        context: ApplyContext) async throws {
        let builder = UserPoolRequestBuilder(address: change.address, spec: spec,
                                             sms: try await Self.sms(spec, address: change.address, context: context),
                                             owner: context.options.owner)
        let cognito = context.reconcile.cognito(Self.region(of: pool))
        let additions = builder.customAttributesToAdd(to: pool)
        if !additions.isEmpty { try await cognito.addCustomAttributes(poolId: pool.id, attributes: additions) }
        let needsUpdate = change.fieldChanges.contains {
            $0.path != "tags" && $0.path != OwnershipTags.resourceTagPath && !$0.path.hasPrefix(UserPoolFields.customPrefix)
        }
        if needsUpdate {
            let request = builder.update(from: pool)
            try await SmsRolePropagation.retrying(context.reconcile) { try await cognito.updateUserPool(request) }
        }
        guard let arn = pool.arn else { return }
        let wanted = builder.tags(live: pool.tags)
        let live = pool.tags
        let toTag = wanted.filter { live[$0.key] != $0.value }
        let toUntag = spec.tags == nil ? [] : LiveUserPool.userTags(live).keys.filter { wanted[$0] == nil }
        if !toTag.isEmpty { try await cognito.tagResource(arn: arn, tags: toTag) }
        if !toUntag.isEmpty { try await cognito.untagResource(arn: arn, keys: Array(toUntag)) }
    }

    /// Whether a failed CreateUserPool may nevertheless have created the pool: a 5xx answer or no answer at all.
    static func isAmbiguous(_ error: any Error) -> Bool {
        switch error {
        case let error as AWSError: error.httpStatus >= 500 && !RetryClassifier.isThrottling(error)
        case is SmsRolePropagation.NotUsable, is UserPoolHandlerError, is CancellationError: false
        default: true
        }
    }
}
