import Foundation
import Testing
@testable import Manifests

/// Thousands of deterministic mutations of valid manifests (bytes replaced, inserted or removed, with a bias to the
/// characters YAML cares about): loading and validating each must return, and every diagnostic must point inside the
/// file. A crash or hang here is a bug in the composer or the reader.
@Suite struct MutatedInputTests {
    /// A valid file of several documents to mutate.
    static let seed = TestSupport.docs(
        TestSupport.doc("SmsRole", "role", ["roleName: sms-role", "externalId: e-1", "tags: {team: auth}"]),
        TestSupport.doc("UserPool", "pool", ["region: us-east-1", "poolName: qnatime", "smsRole: role",
                                             "usernameAttributes: [phone_number]",
                                             "autoVerifiedAttributes: [phone_number]",
                                             "passwordPolicy: {minimumLength: 12, requireSymbols: true}",
                                             "smsVerificationMessage: \"Your code is {####}\""]),
        TestSupport.doc("AppClient", "web", ["userPool: pool", "clientName: web", "readAttributes: [email]",
                                             "tokenValidity: {accessToken: 60m}"]))

    /// Characters most likely to change YAML's structure.
    static let interesting = Array("\n :-[]{},'\"#&*!|>?%@`\t\u{7}\u{FEFF}é".utf8)

    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct Generator {
        var state: UInt64

        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    /// `bytes` with 1–4 random edits.
    static func mutate(_ bytes: [UInt8], _ generator: inout Generator) -> [UInt8] {
        var bytes = bytes
        for _ in 0...generator.next(4) {
            let index = generator.next(bytes.count + 1)
            let byte = generator.next(3) == 0 ? UInt8(generator.next(256)) : interesting[generator.next(interesting.count)]
            switch generator.next(3) {
            case 0 where index < bytes.count: bytes[index] = byte
            case 1: bytes.insert(byte, at: index)
            default: if index < bytes.count { bytes.remove(at: index) }
            }
        }
        return bytes
    }

    @Test(arguments: 0..<4)
    func mutatedManifestsGetLocatedDiagnosticsNeverACrash(batch: Int) {
        var generator = Generator(state: UInt64(batch) &* 1_000_003)
        let original = Array(Self.seed.utf8)
        for _ in 0..<500 {
            let bytes = Self.mutate(original, &generator)
            let loaded = ManifestLoader().load(data: Data(bytes), file: "t.yaml")
            let diagnostics = loaded.diagnostics + Validator(defaultRegion: "us-east-1").validate(loaded)
            let lines = bytes.filter { $0 == UInt8(ascii: "\n") }.count + 1
            for diagnostic in diagnostics {
                guard let location = diagnostic.location else { continue }
                #expect((1...lines + 1).contains(location.line) && location.column >= 1,
                        "\(diagnostic) is outside the \(lines)-line file")
            }
        }
    }
}
