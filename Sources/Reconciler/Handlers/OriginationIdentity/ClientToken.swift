import AWSCore

/// Idempotency tokens for End User Messaging SMS creates (RequestPhoneNumber, RequestSenderId, CreatePool,
/// AssociateOriginationIdentity). Derived only from what identifies the purchase, so a retry, a re-run after a crash
/// between the request and the status write, or two runs at once send the same token and AWS returns the first
/// result instead of buying again.
enum ClientToken {
    /// The longest token AWS accepts.
    static let maxLength = 64

    /// `smsauth-` followed by the hex SHA-256 of `parts` (joined with a unit separator, so `["a", "bc"]` and
    /// `["ab", "c"]` differ), truncated to `maxLength` characters.
    static func derive(_ parts: [String]) -> String {
        let digest = Digest.sha256Hex(parts.joined(separator: "\u{1F}"))
        return String(("smsauth-" + digest).prefix(maxLength))
    }
}
