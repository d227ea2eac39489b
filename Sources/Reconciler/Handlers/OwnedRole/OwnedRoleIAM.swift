import AWSCore
import AWSServices
import Logging
import Manifests

/// The IAM calls of a role smsauth owns whole (`OwnedRoleShape`), shared by the SmsRole and SmsLogRole handlers.
/// `noun` names the role in log lines ("SMS role").
enum OwnedRoleIAM {
    /// Reads one target: the role recorded in status (`roleName`) when it is still this owner's, else the role at
    /// `desiredName` (for a removed manifest, the recorded role), classified by its tags (`LiveState.classified`).
    /// One GetRole per name tried, then `withPolicies` of the role found.
    static func read<Live: Sendable>(_ target: ReadTarget, desiredName: String?, iam: IAM, owner: String?,
                                     withPolicies: (IAMRole) async throws -> Live) async throws -> LiveState<Live> {
        var names: [String] = []
        for name in [target.status?.resource["roleName"], desiredName].compactMap({ $0 }) where !names.contains(name) {
            names.append(name)
        }
        var found: IAMRole?
        for name in names {
            guard let role = try await iam.getRole(name: name) else { continue }
            if OwnershipTags.claim(role.tags, as: target, owner: owner) == .mine {
                return .owned(try await withPolicies(role))
            }
            if name == desiredName || target.desired == nil { found = role }
        }
        guard let found else { return .absent }
        return .classified(try await withPolicies(found), tags: found.tags, as: target, owner: owner)
    }

    /// TagRole of the ownership tags of `address` (with `owner`'s) that `role` lacks, nothing else: a rename that
    /// changes nothing else (`WriteAction.retag`). No call when it has them all.
    static func retag(_ role: IAMRole, as address: ResourceAddress, owner: String?, iam: IAM) async throws {
        let missing = OwnershipTags.missing(from: role.tags, for: address, owner: owner)
        if !missing.isEmpty { try await iam.tagRole(roleName: role.name, tags: missing) }
    }

    /// CreateRole (with every field and the tags), then PutRolePolicy of the owned policy. CreateRole is not
    /// idempotent: when it answers `EntityAlreadyExists` (an earlier attempt may have succeeded without us seeing
    /// the answer), the role is read again (`withPolicies`) and, if it carries our ownership tags and path, brought
    /// to `fields`; otherwise `nameTaken` is thrown.
    static func create<Live: OwnedRoleLive>(_ fields: some OwnedRoleShape, address: ResourceAddress, iam: IAM,
                                            logger: Logger, noun: String, nameTaken: any Error,
                                            withPolicies: (IAMRole) async throws -> Live) async throws -> IAMRole {
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
                throw nameTaken
            }
            logger.notice("\(noun) already exists with our tags (an earlier CreateRole succeeded); continuing",
                          metadata: ["role": "\(fields.roleName)"])
            try await converge(try await withPolicies(existing), to: fields, iam: iam, logger: logger, noun: noun)
            return existing
        }
        logger.info("created \(noun)", metadata: ["role": "\(role.name)", "arn": "\(role.arn)"])
        try await iam.putRolePolicy(roleName: role.name, policyName: fields.ownedPolicy.name,
                                    policy: fields.ownedPolicy.document)
        return role
    }

    /// Brings `live` to `fields` with only the calls whose field differs, in this order: UpdateAssumeRolePolicy,
    /// UpdateRole, PutRolePermissionsBoundary, TagRole, PutRolePolicy, DeleteRolePolicy of the retired policy.
    /// UpdateRole resets the maximum session to one hour when it is left out (IAM API reference), so it always
    /// carries the live value of what the manifest does not manage.
    static func converge(_ live: some OwnedRoleLive, to fields: some OwnedRoleShape, iam: IAM, logger: Logger,
                         noun: String) async throws {
        let role = live.role
        let name = role.name
        var changed: [String] = []
        if role.assumeRolePolicy != fields.trustPolicy {
            try await iam.updateAssumeRolePolicy(roleName: name, policy: fields.trustPolicy)
            changed.append("trustPolicy")
        }
        let liveMaxSession = role.maxSessionDuration ?? OwnedRoleValues.defaultMaxSessionDuration
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
        // The owned policy first, then the retired one's removal: the role never lacks a permission something still
        // using it needs (an SmsRole's pool switches services after the role, in the same run).
        let owned = fields.ownedPolicy
        if live.inlinePolicy(named: owned.name) != owned.document {
            try await iam.putRolePolicy(roleName: name, policyName: owned.name, policy: owned.document)
            changed.append(owned.name)
        }
        if let retired = fields.retiredPolicyName, live.inlinePolicy(named: retired) != nil {
            try await iam.deleteRolePolicy(roleName: name, policyName: retired)
            changed.append("-" + retired)
        }
        guard !changed.isEmpty else { return }
        logger.info("updated \(noun)", metadata: ["role": "\(name)", "changed": "\(changed.joined(separator: ","))"])
    }

    /// Deletes every inline policy of `roleName` (ListRolePolicies, DeleteRolePolicy each), then the role, once
    /// ListAttachedRolePolicies shows no managed policy attached (else `RoleDeleteConflict`, before anything is
    /// touched). A role already gone counts as deleted (a retry after an ambiguous failure).
    static func delete(_ roleName: String, iam: IAM, logger: Logger, noun: String) async throws {
        do {
            let attached = try await iam.attachedPolicyArns(roleName: roleName)
            guard attached.isEmpty else { throw RoleDeleteConflict(roleName: roleName, policyArns: attached.sorted()) }
            for policy in try await iam.listRolePolicies(roleName: roleName) {
                try await iam.deleteRolePolicy(roleName: roleName, policyName: policy)
            }
            try await iam.deleteRole(roleName: roleName)
            logger.info("deleted \(noun)", metadata: ["role": "\(roleName)"])
        } catch let error as AWSError where error.code == "NoSuchEntity" {
            logger.notice("\(noun) already gone", metadata: ["role": "\(roleName)"])
        }
    }
}
