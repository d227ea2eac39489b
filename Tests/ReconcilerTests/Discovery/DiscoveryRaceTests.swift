import AWSCore
import AWSServices
import Foundation
import Logging
import Testing
import TestSupport
@testable import Reconciler

/// Another process deletes what discovery has just listed, before discovery lists its tags (two smsauth runs, a
/// clean-up job, the console). What is gone is left out; it never fails the run (which blocked every first apply
/// of a manifest set with an owner while other runs deleted roles).
@Suite("Discovery while others delete", .timeLimit(.minutes(8)))
struct DiscoveryRaceTests {
    /// Sends every request for real; the first request whose body contains `marker` is preceded by `before`.
    final class InterleavingTransport: HTTPTransport, @unchecked Sendable {
        let inner: any HTTPTransport
        let marker: String
        let before: @Sendable () async throws -> Void
        private let lock = NSLock()
        private var done = false

        init(inner: any HTTPTransport, marker: String, before: @escaping @Sendable () async throws -> Void) {
            self.inner = inner
            self.marker = marker
            self.before = before
        }

        func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
            let body = String(decoding: request.body, as: UTF8.self)
            let first = lock.withLock { () -> Bool in
                guard !done, body.contains(marker) else { return false }
                done = true
                return true
            }
            if first { try await before() }
            return try await inner.send(request, timeout: timeout)
        }
    }

    /// A discovery context whose requests go through `transport`, and a plain client of the same principal.
    static func clients(marker: String, before: @escaping @Sendable (AWSClient) async throws -> Void)
        async throws -> (discovery: ResourceDiscovery, plain: AWSClient) {
        let emulator = try Emulator.fromEnvironment()
        let principal = try await emulator.newPrincipal()
        let plain = emulator.client(for: principal)
        let transport = InterleavingTransport(inner: emulator.awsTransport(), marker: marker) { try await before(plain) }
        let context = ReconcileContext(client: emulator.client(for: principal, transport: transport),
                                       logger: Logger(label: "test"))
        return (ResourceDiscovery(context: context), plain)
    }

    @Test func aRoleDeletedBeforeItsTagsAreListedIsLeftOut() async throws {
        let name = "race-\(UUID().uuidString.prefix(8).lowercased())"
        let (discovery, plain) = try await Self.clients(marker: "RoleName=\(name)") { plain in
            try await IAM(client: plain).deleteRole(roleName: name)
        }
        let trust = try PolicyDocument(text: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"cognito-idp.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#)
        _ = try await IAM(client: plain).createRole(IAM.CreateRoleInput(roleName: name, assumeRolePolicy: trust))

        let roles = try await discovery.smsRoles()
        #expect(!roles.contains { $0.name == name })
        #expect(try await IAM(client: plain).getRole(name: name) == nil, "the role was deleted in between")
    }

    @Test func aSenderIdReleasedBeforeItsTagsAreListedIsLeftOut() async throws {
        let region = "eu-west-2"
        let text = "R" + String(UUID().uuidString.filter(\.isLetter).prefix(8)).uppercased()
        let (discovery, plain) = try await Self.clients(marker: text) { plain in
            _ = try await SMSVoice(client: plain, region: region).releaseSenderId(senderId: text, isoCountryCode: "IN")
        }
        let sender = try await SMSVoice(client: plain, region: region).requestSenderId([
            "SenderId": .string(text), "IsoCountryCode": "IN", "MessageTypes": ["TRANSACTIONAL"],
        ])
        let arn = try #require(sender["SenderIdArn"]?.stringValue)
        #expect(arn.contains(":sender-id/\(text)/"))

        let identities = try await discovery.originationIdentities(in: region)
        #expect(!identities.contains { $0.arn == arn })
    }
}
