import Manifests

/// The pure plan of a SandboxNumber. The number is its own identity, so a listed number is the manifest's (SNS's
/// entries carry no tags; End User Messaging's carry smsauth's ownership tags, and one tagged for another owner is
/// refused, one without tags is planned like the manifest's but never deleted); the only managed state is whether
/// it is verified. `languageCode` only picks the language of the
/// one-time password SMS: AWS never returns it, so it is used at creation and never compared.
struct SandboxNumberPlan {
    /// The resource's plan input.
    let input: PlanInput<SandboxNumberLive>

    /// The change.
    func change() throws(PlanError) -> ResourceChange {
        guard let desired = input.desired, let spec = SandboxNumberHandler.spec(desired) else { return try removed() }
        guard let region = desired.region else {
            return try ResourceChange(address: input.address, action: .refuse,
                                      reason: "SandboxNumber/\(input.address.name) has no region: set spec.region, --region or AWS_REGION")
        }
        let phoneNumber = spec.phoneNumber.value, service = desired.sandboxService ?? .sns
        switch input.live {
        case .absent:
            return try create(phoneNumber: phoneNumber, region: region, service: service, spec: spec)
        case .duplicate(let ids):
            return try ResourceChange(address: input.address, action: .refuse,
                                      reason: OwnershipError.duplicate(input.address, ids: ids).message)
        case .otherOwner(_, let owner):
            return try ResourceChange(address: input.address, action: .refuse,
                                      reason: OwnershipError.otherOwner(input.address, found: owner,
                                                                        runOwner: input.options.owner).message)
        case let .owned(live), let .foreign(live), let .legacy(live):
            let foreign = if case .foreign = input.live { true } else { false }
            if live.phoneNumber != phoneNumber || live.region != region || live.service != service {
                guard foreign else {
                    return try identityChange(live, phoneNumber: phoneNumber, region: region, service: service,
                                              policy: desired.policy)
                }
                // A number found listed is never deleted, and its status file stays with it: the new number is
                // another resource, not this one's replacement.
                return try ResourceChange(
                    address: input.address, action: .refuse,
                    reason: Self.found(live) + ". To add \(phoneNumber) to the \(SandboxService.sandboxName(service)) of "
                        + "\(region), declare it as a SandboxNumber of another name; remove this one's status file to "
                        + "stop managing \(live.phoneNumber)")
            }
            let change = try existing(live)
            return foreign ? try change.revised(warnings: change.warnings + [Self.found(live)]) : change
        }
    }

    /// Why a number found listed, not added by a run for this resource, is never deleted.
    static func found(_ live: SandboxNumberLive) -> String {
        "\(live.phoneNumber) was already in the \(SandboxService.sandboxName(live.service)) of \(live.region) when this "
            + "manifest folder first saw it (added by another folder, by hand, or by a run stopped before recording it): "
            + "smsauth manages its verification but never deletes it"
    }

    /// Create, unless the region's sandbox would then hold more than `SandboxQuota.maximumNumbers` numbers.
    private func create(phoneNumber: String, region: String, service: SmsService,
                        spec: SandboxNumberSpec) throws(PlanError) -> ResourceChange {
        let taken = SandboxQuota.numbersAhead(of: input.address, phoneNumber: phoneNumber, region: region,
                                              service: service, references: input.references)
        let sandbox = SandboxService.sandboxName(service)
        var changes = [FieldChange(path: "phoneNumber", before: .null, after: .string(phoneNumber)),
                       FieldChange(path: "service", before: .null, after: .string(service.rawValue))]
        if let language = spec.languageCode?.value {
            changes.append(FieldChange(path: "languageCode", before: .null, after: .string(language.rawValue)))
        }
        guard taken < SandboxQuota.maximumNumbers else {
            return try ResourceChange(
                address: input.address, action: .refuse, fieldChanges: changes,
                reason: "the \(sandbox) of \(region) would hold more than \(SandboxQuota.maximumNumbers) destination numbers (\(taken) already there or created first); remove a SandboxNumber there (an SNS one is deletable 24 hours after its verification) or leave the sandbox")
        }
        return try ResourceChange(address: input.address, action: .create, fieldChanges: changes,
                                  reason: "adds \(phoneNumber) to the \(sandbox) and AWS texts it a one-time password; the number stays Pending until it is verified")
    }

    /// A listed number with the manifest's identity: verify with the code file when there is one, else nothing.
    private func existing(_ live: SandboxNumberLive) throws(PlanError) -> ResourceChange {
        guard live.status == .pending, let file = live.oneTimePasswordFile, live.oneTimePasswordFileExists else {
            return try ResourceChange(address: input.address, action: .noop)
        }
        return try ResourceChange(
            address: input.address, action: .update,
            fieldChanges: [FieldChange(path: "oneTimePasswordFile", before: .null, after: .sensitive)],
            reason: "verifies \(live.phoneNumber) with the one-time password in \(file)")
    }

    /// A new phone number or region is a new sandbox entry: delete the old one and create the new one, or refuse.
    private func identityChange(_ live: SandboxNumberLive, phoneNumber: String, region: String, service: SmsService,
                                policy: Policy) throws(PlanError) -> ResourceChange {
        var changes: [FieldChange] = []
        if live.phoneNumber != phoneNumber {
            changes.append(FieldChange(path: "phoneNumber", before: .string(live.phoneNumber), after: .string(phoneNumber),
                                       forcesReplacement: true))
        }
        if live.region != region {
            changes.append(FieldChange(path: "region", before: .string(live.region), after: .string(region),
                                       forcesReplacement: true))
        }
        if live.service != service {
            changes.append(FieldChange(path: "service", before: .string(live.service.rawValue),
                                       after: .string(service.rawValue), forcesReplacement: true))
        }
        let fields = changes.map(\.path).joined(separator: ", ")
        let newSandbox = SandboxService.sandboxName(service), oldSandbox = SandboxService.sandboxName(live.service)
        let move = live.phoneNumber == phoneNumber
            ? "move \(phoneNumber) from the \(oldSandbox) of \(live.region) to the \(newSandbox) of \(region)"
            : "delete \(live.phoneNumber) and add \(phoneNumber)"
        switch policy.onImmutableChange.value {
        case .refuse:
            var reason = "\(fields) is the sandbox number's identity (set policy.onImmutableChange: Recreate to \(move), which must then be verified"
            if live.service != service {
                reason += "; or set spec.service: \(live.service.rawValue) to keep it in the \(oldSandbox)"
            }
            return try ResourceChange(address: input.address, action: .refuse, fieldChanges: changes, reason: reason + ")")
        case .recreate:
            if live.replacementListed {
                return try ResourceChange(
                    address: input.address, action: .refuse, fieldChanges: changes,
                    reason: "\(phoneNumber) is already in the \(newSandbox) of \(region) (added by another folder, by hand, "
                        + "or by a run stopped before recording it), so it would not be added as this number's "
                        + "replacement, and a number a run for this manifest did not add is never deleted by it: "
                        + "\(live.phoneNumber) stays. Declare \(phoneNumber) as a SandboxNumber of another name (its "
                        + "verification is then managed, the number never deleted), and remove this manifest to let "
                        + "its policy.onDelete apply to \(live.phoneNumber). Only if you know that this manifest's own "
                        + "replacement added \(phoneNumber) and stopped before deleting \(live.phoneNumber) (SNS's "
                        + "entries carry no tags, so smsauth cannot tell), remove \(phoneNumber) from the \(newSandbox) "
                        + "of \(region) by hand and reconcile again: it is then added anew as this number's, and must "
                        + "be verified again")
            }
            let taken = SandboxQuota.numbersAhead(of: input.address, phoneNumber: phoneNumber, region: region,
                                                  service: service, references: input.references)
            guard taken < SandboxQuota.maximumNumbers else {
                return try ResourceChange(
                    address: input.address, action: .refuse, fieldChanges: changes,
                    reason: "the \(newSandbox) of \(region) would hold more than \(SandboxQuota.maximumNumbers) destination numbers (\(taken) already there or created first): \(live.phoneNumber) stays where it is; remove a SandboxNumber there or leave the sandbox")
            }
            let order = Self.addsFirst(live, region: region, service: service)
                ? "\(phoneNumber) is added to the \(newSandbox) of \(region) (and must be verified), then \(live.phoneNumber) is deleted from the \(oldSandbox) of \(live.region)"
                : "\(live.phoneNumber) is deleted from the \(oldSandbox)\(live.service == .sns ? " (AWS allows it 24 hours after its verification or last verification attempt)" : "") and \(phoneNumber) is added to the \(newSandbox) and must be verified"
            return try ResourceChange(address: input.address, action: .replace,
                                      fieldChanges: changes + Self.lostByReplacing(live),
                                      reason: "\(fields) is the sandbox number's identity: \(order)")
        }
    }

    /// Whether a replacement adds the new entry before deleting `live`: when the new one is in another sandbox (its
    /// region or service differs), the two never compete for a slot, and a failed add then loses nothing. In the same
    /// sandbox the old entry goes first, freeing its slot.
    static func addsFirst(_ live: SandboxNumberLive, region: String, service: SmsService) -> Bool {
        live.region != region || live.service != service
    }

    /// What the new entry of a replacement does not have that `live` has: its verification (every new sandbox
    /// number starts `Pending`).
    static func lostByReplacing(_ live: SandboxNumberLive) -> [FieldChange] {
        guard live.status != .pending else { return [] }
        return [FieldChange(path: "status", before: .string(live.status.rawValue), after: .string(SandboxNumberStatus.pending.rawValue))]
    }

    /// The manifest is gone: delete (this kind's default) or retain what is listed. Only an owned number: a found one
    /// (not added by a run for this resource) is never deleted (the engine refuses to act on it, `OwnershipError`).
    private func removed() throws(PlanError) -> ResourceChange {
        guard case let .owned(live) = input.live else { return try ResourceChange(address: input.address, action: .noop) }
        switch input.deletePolicy {
        case .delete:
            return try ResourceChange(address: input.address, action: .delete,
                                      reason: "removes \(live.phoneNumber) from the \(SandboxService.sandboxName(live.service)) of \(live.region)")
        case .retain:
            return try ResourceChange(address: input.address, action: .retain)
        }
    }
}

/// The limit of 10 destination numbers per account, region and sandbox (SNS's; End User Messaging's holds 10 verified
/// destination numbers too), checked in the plan so a create AWS would refuse is
/// refused before anything is sent.
///
/// Each resource is planned alone, so the count comes from `PlanInput.references`, the outputs of every other
/// resource: a SandboxNumber with a `status` output is listed in AWS now; one without is a planned create (its
/// `plannedOutputs`). Planned creates count only when their address sorts before this one, so of several creates
/// exactly the first that fit are allowed. Numbers smsauth is deleting in the same run still count: AWS refuses
/// a delete within 24 hours of the last verification attempt and creates and deletes of this independent kind may
/// run in any order, so their slot is not free until the delete has happened. Numbers added outside smsauth are not
/// visible to the plan of a number that does not exist yet; AWS then refuses the create with `UserError`.
enum SandboxQuota {
    /// Destination numbers AWS allows in one account's sandbox per region.
    static let maximumNumbers = 10

    /// How many other numbers hold or will first take a slot in `region`'s sandbox of `service` (a number whose
    /// outputs name no service is in SNS's, as status files from before End User Messaging sandboxes are).
    static func numbersAhead(of address: ResourceAddress, phoneNumber: String, region: String, service: SmsService,
                             references: [ResourceAddress: [String: String]]) -> Int {
        var numbers = Set<String>()
        for (other, outputs) in references where other.kind == .sandboxNumber && other != address {
            guard outputs["region"] == region, (outputs["service"] ?? SmsService.sns.rawValue) == service.rawValue,
                  let number = outputs["phoneNumber"], number != phoneNumber else { continue }
            if outputs["status"] != nil || other < address { numbers.insert(number) }
        }
        return numbers.count
    }
}
