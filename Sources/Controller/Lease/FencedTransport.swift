import AWSCore
import Reconciler

/// The lease-holding controller's innermost `HTTPTransport`: every AWS request checks the lease fence just before
/// it is sent (after its rate-limit wait), so a leader that lost its lease, or did not renew it within its duration,
/// sends nothing more, whatever pass or change it is in. A refused request throws `LeaseFenceError` and never
/// leaves the process.
public struct FencedTransport: HTTPTransport {
    /// The transport that really sends.
    let base: any HTTPTransport
    /// Open while this controller leads.
    let fence: LeaseFence

    /// Wraps `base`.
    public init(base: any HTTPTransport, fence: LeaseFence) {
        self.base = base
        self.fence = fence
    }

    /// Sends `request` if the fence is open; throws `LeaseFenceError` otherwise.
    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        _ = try fence.check()
        return try await base.send(request, timeout: timeout)
    }
}
