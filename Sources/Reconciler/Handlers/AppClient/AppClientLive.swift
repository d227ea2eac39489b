import AWSServices

/// What `AppClientHandler` finds for one manifest inside its pool.
enum AppClientLive: Sendable, Equatable {
    /// The one client that is this resource (recorded id, or the only client with its name); secret dropped. With
    /// what exists where its configuration and secret are delivered (`spec.outputs`, `spec.secret`).
    case client(AppClientDescription, AppClientDeliveries = AppClientDeliveries())
    /// Several clients in the pool carry the manifest's name and none is recorded in status: smsauth cannot tell
    /// which one is its own, so it refuses to touch any.
    case ambiguous(poolId: String, clientName: String, clientIds: [String])

    /// The deliveries of the identified client.
    var deliveries: AppClientDeliveries? {
        if case let .client(_, deliveries) = self { return deliveries }
        return nil
    }

    /// The client, when it is identified.
    var client: AppClientDescription? {
        if case let .client(description, _) = self { return description }
        return nil
    }
}

/// Errors of `AppClientHandler` besides AWS's own.
enum AppClientError: ReconcileError, Equatable, CustomStringConvertible {
    /// The pool's id is not known when the client must be created or changed.
    case poolUnknown(ResourceAddress)
    /// The change needs an identified live client and there is none.
    case clientUnknown(ResourceAddress)
    /// A create or update was asked for without an AppClient manifest.
    case noManifest(ResourceAddress)
    /// Right before a delete, the client found by the recorded id was no longer the recorded one.
    case identityChanged(ResourceAddress, String)

    /// Stable error code.
    var code: String {
        switch self {
        case .poolUnknown: "appClient.poolUnknown"
        case .clientUnknown: "appClient.clientUnknown"
        case .noManifest: "appClient.noManifest"
        case .identityChanged: "appClient.identityChanged"
        }
    }

    /// What went wrong and what to do (`description`).
    var message: String { description }

    /// A pool or client not known yet, or a changed identity (released by the next plan), may resolve at the next
    /// run; a missing manifest does not.
    var isRetryable: Bool {
        if case .noManifest = self { return false }
        return true
    }

    /// What went wrong and what to do.
    var description: String {
        switch self {
        case let .poolUnknown(address):
            "\(address): the id of its user pool is not known; apply the UserPool it names first"
        case let .clientUnknown(address):
            "\(address): no live app client is identified for it; run reconcile again to re-read it"
        case let .noManifest(address):
            "\(address): creating or updating an app client needs its AppClient manifest"
        case let .identityChanged(address, mismatch):
            "\(address): not deleted: \(mismatch); the next plan releases it"
        }
    }
}
