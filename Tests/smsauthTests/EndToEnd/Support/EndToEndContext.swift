import AWSCore
import AWSServices
import Foundation
import Logging
import Testing
import TestSupport

/// One end-to-end test's view of the emulator: the principal `smsauth` runs as, in the test's own region, and a
/// separate reader principal whose raw AWSServices clients check live state (so the reads never show up in the call
/// log of the binary's principal).
struct EndToEndContext {

    /// The emulator.
    let emulator: Emulator
    /// The principal the binary runs as.
    let principal: Emulator.Principal
    /// The test's region.
    let region: String
    /// The reader's client.
    let reader: AWSClient

    /// A context for `region` with two fresh principals.
    static func make(region: String) async throws -> EndToEndContext {
        let emulator = try Emulator.fromEnvironment()
        let principal = try await emulator.newPrincipal()
        let readerPrincipal = try await emulator.newPrincipal()
        let reader = emulator.client(for: readerPrincipal, label: "e2e-reader")
        return EndToEndContext(emulator: emulator, principal: principal, region: region, reader: reader)
    }

    /// The binary's environment: emulator endpoint, the principal's keys, the test's region.
    var environment: [String: String] { emulator.environment(for: principal, region: region) }

    /// The environment of a second, fresh principal (its call log starts empty), in the test's region.
    func freshEnvironment() async throws -> (environment: [String: String], accessKeyId: String) {
        let other = try await emulator.newPrincipal()
        return (emulator.environment(for: other, region: region), other.accessKeyId)
    }

    /// IAM as the reader.
    var iam: IAM { IAM(client: reader) }
    /// Cognito in the test's region as the reader.
    var cognito: CognitoIdentityProvider { CognitoIdentityProvider(client: reader, region: region) }
    /// SNS in the test's region as the reader.
    var sns: SNS { SNS(client: reader, region: region) }
    /// End User Messaging SMS in the test's region as the reader.
    var smsVoice: SMSVoice { SMSVoice(client: reader, region: region) }

    /// The operations the binary's principal called that change something (anything but Get/List/Describe).
    func writeCalls(accessKeyId: String? = nil) async throws -> [String] {
        try await emulator.calls(accessKeyId: accessKeyId ?? principal.accessKeyId).map(\.operation).filter { operation in
            !["Get", "List", "Describe"].contains { operation.hasPrefix($0) }
        }
    }

    /// The user pools of the region that carry the ownership tag `smsauth:resource=UserPool/<name>`.
    func ownedPools(named name: String) async throws -> [UserPoolDescription] {
        var owned: [UserPoolDescription] = []
        for summary in try await cognito.listUserPools() {
            if let pool = try await cognito.describeUserPool(id: summary.id),
               pool.tags["smsauth:resource"] == "UserPool/\(name)", pool.tags["smsauth:managed-by"] == "smsauth" {
                owned.append(pool)
            }
        }
        return owned
    }

    /// The only pool owned as `UserPool/<name>`.
    func ownedPool(named name: String) async throws -> UserPoolDescription {
        let pools = try await ownedPools(named: name)
        #expect(pools.count == 1, "pools owned as UserPool/\(name): \(pools.map(\.id))")
        return try #require(pools.first)
    }

    /// The client called `clientName` in pool `poolId`.
    func client(named clientName: String, in poolId: String) async throws -> AppClientDescription {
        let summary = try #require(try await cognito.listUserPoolClients(poolId: poolId).first { $0.clientName == clientName })
        return try #require(try await cognito.describeUserPoolClient(poolId: poolId, clientId: summary.clientId))
    }

    /// The last one-time password the emulator texted to `phoneNumber` in the test's region.
    func sandboxCode(_ phoneNumber: String) async throws -> String {
        let data = try await emulator.control(
            "GET", "sandbox-otp?phoneNumber=\(phoneNumber.replacingOccurrences(of: "+", with: "%2B"))&region=\(region)")
        let object = try #require(JSONSerialization.jsonObject(with: data) as? [String: String])
        return try #require(object["oneTimePassword"])
    }
}
