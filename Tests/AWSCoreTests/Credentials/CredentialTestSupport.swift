import Foundation
@testable import AWSCore

/// A transport that never touches the network: it records each request and answers from a closure.
actor ScriptedMetadataTransport: HTTPTransport {
    /// Requests in the order sent, with the timeout asked for.
    private(set) var sent: [(request: HTTPRequest, timeout: Duration)] = []
    /// Produces the answer for a request.
    private let answer: @Sendable (HTTPRequest) throws -> HTTPResponse

    /// Creates a transport answering with `answer`.
    init(answer: @escaping @Sendable (HTTPRequest) throws -> HTTPResponse) {
        self.answer = answer
    }

    /// Records and answers.
    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        sent.append((request, timeout))
        return try answer(request)
    }

    /// The recorded requests only.
    var requests: [HTTPRequest] { sent.map(\.request) }
}

/// One recorded STS call.
struct STSCall: Equatable {
    /// `AssumeRole` or `AssumeRoleWithWebIdentity`.
    var operation: String
    /// Role ARN.
    var roleArn: String
    /// Session name.
    var sessionName: String
    /// External id (AssumeRole).
    var externalId: String?
    /// Duration (AssumeRole).
    var durationSeconds: Int?
    /// Access key id of the signing credentials (AssumeRole).
    var sourceAccessKeyId: String?
    /// Web identity token (AssumeRoleWithWebIdentity).
    var token: String?
    /// Region.
    var region: String
}

/// An STS fake that records calls and returns `ASIA<role name>` credentials, or throws `failure`.
actor RecordingSTS: STSCredentialsService {
    /// Calls in order.
    private(set) var calls: [STSCall] = []
    /// Error thrown by every call, if set.
    private let failure: (any Error)?
    /// Expiration given to returned credentials.
    private let expiration: Date?

    /// Creates the fake.
    init(failure: (any Error)? = nil, expiration: Date? = nil) {
        self.failure = failure
        self.expiration = expiration
    }

    /// Records an AssumeRole call.
    func assumeRole(roleArn: String, sessionName: String, externalId: String?, durationSeconds: Int?,
                    sourceCredentials: any CredentialProvider, region: String) async throws -> AWSCredentials {
        let source = try await sourceCredentials.credentials()
        calls.append(STSCall(operation: "AssumeRole", roleArn: roleArn, sessionName: sessionName, externalId: externalId,
                             durationSeconds: durationSeconds, sourceAccessKeyId: source.accessKeyId, region: region))
        return try result(roleArn)
    }

    /// Records an AssumeRoleWithWebIdentity call.
    func assumeRoleWithWebIdentity(roleArn: String, sessionName: String, webIdentityToken: String,
                                   region: String) async throws -> AWSCredentials {
        calls.append(STSCall(operation: "AssumeRoleWithWebIdentity", roleArn: roleArn, sessionName: sessionName,
                             token: webIdentityToken, region: region))
        return try result(roleArn)
    }

    /// Credentials named after the role, or the configured failure.
    private func result(_ roleArn: String) throws -> AWSCredentials {
        if let failure { throw failure }
        let role = roleArn.split(separator: "/").last.map(String.init) ?? roleArn
        return AWSCredentials(accessKeyId: "ASIA-\(role)", secretAccessKey: "secret-\(role)",
                              sessionToken: "token-\(role)", expiration: expiration)
    }
}

/// A settable clock.
final class TestClock: @unchecked Sendable {
    /// Guards `current`.
    private let lock = NSLock()
    /// The time `now()` returns.
    private var current: Date

    /// Starts at `start`.
    init(_ start: Date = Date(timeIntervalSince1970: 1_700_000_000)) {
        current = start
    }

    /// The current time.
    func now() -> Date {
        lock.withLock { current }
    }

    /// Moves the clock forward.
    func advance(by seconds: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }
}

/// A fresh directory under the system temp directory, removed when released.
final class TempDirectory {
    /// The directory path.
    let path: String

    /// Creates the directory.
    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("smsauth-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `text` to `name` inside the directory (creating sub-folders) and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        let folder = (file as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }
}

/// Shorthands for building test inputs.
enum Fixture {
    /// A JSON HTTP 200 response with container/IMDS credentials.
    static func credentialsResponse(accessKeyId: String = "ASIACONTAINER", expiration: String = "2030-01-01T00:00:00Z")
        -> HTTPResponse {
        let json = """
            {"Code": "Success", "AccessKeyId": "\(accessKeyId)", "SecretAccessKey": "container-secret", \
            "Token": "container-token", "Expiration": "\(expiration)"}
            """
        return HTTPResponse(status: 200, body: Data(json.utf8))
    }

    /// Dependencies over the given fakes.
    static func dependencies(environment: [String: String] = [:], transport: ScriptedMetadataTransport? = nil,
                             sts: RecordingSTS = RecordingSTS(), clock: TestClock = TestClock()) -> CredentialDependencies {
        let transport = transport ?? ScriptedMetadataTransport { request in
            throw TransportError(url: request.url.absoluteString, reason: "no network in tests")
        }
        return CredentialDependencies(environment: environment, transport: transport, sts: sts,
                                      stsRegion: "eu-west-1", now: { clock.now() })
    }

    /// A `SharedConfig` from file texts (nil = missing file).
    static func sharedConfig(config: String? = nil, credentials: String? = nil) throws -> SharedConfig {
        try SharedConfig(configFilePath: "/home/u/.aws/config", configText: config,
                         credentialsFilePath: "/home/u/.aws/credentials", credentialsText: credentials)
    }
}
