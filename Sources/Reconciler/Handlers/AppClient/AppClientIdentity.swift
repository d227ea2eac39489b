import AWSServices

/// How an app client is found in its pool's ListUserPoolClients: by the id recorded in status, else by name.
enum AppClientIdentity: Equatable {
    /// No client is this resource.
    case none
    /// This client id.
    case found(String)
    /// Several clients carry the name and none is recorded.
    case ambiguous(name: String, clientIds: [String])

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
