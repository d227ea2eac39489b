import AWSCore
import Foundation

/// AWS STS: who the caller is (the account id the SMS role's trust policy names).
public struct STS: Sendable {
    /// The shared AWS client.
    public let client: AWSClient
    /// Region whose STS endpoint is called.
    public let region: String

    /// Creates the STS client for `region`.
    public init(client: AWSClient, region: String) {
        self.client = client
        self.region = region
    }

    /// The caller's account, ARN and user id.
    public struct CallerIdentity: Sendable, Equatable {
        /// 12-digit account id.
        public var account: String
        /// Caller ARN.
        public var arn: String
        /// Caller user id.
        public var userId: String
    }

    /// Errors reading STS answers.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// A required element was missing.
        case missing(String)

        /// Stable error code.
        public var code: String { "sts.responseIncomplete" }

        /// What went wrong.
        public var description: String {
            switch self {
            case let .missing(element): return "STS response has no \(element)"
            }
        }
    }

    /// GetCallerIdentity.
    public func getCallerIdentity() async throws -> CallerIdentity {
        let result = try await client.query(.sts, region: region, action: "GetCallerIdentity", parameters: QueryParameters())
        guard let account = result.value("Account") else { throw Failure.missing("Account") }
        return CallerIdentity(account: account, arn: result.value("Arn") ?? "", userId: result.value("UserId") ?? "")
    }
}
