import AWSServices
import Logging

extension SmsRoleHandler {
    /// Creates (CreateRole with tags, then PutRolePolicy of the service's grant), updates (only the calls whose field differs),
    /// replaces (a new name: create the new role, and delete the old one once the pools using it have moved to the new
    /// one, `ApplyContext.retireLater`; the same name with a new path: delete, then create), retags (TagRole of the
    /// ownership tags alone) or deletes (inline policies, then the role). Returns `arn`, `roleName` and
    /// `externalId` of the role afterwards (nothing after a delete).
    func write(_ action: WriteAction, change: ResourceChange, input: PlanInput<SmsRoleLive>,
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
            guard let live = input.live.value else { throw OwnedRoleError.roleNotRead(input.address) }
            try await Self.converge(live, to: fields, iam: iam, logger: logger)
            return Self.outputs(role: live.role, fields: fields)
        case .retag:
            let fields = try Self.fields(input, account: context.options.account)
            guard let live = input.live.value else { throw OwnedRoleError.roleNotRead(input.address) }
            try await OwnedRoleIAM.retag(live.role, as: input.address, owner: input.options.owner, iam: iam)
            // As an update: what the plan gave the pools (a reported drift of the external id holds their writes).
            return Self.outputs(role: live.role, fields: fields)
        case .replace:
            let fields = try Self.fields(input, account: context.options.account)
            guard let old = input.live.value?.role else { throw OwnedRoleError.roleNotRead(input.address) }
            if fields.isNamed(old.name) {
                try await Self.delete(old.name, iam: iam, logger: logger)
                return Self.outputs(role: try await Self.create(fields, address: input.address, iam: iam, logger: logger),
                                    fields: fields)
            }
            let role = try await Self.create(fields, address: input.address, iam: iam, logger: logger)
            await context.retireLater("the old role \(old.name)", for: input.address) {
                try await Self.delete(old.name, iam: iam, logger: logger)
            }
            return Self.outputs(role: role, fields: fields)
        case .delete:
            guard let live = input.live.value else { return [:] }
            try await Self.delete(live.role.name, iam: iam, logger: logger)
            return [:]
        }
    }

    /// The fields of the manifest a write needs.
    static func fields(_ input: PlanInput<SmsRoleLive>, account: String) throws -> SmsRoleFields {
        SmsRoleFields(try writtenSpec(input), address: input.address, account: account, owner: input.options.owner)
    }

    /// Outputs after a create or update.
    static func outputs(role: IAMRole, fields: SmsRoleFields) -> [String: String] {
        ["arn": role.arn, "roleName": role.name, "externalId": fields.externalId]
    }

    /// The role's noun in log lines.
    static let noun = "SMS role"

    /// `OwnedRoleIAM.create` of an SMS role.
    static func create(_ fields: SmsRoleFields, address: ResourceAddress, iam: IAM, logger: Logger) async throws -> IAMRole {
        try await OwnedRoleIAM.create(fields, address: address, iam: iam, logger: logger, noun: noun,
                                      nameTaken: OwnedRoleError.nameTaken(roleName: fields.roleName, address: address)) {
            try await withGrants($0, service: fields.service, iam: iam)
        }
    }

    /// `OwnedRoleIAM.converge` of an SMS role: the new service's grant first, then the old one's removal.
    static func converge(_ live: SmsRoleLive, to fields: SmsRoleFields, iam: IAM, logger: Logger) async throws {
        try await OwnedRoleIAM.converge(live, to: fields, iam: iam, logger: logger, noun: noun)
    }

    /// `OwnedRoleIAM.delete` of an SMS role: every inline policy, then the role.
    static func delete(_ roleName: String, iam: IAM, logger: Logger) async throws {
        try await OwnedRoleIAM.delete(roleName, iam: iam, logger: logger, noun: noun)
    }
}
