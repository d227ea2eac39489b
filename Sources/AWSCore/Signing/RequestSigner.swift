import Foundation

/// Signs a request for one service and region. `SigV4Signer` is the implementation; tests may substitute a fake.
public protocol RequestSigner: Sendable {
    /// Returns `request` with the headers that authenticate it (`X-Amz-Date`, `X-Amz-Security-Token` when the
    /// credentials have a session token, and `Authorization`), computed for `date`.
    func sign(_ request: HTTPRequest, credentials: AWSCredentials, region: String, service: String, date: Date) -> HTTPRequest
}
