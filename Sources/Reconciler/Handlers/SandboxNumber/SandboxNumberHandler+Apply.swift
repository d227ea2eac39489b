import AWSCore
import Foundation
import Manifests

extension SandboxNumberHandler {
    /// Carries out `change` in the number's sandbox (`SandboxAPI`):
    /// - create: adds the number and has AWS text it a one-time password (the number is `Pending`);
    /// - update: verifies it with the code read from `oneTimePasswordFile` now (never logged, never in outputs or
    ///   errors);
    /// - replace: in another sandbox (region or service), adds the new entry, then deletes the old one (a failed add
    ///   loses nothing); in the same sandbox, deletes the old entry first, freeing its slot;
    /// - rename, retag: an End User Messaging entry's ownership tags move to the new name (`retag`);
    /// - delete: removes it. Within 24 hours of an SNS number's verification or last verification attempt AWS
    ///   answers `UserError`; that becomes `SandboxNumberError.deleteNotYetAllowed`, a terminal error carrying the
    ///   time it becomes possible (`retryAt`, also in its message): the engine records it as `lastError`, the
    ///   controller looks again at that time or the next resync, `reconcile` prints it. A number already gone counts
    ///   as deleted.
    func write(_ action: WriteAction, change: ResourceChange, input: PlanInput<SandboxNumberLive>,
               context: ApplyContext) async throws -> [String: String] {
        switch action {
        case .create:
            return try await create(input, context: context.reconcile)
        case .update, .rename:
            if action == .rename { try await retag(input, context: context) }
            return try await verifyFromFile(input, context: context.reconcile)
        case .retag:
            try await retag(input, context: context)
            return input.live.value.map(outputs(of:)) ?? [:]
        case .replace:
            guard let live = input.live.value else { return try await create(input, context: context.reconcile) }
            let region = input.desired?.region ?? live.region, service = input.desired?.sandboxService ?? .sns
            if SandboxNumberPlan.addsFirst(live, region: region, service: service) {
                let outputs = try await create(input, context: context.reconcile)
                try await delete(live, status: input.status, context: context.reconcile)
                return outputs
            }
            try await delete(live, status: input.status, context: context.reconcile)
            return try await create(input, context: context.reconcile)
        case .delete:
            if let live = input.live.value {
                try await delete(live, status: input.status, context: context.reconcile)
            }
            return [:]
        }
    }

    /// TagResource of the ownership tags of `input.address` on an End User Messaging entry (a renamed manifest takes
    /// its entry with it); nothing for SNS's, which take no tags.
    private func retag(_ input: PlanInput<SandboxNumberLive>, context: ApplyContext) async throws {
        guard let live = input.live.value, live.service == .endUserMessaging, let arn = live.arn else { return }
        try await context.reconcile.smsVoice(live.region).tagResource(
            arn: arn, tags: OwnershipTags.tags(for: input.address, owner: input.options.owner))
    }

    /// Adds the manifest's number to its region's sandbox; AWS texts it a one-time password.
    private func create(_ input: PlanInput<SandboxNumberLive>, context: ReconcileContext) async throws -> [String: String] {
        let spec = try Self.writtenSpec(input)
        guard let desired = input.desired, let region = desired.region else {
            throw SandboxNumberError.noRegion(name: input.address.name)
        }
        let service = desired.sandboxService ?? .sns
        let api = SandboxAPI(service: service, region: region, context: context)
        let added = try await api.add(spec.phoneNumber.value, language: spec.languageCode?.value,
                                      tags: OwnershipTags.tags(for: input.address, owner: context.owner))
        context.logger.info("added sandbox number; one-time password sent", metadata: [
            "resource": "\(input.address)", "region": "\(region)", "service": "\(service.rawValue)",
        ])
        return outputs(of: SandboxNumberLive(name: input.address.name, phoneNumber: spec.phoneNumber.value,
                                             region: region, service: service, id: added.id, status: added.status,
                                             added: true))
    }

    /// Verifies a pending number with the code in its manifest's one-time password file.
    private func verifyFromFile(_ input: PlanInput<SandboxNumberLive>, context: ReconcileContext) async throws -> [String: String] {
        guard var live = input.live.value, let desired = input.desired,
              let spec = Self.spec(desired), let file = spec.oneTimePasswordFile?.value else {
            return input.live.value.map(outputs(of:)) ?? [:]
        }
        let code = try OneTimePasswordFile.code(at: OneTimePasswordFile.url(file, relativeTo: desired.manifest))
        try await SandboxAPI(service: live.service, region: live.region, context: context)
            .verify(live, code: code, name: input.address.name)
        context.logger.info("verified sandbox number", metadata: ["resource": "\(input.address)"])
        live.status = .verified
        return outputs(of: live)
    }

    /// Deletes `live`, turning SNS's 24-hour refusal into a waiting error.
    private func delete(_ live: SandboxNumberLive, status: ResourceStatus?, context: ReconcileContext) async throws {
        try await SandboxAPI(service: live.service, region: live.region, context: context)
            .remove(live, lastChanged: status?.lastAppliedTime, now: context.now())
        context.logger.info("deleted sandbox number", metadata: ["region": "\(live.region)",
                                                                 "service": "\(live.service.rawValue)"])
    }
}
