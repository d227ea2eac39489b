import AWSCore
import Foundation
import Manifests

extension SandboxNumberHandler {
    /// Carries out `change`:
    /// - create: CreateSMSSandboxPhoneNumber with `languageCode` (AWS texts a one-time password; the number is `Pending`);
    /// - update: VerifySMSSandboxPhoneNumber with the code read from `oneTimePasswordFile` now (never logged, never
    ///   in outputs or errors);
    /// - replace: deletes the old number, then creates the new one;
    /// - delete: DeleteSMSSandboxPhoneNumber. Within 24 hours of the number's verification or last verification
    ///   attempt AWS answers `UserError`; that becomes `SandboxNumberError.deleteNotYetAllowed`, a terminal error carrying
    ///   the time it becomes possible (`retryAt`, also in its message): the engine records it as `lastError`, the
    ///   controller looks again at that time or the next resync, `reconcile` prints it. A number already gone counts as deleted.
    func write(_ action: WriteAction, change: ResourceChange, input: PlanInput<SandboxNumberLive>,
               context: ApplyContext) async throws -> [String: String] {
        switch action {
        case .create:
            return try await create(input, context: context.reconcile)
        case .update, .rename:
            return try await verifyFromFile(input, context: context.reconcile)
        case .replace:
            if let live = input.live.value {
                try await delete(live, status: input.status, context: context.reconcile)
            }
            return try await create(input, context: context.reconcile)
        case .delete:
            if let live = input.live.value {
                try await delete(live, status: input.status, context: context.reconcile)
            }
            return [:]
        }
    }

    /// Adds the manifest's number to its region's sandbox.
    private func create(_ input: PlanInput<SandboxNumberLive>, context: ReconcileContext) async throws -> [String: String] {
        guard let desired = input.desired, case let .sandboxNumber(spec) = desired.manifest.spec else { return [:] }
        guard let region = desired.region else { throw SandboxNumberError.noRegion(name: input.address.name) }
        let phoneNumber = spec.phoneNumber.value
        try await context.sns(region).createSandboxPhoneNumber(phoneNumber, languageCode: spec.languageCode?.value.rawValue)
        context.logger.info("added sandbox number; one-time password sent", metadata: [
            "resource": "\(input.address)", "region": "\(region)",
        ])
        return outputs(of: SandboxNumberLive(name: input.address.name, phoneNumber: phoneNumber, region: region,
                                             status: .pending))
    }

    /// Verifies a pending number with the code in its manifest's one-time password file.
    private func verifyFromFile(_ input: PlanInput<SandboxNumberLive>, context: ReconcileContext) async throws -> [String: String] {
        guard var live = input.live.value, let desired = input.desired,
              case let .sandboxNumber(spec) = desired.manifest.spec, let file = spec.oneTimePasswordFile?.value else {
            return input.live.value.map(outputs(of:)) ?? [:]
        }
        let code = try OneTimePasswordFile.code(at: OneTimePasswordFile.url(file, relativeTo: desired.manifest))
        do {
            try await context.sns(live.region).verifySandboxPhoneNumber(live.phoneNumber, oneTimePassword: code)
        } catch let error as AWSError {
            throw SandboxNumberError.verification(error, name: input.address.name, phoneNumber: live.phoneNumber,
                                                  region: live.region) ?? error
        }
        context.logger.info("verified sandbox number", metadata: ["resource": "\(input.address)"])
        live.status = .verified
        return outputs(of: live)
    }

    /// Deletes `live`, turning AWS's 24-hour refusal into a waiting error.
    private func delete(_ live: SandboxNumberLive, status: ResourceStatus?, context: ReconcileContext) async throws {
        do {
            try await context.sns(live.region).deleteSandboxPhoneNumber(live.phoneNumber)
        } catch let error as AWSError where error.code == "ResourceNotFound" {
            return
        } catch let error as AWSError where error.code == "UserError" {
            let retryAt = SandboxNumberError.deleteRetryTime(lastChanged: status?.lastAppliedTime, now: context.now())
            throw SandboxNumberError.deleteNotYetAllowed(phoneNumber: live.phoneNumber, region: live.region,
                                                         retryAt: retryAt)
        }
        context.logger.info("deleted sandbox number", metadata: ["region": "\(live.region)"])
    }
}
