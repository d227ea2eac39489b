import Manifests

/// Account-wide SNS SMS preferences of one region (`kind: SmsAccountSettings`). The region is the identity: the
/// settings always exist, so they are always `.owned` and never created.
///
/// Removing the manifest deletes nothing, whatever `policy.onDelete` says: account settings cannot be deleted, only
/// set to other values, and smsauth does not guess which values "no manifest" means. `onDelete: Delete` is treated as
/// `Retain` and the plan says so in a warning.
struct SmsAccountSettingsHandler: ResourceHandler {
    /// Creates the handler.
    init() {}

    /// `.smsAccountSettings`.
    var kind: ResourceKind { .smsAccountSettings }

    /// The `SmsAccountSettings` spec in `spec`.
    static func spec(in spec: ManifestSpec) -> SmsAccountSettingsSpec? {
        if case .smsAccountSettings(let settings) = spec { settings } else { nil }
    }

    /// Calls: per region, one GetSMSAttributes and one GetSMSSandboxAccountStatus. GetSMSAttributes is sent without
    /// a name filter (still one call; only the five managed attributes are kept): moto 5.2.1 honours only the first
    /// name of a filter list, so a filtered read would miss set attributes on the emulator.
    func read(_ targets: [ReadTarget], context: ReconcileContext) async throws -> [ResourceAddress: LiveState<SmsAccountSettingsLive>] {
        var result: [ResourceAddress: LiveState<SmsAccountSettingsLive>] = [:]
        for (region, regionTargets) in try targets.byRegion() {
            let sns = context.sns(region)
            let attributes = try await sns.getSMSAttributes()
                .filter { SmsAccountSettingsFields.attributeNames.contains($0.key) }
            let live = SmsAccountSettingsLive(region: region, attributes: attributes, inSandbox: try await sns.isInSandbox())
            for target in regionTargets { result[target.address] = .owned(live) }
        }
        return result
    }

    /// `region`, `inSandbox` (`true`/`false`) and `monthlySpendLimit` (USD, when set).
    func outputs(of live: SmsAccountSettingsLive) -> [String: String] {
        var outputs = ["region": live.region, "inSandbox": live.inSandbox ? "true" : "false"]
        outputs["monthlySpendLimit"] = live.attributes["MonthlySpendLimit"].flatMap { $0.isEmpty ? nil : $0 }
        return outputs
    }

    /// `region`.
    func plannedOutputs(of desired: DesiredResource, account: String, partition: String) -> [String: String] {
        desired.region.map { ["region": $0] } ?? [:]
    }

    /// Compares the managed attributes the manifest sets; a removed manifest is always retained.
    func plan(_ input: PlanInput<SmsAccountSettingsLive>) throws(PlanError) -> ResourceChange {
        guard let spec = Self.spec(input.desired) else {
            guard input.live.value != nil else { return try ResourceChange(address: input.address, action: .noop) }
            let warnings = input.deletePolicy == .delete
                ? ["account SMS settings cannot be deleted: onDelete: Delete is treated as Retain and the settings stay as they are"]
                : []
            return try ResourceChange(address: input.address, action: .retain, warnings: warnings)
        }
        let logRoleArn = SmsAccountSettingsFields.logRoleAddress(of: spec).flatMap { input.references[$0]?["arn"] }
        let live = input.live.value.map { SmsAccountSettingsFields.live($0, for: spec) }
        return try StandardPlan(desired: SmsAccountSettingsFields.desired(spec, logRoleArn: logRoleArn), live: live)
            .change(for: input)
    }

    /// update: one SetSMSAttributes with only the attributes whose values differ (the plan's field changes);
    /// any other write does nothing. (The settings always exist, so the plan never creates, replaces or deletes.)
    func write(_ action: WriteAction, change: ResourceChange, input: PlanInput<SmsAccountSettingsLive>,
               context: ApplyContext) async throws -> [String: String] {
        guard var live = input.live.value else { return [:] }
        guard action == .update || action == .rename, let spec = Self.spec(input.desired) else {
            return outputs(of: live)
        }
        let wanted = SmsAccountSettingsFields.desiredAttributes(
            spec, logRoleArn: try await Self.logRoleArn(spec, address: input.address, context: context))
        var changed: [String: String] = [:]
        for fieldChange in change.fieldChanges {
            if let field = SmsAccountSettingsFields.field(at: fieldChange.path, of: spec), let value = wanted[fieldChange.path] {
                changed[field.attribute] = value
            }
        }
        if !changed.isEmpty {
            try await context.reconcile.sns(live.region).setSMSAttributes(changed)
            context.reconcile.logger.info("set account SMS attributes", metadata: [
                "region": "\(live.region)", "attributes": "\(changed.keys.sorted().joined(separator: ","))",
            ])
        }
        live.attributes.merge(changed) { _, new in new }
        return outputs(of: live)
    }

    /// The ARN of the SmsLogRole `spec.deliveryStatus` names, as it is now (it may have been created or replaced
    /// earlier in this run); nil when the spec names none. Throws `logRoleUnknown` when its ARN is not known.
    static func logRoleArn(_ spec: SmsAccountSettingsSpec, address: ResourceAddress,
                           context: ApplyContext) async throws -> String? {
        guard let role = SmsAccountSettingsFields.logRoleAddress(of: spec) else { return nil }
        guard let arn = await context.references.outputs(of: role)?["arn"] else {
            throw SmsAccountSettingsError.logRoleUnknown(address, role: role)
        }
        return arn
    }
}

/// Why account SMS settings could not be applied.
enum SmsAccountSettingsError: ReconcileError, Equatable {
    /// The SmsLogRole `spec.deliveryStatus.role` names has no known ARN at apply time (it was not read or applied).
    case logRoleUnknown(ResourceAddress, role: ResourceAddress)

    /// Stable machine-readable code.
    var code: String {
        switch self {
        case .logRoleUnknown: "smsAccountSettings.logRoleUnknown"
        }
    }

    /// What to do.
    var message: String {
        switch self {
        case let .logRoleUnknown(address, role):
            "\(address): the ARN of \(role) (spec.deliveryStatus.role) is not known; reconcile it first, then run again"
        }
    }

    /// An unknown log role may resolve itself once the role is applied.
    var isRetryable: Bool { true }
}
