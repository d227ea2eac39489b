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
/// is released instead, never deleted.
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
/// `onImmutableChange: Recreate` deleted and created again in the new pool): only when it was found by the id its
/// status records. A client found there by its name alone (the recorded client is gone, or none is recorded: the
/// pool the status records is searched by name only while the named pool's id is not known yet) may be another client
/// of that name, made by hand, and is never deleted to be moved.
enum AppClientMoveCheck {
    /// Nil when `client` is the client `status` recorded; otherwise why it is not moved to the pool `poolId` (nil:
    /// a pool not created yet).
    static func refusal(of client: AppClientDescription, to poolId: String?,
                        recorded status: ResourceStatus?) -> String? {
        let recordedId = status?.resource[AppClientHandler.clientIdKey]
        guard recordedId != client.clientId else { return nil }
        let recorded = recordedId.map { " (\($0))" } ?? ""
        return "app client \(client.clientId) (\"\(client.clientName)\") in user pool \(client.userPoolId) was found by its name, not by the client id recorded in status\(recorded), so it may be another client of that name: it is not moved to \(poolId.map { "user pool \($0)" } ?? "the new user pool"). Delete or rename it if it is not this client, or name its pool in the manifest again"
    }
}

