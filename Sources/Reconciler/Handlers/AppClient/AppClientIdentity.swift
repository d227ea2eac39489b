import AWSServices
import Manifests

/// How an app client is found in its pool's ListUserPoolClients: by the id recorded in status, else by name.
enum AppClientIdentity: Equatable {
    /// No client is this resource.
    case none
    /// This client id.
    case found(String)
    /// Several clients carry the name and none is recorded.
    case ambiguous(name: String, clientIds: [String])

    /// Whether `text` is a client id as AWS takes one (botocore's `ClientIdType`: 1 to 128 of `[\w+]`).
    static func isClientId(_ text: String) -> Bool {
        (1...128).contains(text.utf8.count)
            && text.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "+")
            }
    }

    /// The recorded id when the pool still has it; else the only client named `name`.
    static func find(recordedId: String?, name: String?,
                     in clients: [CognitoIdentityProvider.AppClientSummary]) -> AppClientIdentity {
        if let recordedId, clients.contains(where: { $0.clientId == recordedId }) { return .found(recordedId) }
        guard let name else { return .none }
        let named = clients.filter { $0.clientName == name }.map(\.clientId).sorted()
        switch named.count {
        case 0: return .none
        case 1: return .found(named[0])
        default: return .ambiguous(name: name, clientIds: named)
        }
    }
}

/// Whether a removed app client may be deleted: the client found by the recorded id must still be the one the status
/// file recorded (same name, same pool). A client renamed by hand, or a status file edited to name another client,
/// is released instead, never deleted. A moved client is held to the same check before it moves
/// (`AppClientMoveCheck`).
enum AppClientDeleteCheck {
    /// Nil when `client` is what `status` recorded; otherwise what was found instead, for the warning.
    static func mismatch(of client: AppClientDescription, recorded status: ResourceStatus?) -> String? {
        let recordedPool = status?.resource[UserPoolMember.poolIdKey]
        guard let recordedName = status?.resource[AppClientHandler.clientNameKey] else {
            return "its status file records no client name (written by an older smsauth), so client \(client.clientId) cannot be confirmed as the one it managed"
        }
        if client.userPoolId != recordedPool {
            return "client \(client.clientId) is in user pool \(client.userPoolId), not in the recorded \(recordedPool ?? "(none)")"
        }
        if client.clientName != recordedName {
            return "client \(client.clientId) is now named \"\(client.clientName)\", not the recorded \"\(recordedName)\""
        }
        return nil
    }
}

/// Whether a client found in another pool than the one its manifest names may move there (a refused change, or under
/// `onImmutableChange: Recreate` deleted and created again in the new pool). Only the client the status recorded
/// moves: found by the recorded id and still as recorded (`AppClientDeleteCheck`: a client renamed by hand, or a
/// status edited to name another client, is refused). A client found by its name alone (the pool the status records
/// is searched by name only while the named pool's id is not known at read time) may be another client of that name,
/// made by hand: it is never deleted to be moved. When the named pool is created in this run, it cannot be that pool,
/// so the client is not this resource's at all.
enum AppClientMoveCheck {
    /// What the plan does with such a client.
    enum Verdict: Equatable {
        /// The recorded client: the standard comparison decides (the pool is an immutable field).
        case move
        /// Not this resource's client: planned as if no client were found (created in the new pool).
        case notThisClient
        /// Refused, with the reason.
        case refuse(String)
    }

    /// The verdict on moving `client` to the pool `poolId` (nil: a pool created in this run) under `status`.
    static func verdict(of client: AppClientDescription, to poolId: String?,
                        recorded status: ResourceStatus?) -> Verdict {
        let target = poolId.map { "user pool \($0)" } ?? "the new user pool"
        guard let recordedId = status?.resource[AppClientHandler.clientIdKey], recordedId == client.clientId else {
            guard let poolId else { return .notThisClient }
            let recorded = status?.resource[AppClientHandler.clientIdKey].map { "client \($0)" } ?? "no client id"
            return .refuse("app client \(client.clientId) (\"\(client.clientName)\") in user pool \(client.userPoolId) was found by its name alone (its status records \(recorded)), so it may be another client of that name: it is not moved to \(target). Run reconcile again once user pool \(poolId) is read under the name this manifest gives it (a renamed UserPool manifest is, after this run): the client is then looked for there")
        }
        if let mismatch = AppClientDeleteCheck.mismatch(of: client, recorded: status) {
            return .refuse("app client \(client.clientId) is not moved to \(target): \(mismatch)")
        }
        return .move
    }
}
