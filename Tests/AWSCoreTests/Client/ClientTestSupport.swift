import Foundation
import Logging
import Synchronization
@testable import AWSCore

/// A transport that answers from a script and records every request it was given.
final class RecordingTransport: HTTPTransport {
    /// One scripted answer.
    enum Answer: Sendable {
        /// Respond with this.
        case response(HTTPResponse)
        /// Fail without a response.
        case failure(TransportError)
        /// Refuse to send (`RequestNotSent`), as a closed lease fence does.
        case notSent(any RequestNotSent & Sendable)
    }

    /// Answers left, and requests seen.
    private let state: Mutex<(answers: [Answer], requests: [HTTPRequest])>

    /// Creates a transport that gives `answers` in order (the last one repeats).
    init(_ answers: [Answer]) {
        state = Mutex((answers, []))
    }

    /// Requests received so far.
    var requests: [HTTPRequest] { state.withLock { $0.requests } }

    /// Records `request` and returns the next scripted answer.
    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        let answer = state.withLock { state -> Answer? in
            state.requests.append(request)
            return state.answers.count > 1 ? state.answers.removeFirst() : state.answers.first
        }
        switch answer {
        case .response(let response): return response
        case .failure(let error): throw error
        case .notSent(let error): throw error
        case nil: throw TransportError(url: request.url.absoluteString, reason: "no scripted answer")
        }
    }
}

/// A signer that marks the request with the inputs it was given, so tests can see what was signed.
struct FakeSigner: RequestSigner {
    /// Adds `X-Test-Signed: <accessKeyId> <region> <service> <epoch seconds>`.
    func sign(_ request: HTTPRequest, credentials: AWSCredentials, region: String, service: String,
              date: Date) -> HTTPRequest {
        var signed = request
        signed.setHeader("X-Test-Signed",
                         "\(credentials.accessKeyId) \(region) \(service) \(Int(date.timeIntervalSince1970))")
        return signed
    }
}

/// Credentials that count how often they were asked for.
final class CountingCredentials: CredentialProvider {
    /// Calls so far.
    private let calls = Mutex(0)
    /// Name shown in errors.
    var sourceName: String { "test" }
    /// Times `credentials()` was called.
    var count: Int { calls.withLock { $0 } }

    /// Returns fixed test credentials whose key id carries the call number.
    func credentials() async throws -> AWSCredentials {
        let number = calls.withLock { value -> Int in
            value += 1
            return value
        }
        return AWSCredentials(accessKeyId: "AKIDTEST\(number)", secretAccessKey: "test-secret-never-logged")
    }
}

/// Records requested sleeps instead of sleeping, and advances a fake clock.
final class FakeTime: Sendable {
    /// Sleeps asked for, and the current fake time.
    private let state = Mutex<(sleeps: [Duration], now: Date)>(([], Date(timeIntervalSince1970: 1_700_000_000)))

    /// Sleeps asked for so far.
    var sleeps: [Duration] { state.withLock { $0.sleeps } }
    /// The current fake time.
    func now() -> Date { state.withLock { $0.now } }
    /// Records `duration` and advances the clock by it.
    func sleep(_ duration: Duration) {
        state.withLock { state in
            state.sleeps.append(duration)
            state.now += TimeInterval(duration.components.seconds)
        }
    }
}

/// Collects log records in memory.
final class LogRecorder: Sendable {
    /// One record.
    struct Record: Sendable {
        /// Level.
        var level: Logger.Level
        /// Message text.
        var message: String
        /// Metadata as strings.
        var metadata: [String: String]
    }

    /// Records so far.
    private let storage = Mutex<[Record]>([])
    /// Records so far.
    var records: [Record] { storage.withLock { $0 } }

    /// Appends a record.
    func append(_ record: Record) { storage.withLock { $0.append(record) } }

    /// A logger (level trace) writing into this recorder.
    func logger() -> Logger {
        var logger = Logger(label: "test") { _ in RecordingLogHandler(recorder: self) }
        logger.logLevel = .trace
        return logger
    }
}

/// A `LogHandler` that forwards to a `LogRecorder`.
struct RecordingLogHandler: LogHandler {
    /// Destination.
    let recorder: LogRecorder
    /// Handler metadata.
    var metadata: Logger.Metadata = [:]
    /// Level.
    var logLevel: Logger.Level = .trace

    /// Handler metadata by key.
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Records the event.
    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        recorder.append(LogRecorder.Record(level: event.level, message: event.message.description,
                                           metadata: merged.mapValues { $0.description }))
    }
}

/// A client wired to fakes.
struct ClientHarness {
    /// The fake transport.
    let transport: RecordingTransport
    /// Credential calls.
    let credentials = CountingCredentials()
    /// Fake time.
    let time = FakeTime()
    /// Log records.
    let logs = LogRecorder()
    /// The client under test.
    let client: AWSClient

    /// Builds a client whose transport gives `answers`; jitter is always `random`.
    init(_ answers: [RecordingTransport.Answer], retry: RetryPolicy = .standard, random: Double = 1.0,
         environment: [String: String] = [:]) {
        transport = RecordingTransport(answers)
        let time = self.time
        client = AWSClient(credentials: credentials, endpoints: EndpointResolver(environment: environment),
                           transport: transport, signer: FakeSigner(), retry: retry, timeout: .seconds(5),
                           now: { time.now() }, sleep: { time.sleep($0) }, random: { random },
                           logger: logs.logger())
    }
}

/// Shorthand for a scripted response.
func respond(_ status: Int, _ body: String, headers: [HTTPHeader] = []) -> RecordingTransport.Answer {
    .response(HTTPResponse(status: status, headers: headers, body: Data(body.utf8)))
}

/// The test services.
enum TestServices {
    /// Cognito user pools, as AWSServices declares it.
    static let cognito = ServiceDescriptor(
        serviceId: "Cognito Identity Provider", endpointPrefix: "cognito-idp", signingName: "cognito-idp",
        wireProtocol: .json(version: "1.1", targetPrefix: "AWSCognitoIdentityProviderService"))
    /// End User Messaging SMS.
    static let smsVoice = ServiceDescriptor(
        serviceId: "Pinpoint SMS Voice V2", endpointPrefix: "sms-voice", signingName: "sms-voice",
        wireProtocol: .json(version: "1.0", targetPrefix: "PinpointSMSVoiceV2"))
    /// IAM (global).
    static let iam = ServiceDescriptor(
        serviceId: "IAM", endpointPrefix: "iam", signingName: "iam", wireProtocol: .query(apiVersion: "2010-05-08"),
        global: .init(host: "iam.amazonaws.com", signingRegion: "us-east-1"))
    /// SNS.
    static let sns = ServiceDescriptor(
        serviceId: "SNS", endpointPrefix: "sns", signingName: "sns", wireProtocol: .query(apiVersion: "2010-03-31"))
}
