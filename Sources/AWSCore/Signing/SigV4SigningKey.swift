import Crypto
import Foundation

/// A derived SigV4 signing key, ready to sign: HMAC-SHA256 keyed once (the key's inner and outer pads already
/// hashed), so each signature costs only the string to sign's own blocks.
struct SigV4SigningKey: Sendable {
    /// The keyed HMAC before any data.
    private let keyed: HMAC<SHA256>

    /// Readies `key` (the 32 bytes `SigV4Signer.signingKey` derives).
    init(_ key: Data) {
        keyed = HMAC<SHA256>(key: SymmetricKey(data: key))
    }

    /// The signature of `stringToSign`: its HMAC-SHA256 under this key, lowercase hex.
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#calculate-signature
    func signature(of stringToSign: String) -> String {
        var mac = keyed
        var text = stringToSign
        text.withUTF8 { mac.update(data: UnsafeRawBufferPointer($0)) }
        return mac.finalize().withUnsafeBytes(HexEncoding.string)
    }
}
