import AWSServices
import Logging

extension SmsLogRoleHandler {
    /// Creates (CreateRole with tags, then PutRolePolicy), updates (only the calls whose field differs), replaces (a
    /// new name: create the new role, and delete the old one once what uses it has moved, `ApplyContext.retireLater`;
    /// the same name with a new path: delete, then create), retags (TagRole of the ownership tags alone)
    /// or deletes (inline policies, then the role). Returns `arn` and `roleName` of the role
    /// afterwards (nothing after a delete).
    func write(_ action: WriteAction, change: ResourceChange, input: PlanInput<SmsLogRoleLive>,
               context: ApplyContext) async throws -> [String: String] {
        let iam = context.reconcile.iam
        let logger = context.reconcile.logger
        switch action {
        case .create:
            return outputs(of: try await Self.create(try Self.fields(input), address: input.address, iam: iam, logger: logger))
        case .update, .rename:
            let fields = try Self.fields(input)
            guard let live = input.live.value else { throw OwnedRoleError.roleNotRead(input.address) }
            try await OwnedRoleIAM.converge(live, to: fields, iam: iam, logger: logger, noun: Self.noun)
            return outputs(of: live.role)
        case .retag:
            guard let live = input.live.value else { throw OwnedRoleError.roleNotRead(input.address) }
            try await OwnedRoleIAM.retag(live.role, as: input.address, owner: input.options.owner, iam: iam)
            return outputs(of: live.role)
        case .replace:
            let fields = try Self.fields(input)
            guard let old = input.live.value?.role else { throw OwnedRoleError.roleNotRead(input.address) }
            if fields.isNamed(old.name) {
                try await OwnedRoleIAM.delete(old.name, iam: iam, logger: logger, noun: Self.noun)
                return outputs(of: try await Self.create(fields, address: input.address, iam: iam, logger: logger))
            }
            let role = try await Self.create(fields, address: input.address, iam: iam, logger: logger)
            await context.retireLater("the old role \(old.name)", for: input.address) {
                try await OwnedRoleIAM.delete(old.name, iam: iam, logger: logger, noun: Self.noun)
            }
            return outputs(of: role)
        case .delete:
            guard let live = input.live.value else { return [:] }
            try await OwnedRoleIAM.delete(live.role.name, iam: iam, logger: logger, noun: Self.noun)
            return [:]
        }
    }

    /// `arn` and `roleName` of `role`.
    func outputs(of role: IAMRole) -> [String: String] { ["arn": role.arn, "roleName": role.name] }

    /// The fields of the manifest a write needs.
    static func fields(_ input: PlanInput<SmsLogRoleLive>) throws -> SmsLogRoleFields {
        SmsLogRoleFields(try writtenSpec(input), address: input.address, owner: input.options.owner)
    }

    /// `OwnedRoleIAM.create` of a log role.
    static func create(_ fields: SmsLogRoleFields, address: ResourceAddress, iam: IAM, logger: Logger) async throws -> IAMRole {
        try await OwnedRoleIAM.create(fields, address: address, iam: iam, logger: logger, noun: noun,
                                      nameTaken: OwnedRoleError.nameTaken(roleName: fields.roleName, address: address)) {
            try await withPolicy($0, iam: iam)
        }
    }
}
