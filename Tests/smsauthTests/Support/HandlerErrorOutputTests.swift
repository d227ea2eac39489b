import AWSCore
import AWSServices
import Foundation
@testable import Reconciler
import Testing
@testable import smsauth

/// Every handler error keeps its meaning on the way to the user: classified, it has its own `kind.camelCase` code
/// (never `reconcile.unclassified`), its advice as the message and its retryability; that is what the status file's
/// `lastError` records and what `smsauth reconcile` prints for the failed change.
@Suite struct HandlerErrorOutputTests {
    static let role = ResourceAddress(kind: .smsRole, name: "sms")
    static let pool = ResourceAddress(kind: .userPool, name: "main")
    static let client = ResourceAddress(kind: .appClient, name: "web")
    static let mfa = ResourceAddress(kind: .mfaPolicy, name: "main")
    static let notTrusted = AWSError(service: "cognito-idp", operation: "UpdateUserPool",
                                    code: "InvalidSmsRoleTrustRelationshipException", message: "not trusted",
                                    httpStatus: 400)

    /// One error of each type, its expected code and whether the controller retries it.
    static let cases: [(error: any Error & Sendable & CustomStringConvertible, code: String, retryable: Bool)] = [
        (OwnedRoleError.nameTaken(roleName: "taken", address: role), "smsRole.nameTaken", false),
        (OwnedRoleError.roleNotRead(role), "smsRole.notRead", true),
        (UserPoolHandlerError.noRegion(pool), "userPool.noRegion", false),
        (UserPoolHandlerError.smsRoleUnknown(pool, role: role), "userPool.smsRoleUnknown", true),
        (AppClientError.poolUnknown(client), "appClient.poolUnknown", true),
        (AppClientError.noManifest(client), "appClient.noManifest", false),
        (AppClientDeliveryError.noSecret(client), "appClient.noSecret", false),
        (MfaPolicyError.noFactor(mfa), "mfaPolicy.noFactor", false),
        (MfaPolicyError.poolUnknown(mfa), "mfaPolicy.poolUnknown", true),
        (OriginationIdentityError.memberUnknown(pool: "PhonePool/p", identity: "n"), "phonePool.memberUnknown", true),
        (OriginationIdentityError.nothingRequested("OriginationIdentity/n"), "originationIdentity.nothingRequested", false),
        (SmsRolePropagation.NotUsable(underlying: notTrusted, waited: .seconds(120)), "smsRole.notUsable", false),
        (IAMRole.Failure.missingRole, "iam.responseMissingRole", true),
        (PolicyDocument.Failure.notJSON("top level is not an object"), "iam.invalidPolicyDocument", false),
        (UserPoolDescription.Failure.missingPool, "cognito.responseMissingPool", true),
        (AppClientDescription.Failure.missingClient, "cognito.responseMissingClient", true),
        (STS.Failure.missing("Account"), "sts.responseIncomplete", true),
        (TransportError(url: "https://iam.amazonaws.com/", reason: "connection refused"), "transport.unreachable", true),
        (TransportError(url: "https://iam.amazonaws.com/", reason: "TLS failure: the server's certificate is not trusted",
                        failure: .tlsRejected), "transport.tlsRejected", false),
        (TransportError(url: "https://iam.amazonaws.com/", reason: "the proxy refused the tunnel (HTTP/1.1 407)",
                        failure: .proxyAuthentication), "transport.proxyAuthentication", false),
    ]

    @Test(arguments: 0..<cases.count)
    func theStatusAndTheCLIShowTheErrorsOwnCodeAndAdvice(index: Int) throws {
        let (error, code, retryable) = Self.cases[index]
        let failure = ReconcileFailure(classifying: error)
        #expect(failure.code == code)
        #expect(failure.code != ReconcileFailure.unclassifiedCode)
        #expect(failure.message == error.description)
        #expect(failure.isRetryable == retryable, "the controller retries only retryable failures")
        #expect(failure.code.wholeMatch(of: /[a-z][A-Za-z]*\.[a-z][A-Za-z]*/) != nil, "kind.camelCase: \(failure.code)")

        let lastError = ErrorRecord(failure)
        #expect(lastError.code == code && lastError.message == error.description)
        let change = try ResourceChange(address: Self.role, action: .update)
        let printed = ReconcileOutput.line(change: change, outcome: .failed(failure))
        #expect(printed?.hasPrefix("failed SmsRole/sms: \(code): \(error.description)") == true, "\(printed ?? "")")
    }

    @Test func theAWSCodeBehindANotUsableRoleIsKept() {
        let failure = ReconcileFailure(classifying: SmsRolePropagation.NotUsable(underlying: Self.notTrusted,
                                                                                 waited: .seconds(120)))
        #expect(failure.awsErrorCode == "InvalidSmsRoleTrustRelationshipException")
    }
}
