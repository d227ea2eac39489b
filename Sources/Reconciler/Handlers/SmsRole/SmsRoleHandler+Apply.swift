import AWSCore
import AWSServices
import Logging

extension SmsRoleHandler {
    /// Creates (CreateRole with tags, then PutRolePolicy of the service's grant), updates (only the calls whose field differs),
    /// replaces (a new name: create the new role, then delete the old; the same name with a new path: delete, then
    /// create), deletes (inline policies, then the role) or retains (nothing). Returns `arn`, `roleName` and
    /// `externalId` of the role afterwards (nothing after a delete).
    public func write(_ action: WriteAction, change: ResourceChange, input: PlanInput<SmsRoleLive>,
                      context: ApplyContext) async throws -> [String: String] {
        let iam = context.reconcile.iam
        let logger = context.reconcile.logger
        switch action {
        case .create:
            let fields = try Self.fields(input, account: context.options.account)
            let role = try await Self.create(fields, address: input.address, iam: iam, logger: logger)
            return Self.outputs(role: role, fields: fields)
        case .update, .rename:
            let fields = try Self.fields(input, account: context.options.account)
            guard let live = input.live.value else { throw SmsRoleError.roleNotRead(input.address) }
            try await Self.converge(live, to: fields, iam: iam, logger: logger)
            return Self.outputs(role: live.role, fields: fields)
        case .replace:
            let fields = try Self.fields(input, account: context.options.account)
            guard let old = input.live.value?.role else { throw SmsRoleError.roleNotRead(input.address) }
            if old.name == fields.roleName {
                try await Self.delete(old.name, iam: iam, logger: logger)
                return Self.outputs(role: try await Self.create(fields, address: input.address, iam: iam, logger: logger),
                                    fields: fields)
            }
            let role = try await Self.create(fields, address: input.address, iam: iam, logger: logger)
            try await Self.delete(old.name, iam: iam, logger: logger)
            return Self.outputs(role: role, fields: fields)
        case .delete:
            guard let live = input.live.value else { return [:] }
            try await Self.delete(live.role.name, iam: iam, logger: logger)
            return [:]
        }
    }

    /// The manifest's fields, or `notAnSmsRole`.
    static func fields(_ input: PlanInput<SmsRoleLive>, account: String) throws -> SmsRoleFields {
        guard let desired = input.desired, let fields = SmsRoleFields(desired, account: account, owner: input.options.owner) else {
            throw SmsRoleError.notAnSmsRole(input.address)
        }
        return fields
    }

    /// Outputs after a create or update.
    static func outputs(role: IAMRole, fields: SmsRoleFields) -> [String: String] {
        ["arn": role.arn, "roleName": role.name, "externalId": fields.externalId]
    }

    /// CreateRole (with every field and the tags), then PutRolePolicy. CreateRole is not idempotent: when it
    /// answers `EntityAlreadyExists` (an earlier attempt may have succeeded without us seeing the answer), the role
    /// is read again and, if it carries our ownership tags and path, brought to the manifest; otherwise `nameTaken`.
    static func create(_ fields: SmsRoleFields, address: ResourceAddress, iam: IAM, logger: Logger) async throws -> IAMRole {
        let input = IAM.CreateRoleInput(
            roleName: fields.roleName, path: fields.path, assumeRolePolicy: fields.trustPolicy,
            description: fields.description, maxSessionDuration: fields.maxSessionDuration,
            permissionsBoundaryArn: fields.permissionsBoundaryArn, tags: fields.tags)
        let role: IAMRole
        do {
            role = try await iam.createRole(input)
        } catch let error as AWSError where error.code == "EntityAlreadyExists" {
            guard let existing = try await iam.getRole(name: fields.roleName),
                  OwnershipTags.claim(existing.tags, as: address, owner: fields.tags[OwnershipTags.ownerKey]) == .mine,
                  existing.path == fields.path else {
                throw SmsRoleError.nameTaken(roleName: fields.roleName, address: address)
            }
            logger.notice("SMS role already exists with our tags (an earlier CreateRole succeeded); continuing",
                          metadata: ["role": "\(fields.roleName)"])
            try await converge(try await withGrants(existing, service: fields.service, iam: iam), to: fields, iam: iam,
                               logger: logger)
            return existing
        }
        logger.info("created SMS role", metadata: ["role": "\(role.name)", "arn": "\(role.arn)"])
        try await iam.putRolePolicy(roleName: role.name, policyName: fields.grant.name, policy: fields.grant.document)
        return role
    }

    /// Brings `live` to `fields` with only the calls whose field differs. UpdateRole resets the maximum session to
    /// one hour when it is left out (IAM API reference), so it always carries the live value of what the
    /// manifest does not manage.
    static func converge(_ live: SmsRoleLive, to fields: SmsRoleFields, iam: IAM, logger: Logger) async throws {
        let role = live.role
        let name = role.name
        var changed: [String] = []
        if role.assumeRolePolicy != fields.trustPolicy {
            try await iam.updateAssumeRolePolicy(roleName: name, policy: fields.trustPolicy)
            changed.append("trustPolicy")
        }
        let liveMaxSession = role.maxSessionDuration ?? SmsRoleFields.defaultMaxSessionDuration
        let description = fields.description ?? role.description
        let maxSession = fields.maxSessionDuration ?? liveMaxSession
        if description != role.description || maxSession != liveMaxSession {
            try await iam.updateRole(roleName: name, description: description, maxSessionDuration: maxSession)
            changed.append("role")
        }
        if let boundary = fields.permissionsBoundaryArn, boundary != role.permissionsBoundaryArn {
            try await iam.setPermissionsBoundary(roleName: name, arn: boundary)
            changed.append("permissionsBoundary")
        }
        let missingTags = fields.tags.filter { role.tags[$0.key] != $0.value }
        if !missingTags.isEmpty {
            try await iam.tagRole(roleName: name, tags: missingTags)
            changed.append("tags")
        }
        // The new service's grant first, then the old one's removal: the role never lacks the permission a pool
        // still using it needs (the pool switches after the role, in the same run).
        if live.grant(named: fields.grant.name) != fields.grant.document {
            try await iam.putRolePolicy(roleName: name, policyName: fields.grant.name, policy: fields.grant.document)
            changed.append(fields.grant.name)
        }
        let otherName = SmsRoleDocuments.otherGrantName(fields.service)
        if live.grant(named: otherName) != nil {
            try await iam.deleteRolePolicy(roleName: name, policyName: otherName)
            changed.append("-" + otherName)
        }
        guard !changed.isEmpty else { return }
        logger.info("updated SMS role", metadata: ["role": "\(name)", "changed": "\(changed.joined(separator: ","))"])
    }

    /// Deletes every inline policy of `roleName`, then the role. A role already gone counts as deleted (a retry
    /// after an ambiguous failure).
    static func delete(_ roleName: String, iam: IAM, logger: Logger) async throws {
        do {
            for policy in try await iam.listRolePolicies(roleName: roleName) {
                try await iam.deleteRolePolicy(roleName: roleName, policyName: policy)
            }
            try await iam.deleteRole(roleName: roleName)
            logger.info("deleted SMS role", metadata: ["role": "\(roleName)"])
        } catch let error as AWSError where error.code == "NoSuchEntity" {
            logger.notice("SMS role already gone", metadata: ["role": "\(roleName)"])
        }
    }
}
