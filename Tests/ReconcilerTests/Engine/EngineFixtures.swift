import AWSCore
import Foundation
import Logging
import Manifests
@testable import Reconciler

/// Manifests, engines and status folders for the engine tests.
enum EngineFixtures {
    /// A role, a pool using it, and a client of the pool (eu-west-1 by default region).
    static let stack = """
        apiVersion: smsauth/v1
        kind: SmsRole
        metadata: {name: role}
        spec:
          roleName: cognito-sms
          externalId: 7f1c8a52-3c59-4a8e-9d2e-5b1f0c2d9a11
        ---
        apiVersion: smsauth/v1
        kind: UserPool
        metadata: {name: pool}
        spec:
          poolName: Pool
          smsRole: role
        ---
        apiVersion: smsauth/v1
        kind: AppClient
        metadata: {name: web}
        spec: {userPool: pool, clientName: web}
        """

    static let role = ResourceAddress(kind: .smsRole, name: "role")
    static let pool = ResourceAddress(kind: .userPool, name: "pool")
    static let web = ResourceAddress(kind: .appClient, name: "web")
    static let account = "123456789012"
    static let now = Date(timeIntervalSince1970: 1_700_000_000)

    /// Loads YAML text as a manifest directory would be.
    static func load(_ text: String = stack) -> LoadResult {
        ManifestLoader().load(text: text, file: "test.yaml")
    }

    /// A logger that prints nothing.
    static let quietLogger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    /// A context whose AWS client must never be used (fake handlers do not call AWS).
    static func context() -> ReconcileContext {
        let client = AWSClient(
            credentials: StaticCredentialProvider(sourceName: "test",
                                                  credentials: AWSCredentials(accessKeyId: "AKID", secretAccessKey: "unused")),
            endpoints: EndpointResolver(environment: [:]), transport: RefusingTransport(), signer: SigV4Signer(),
            logger: quietLogger)
        return ReconcileContext(client: client, logger: quietLogger, now: { now }, sleep: { _ in })
    }

    /// A fresh, not yet existing status folder.
    static func statusDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("smsauth-engine-\(UUID().uuidString)")
    }

    /// The identity of the engine tests' runs unless a test says otherwise: no owner, a fixed folder.
    static let identity = RunIdentity(owner: nil, folder: "/work/manifests")

    /// An engine over `world` writing to `directory`, acting for `identity` (with `options` when given, which carry
    /// their own identity).
    static func engine(_ world: FakeWorld, directory: URL, identity: RunIdentity = identity,
                       options: EngineOptions? = nil) -> ReconcileEngine {
        ReconcileEngine(registry: .fake(world), context: context(), statusStore: StatusStore(directory: directory),
                        options: options ?? EngineOptions(concurrency: 2, identity: identity),
                        accountLookup: { _, _ in account })
    }
}

/// A transport that fails every request: the engine tests must not reach AWS.
struct RefusingTransport: HTTPTransport {
    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        throw TransportError(url: request.url.absoluteString, reason: "no network in engine tests")
    }
}
