import Foundation

/// Sends requests unsigned. Only for the few AWS operations that take no signature, such as
/// `sts:AssumeRoleWithWebIdentity` (the web identity token is the proof of identity).
public struct UnsignedRequestSigner: RequestSigner {
    /// Creates the signer.
    public init() {}

    /// Returns `request` unchanged.
    public func sign(_ request: HTTPRequest, credentials: AWSCredentials, region: String, service: String, date: Date) -> HTTPRequest {
        request
    }
}
