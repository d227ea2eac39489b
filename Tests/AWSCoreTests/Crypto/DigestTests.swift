import Foundation
import Testing

@testable import AWSCore

/// One HMAC-SHA256 known-answer vector.
struct HMACVector: Sendable, CustomTestStringConvertible {
    /// Vector name, e.g. `RFC 4231 case 1`.
    let name: String
    /// HMAC key.
    let key: Data
    /// Message.
    let data: Data
    /// Expected tag, lowercase hex.
    let expected: String

    /// Shown by the test runner for each argument.
    var testDescription: String { name }
}

/// Known-answer tests for SHA-256, HMAC-SHA256 (swift-crypto) and hex encoding.
@Suite("Digest")
struct DigestTests {
    /// HMAC-SHA256 vectors from RFC 4231 section 4 (case 5, a truncated tag, does not apply) and the empty input.
    static let hmacVectors: [HMACVector] = [
        HMACVector(
            name: "RFC 4231 case 1", key: Data(repeating: 0x0b, count: 20), data: Data("Hi There".utf8),
            expected: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        HMACVector(
            name: "RFC 4231 case 2", key: Data("Jefe".utf8), data: Data("what do ya want for nothing?".utf8),
            expected: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        HMACVector(
            name: "RFC 4231 case 3", key: Data(repeating: 0xaa, count: 20), data: Data(repeating: 0xdd, count: 50),
            expected: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        HMACVector(
            name: "RFC 4231 case 4", key: Data(1...25), data: Data(repeating: 0xcd, count: 50),
            expected: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        HMACVector(
            name: "RFC 4231 case 6", key: Data(repeating: 0xaa, count: 131),
            data: Data("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
            expected: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        HMACVector(
            name: "RFC 4231 case 7", key: Data(repeating: 0xaa, count: 131),
            data: Data(
                ("This is a test using a larger than block-size key and a larger than block-size data. "
                    + "The key needs to be hashed before being used by the HMAC algorithm.").utf8),
            expected: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
        HMACVector(
            name: "empty key and message", key: Data(), data: Data(),
            expected: "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"),
    ]

    /// SHA-256 vectors from FIPS 180-2 (empty, "abc", the 448-bit message).
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func sha256KnownVectors(message: String, expected: String) {
        #expect(Digest.sha256(Data(message.utf8)).hexEncodedString() == expected)
        #expect(Digest.sha256Hex(message) == expected)
        #expect(Digest.sha256Hex(Data(message.utf8)) == expected)
    }

    /// HMAC-SHA256 matches RFC 4231.
    @Test(arguments: hmacVectors)
    func hmacSHA256KnownVectors(vector: HMACVector) {
        let tag = Digest.hmacSHA256(key: vector.key, data: vector.data)
        #expect(tag.count == Digest.sha256Length)
        #expect(tag.hexEncodedString() == vector.expected)
    }

    /// Hex encoding is lowercase, two digits per byte, zero-padded.
    @Test func hexEncodingIsLowercaseAndPadded() {
        #expect(Data([0x00, 0x0f, 0xa0, 0xff]).hexEncodedString() == "000fa0ff")
        #expect(Data().hexEncodedString() == "")
    }
}
