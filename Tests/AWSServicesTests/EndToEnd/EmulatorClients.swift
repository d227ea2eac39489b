import AWSCore
import Foundation
import Logging
import TestSupport
@testable import AWSServices

/// Fixed credentials for tests (the emulator's principals).
struct FixedCredentials: CredentialProvider {
    let value: AWSCredentials
    var sourceName: String { "test" }
    func credentials() async throws -> AWSCredentials { value }
}

/// Real clients (real signer, real HTTP transport) pointed at the local emulator (over HTTPS through the
/// proxy in scripts/test's "https" pass).
struct EmulatorClients {
    let emulator: Emulator
    let principal: Emulator.Principal
    let client: AWSClient

    /// A fresh principal and clients that use it; `secretOverride` signs with a wrong secret on purpose.
    static func make(secretOverride: String? = nil, retry: RetryPolicy = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1))) async throws -> EmulatorClients {
        let emulator = try Emulator.fromEnvironment()
        let principal = try await emulator.newPrincipal()
        let credentials = AWSCredentials(accessKeyId: principal.accessKeyId,
                                         secretAccessKey: secretOverride ?? principal.secretAccessKey)
        let client = AWSClient(
            credentials: FixedCredentials(value: credentials),
            endpoints: EndpointResolver(environment: ["AWS_ENDPOINT_URL": emulator.awsEndpoint]),
            transport: emulator.awsTransport(), signer: SigV4Signer(), retry: retry,
            sleep: { _ in }, logger: Logger(label: "test"))
        return EmulatorClients(emulator: emulator, principal: principal, client: client)
    }

    var iam: IAM { IAM(client: client) }
    var sts: STS { STS(client: client, region: "us-east-1") }
    var cognito: CognitoIdentityProvider { CognitoIdentityProvider(client: client, region: "us-east-1") }
    var sns: SNS { SNS(client: client, region: "us-east-1") }

    /// A name no other test uses.
    static func uniqueName(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }
}
