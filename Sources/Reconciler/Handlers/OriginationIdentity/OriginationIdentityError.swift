/// Failures of the OriginationIdentity and PhonePool handlers that are not AWS errors.
enum OriginationIdentityError: ReconcileError, Equatable, CustomStringConvertible {
    /// AWS answered a describe or request without the identity's id or ARN.
    case unreadable(String)
    /// An identity or pool (its ARN) was released or deleted between being described and its tags being listed.
    case vanished(String)
    /// The manifest asks for neither a phone number nor a sender ID (validation rejects such a manifest).
    case nothingRequested(String)
    /// A ClientToken returned a number that was already released (AWS remembers tokens for a while).
    case releasedByToken(String)
    /// A pool member's `id` output is unknown when the pool is applied.
    case memberUnknown(pool: String, identity: String)

    /// Stable error code.
    var code: String {
        switch self {
        case .unreadable: "originationIdentity.unreadable"
        case .vanished: "originationIdentity.vanished"
        case .nothingRequested: "originationIdentity.nothingRequested"
        case .releasedByToken: "originationIdentity.releasedByToken"
        case .memberUnknown: "phonePool.memberUnknown"
        }
    }

    /// What went wrong and what to do (`description`).
    var message: String { description }

    /// Everything but a manifest that requests nothing (a bug) may succeed when run again.
    var isRetryable: Bool {
        if case .nothingRequested = self { return false }
        return true
    }

    /// What went wrong and what to do.
    var description: String {
        switch self {
        case .unreadable(let what):
            return "End User Messaging SMS answered without an id or ARN for \(what); run again, and report it if it persists"
        case .vanished(let arn):
            return "\(arn) was released or deleted while it was being read (by someone else?); the next run reads it again"
        case .nothingRequested(let address):
            return "\(address) sets neither spec.phoneNumber nor spec.senderId; this is a bug in smsauth's validation"
        case .releasedByToken(let number):
            return "AWS answered the request with \(number), which was already released (AWS remembers a request's ClientToken for a while); run again later"
        case .memberUnknown(let pool, let identity):
            return "\(pool) needs OriginationIdentity/\(identity), whose id is not known yet: apply it first (it may still be PENDING)"
        }
    }
}
