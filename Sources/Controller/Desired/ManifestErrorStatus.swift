import Foundation
import Manifests
import Reconciler

/// Puts manifest errors into the status files of the resources they concern, and takes them out once fixed.
///
/// A resource whose file fails to load or validate keeps its last good desired state; its status says so with the
/// condition `ManifestValid` (False, reason `InvalidManifest`) and `lastError.code` `manifest.invalid`.
struct ManifestErrorStatus: Sendable {
    /// `lastError.code` of a manifest error.
    static let errorCode = "manifest.invalid"
    /// The condition type.
    static let conditionType = "ManifestValid"

    /// The status files.
    let store: StatusStore
    /// Who the controller acts for: only its own status files are marked or cleared (`StatusClaim.mine`).
    let identity: RunIdentity

    /// Marks the status of each of `addresses` (those that have one) with `diagnostics`' first error in its file.
    /// Returns the addresses marked.
    func mark(_ addresses: Set<ResourceAddress>, files: [ResourceAddress: String], diagnostics: [Diagnostic],
              now: Date) async -> Set<ResourceAddress> {
        var marked = Set<ResourceAddress>()
        for address in addresses {
            guard var status = try? store.read(address), StatusClaim.of(status, for: identity) == .mine else { continue }
            let file = files[address]
            let first = diagnostics.first { $0.location?.file == file } ?? diagnostics.first
            let message = "manifest has errors; the last valid manifest is kept: \(first?.description ?? "invalid")"
            status.setCondition(type: Self.conditionType, status: .isFalse, reason: "InvalidManifest",
                                message: message, now: now)
            status.lastError = ErrorRecord(code: Self.errorCode, message: message)
            if (try? store.write(status)) != nil { marked.insert(address) }
        }
        if (try? await store.persist()) == nil { return [] }
        return marked
    }

    /// Clears the manifest error from the status of each of `addresses`.
    func clear(_ addresses: Set<ResourceAddress>, now: Date) async {
        for address in addresses {
            guard var status = try? store.read(address), StatusClaim.of(status, for: identity) == .mine else { continue }
            status.setCondition(type: Self.conditionType, status: .isTrue, reason: "Valid",
                                message: "manifest is valid", now: now)
            if status.lastError?.code == Self.errorCode { status.lastError = nil }
            try? store.write(status)
        }
        try? await store.persist()
    }
}
