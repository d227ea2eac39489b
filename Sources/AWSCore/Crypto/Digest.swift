import CLibCrypto
import Foundation

/// SHA-256 and HMAC-SHA256: SHA-256 by libcrypto's `SHA256_Init`/`SHA256_Update`/`SHA256_Final`, HMAC built on
/// it as RFC 2104 defines it.
///
/// Not the EVP interface (`EVP_Digest`, `HMAC`): in OpenSSL 3 its first use loads and initialises the default
/// provider, which touches about 2 MB of libcrypto that then stays resident in a long-running controller (measured:
/// 3.4 MB of libcrypto resident after one `EVP_Digest`, 1.6 MB after the same hash through `SHA256_Update`). The
/// SHA-256 functions are deprecated in OpenSSL 3 but still part of its API; they run the same implementation.
///
/// The results are non-optional on purpose. With in-memory buffers these calls cannot fail in practice. Signing
/// must not crash the process and `RequestSigner.sign` cannot throw, so on a failure the functions return empty
/// `Data`: the request then carries an empty signature that AWS rejects with a signature error, which the caller
/// reports like any other AWS error.
public enum Digest {
    /// Length in bytes of a SHA-256 digest and of an HMAC-SHA256 tag.
    public static let sha256Length = 32
    /// SHA-256's block size, which HMAC pads its key to.
    static let blockSize = 64

    /// SHA-256 of `data` (32 bytes; empty `Data` only if libcrypto fails, see the type's documentation).
    public static func sha256(_ data: Data) -> Data {
        var context = SHA256_CTX()
        var output = [UInt8](repeating: 0, count: sha256Length)
        let succeeded = withNonNullBytes(of: data) { pointer, count in
            SHA256_Init(&context) == 1 && SHA256_Update(&context, pointer, count) == 1
                && SHA256_Final(&output, &context) == 1
        }
        return succeeded ? Data(output) : Data()
    }

    /// HMAC-SHA256 of `data` under `key` (RFC 2104: `H((K ^ opad) || H((K ^ ipad) || data))`, the key hashed first
    /// when longer than a block, then zero-padded to one; 32 bytes, or empty `Data` if libcrypto fails).
    public static func hmacSHA256(key: Data, data: Data) -> Data {
        var block = key.count > blockSize ? sha256(key) : key
        guard block.count <= blockSize, key.count <= blockSize || !block.isEmpty else { return Data() }
        block.append(Data(repeating: 0, count: blockSize - block.count))
        let inner = sha256(Data(block.map { $0 ^ 0x36 }) + data)
        guard inner.count == sha256Length else { return Data() }
        return sha256(Data(block.map { $0 ^ 0x5c }) + inner)
    }

    /// SHA-256 of the UTF-8 bytes of `text`, as lowercase hex.
    public static func sha256Hex(_ text: String) -> String {
        sha256(Data(text.utf8)).hexEncodedString()
    }

    /// Calls `body` with a pointer to `data`'s bytes and their count. Empty `Data` may have no storage, so a
    /// pointer to a one-byte stand-in (with count 0) is passed instead of NULL, which some libcrypto entry points
    /// treat specially.
    private static func withNonNullBytes<Result>(
        of data: Data,
        _ body: (UnsafePointer<UInt8>, Int) -> Result
    ) -> Result {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Result in
            if let base = buffer.baseAddress, buffer.count > 0 {
                return body(base.assumingMemoryBound(to: UInt8.self), buffer.count)
            }
            var standIn: UInt8 = 0
            return withUnsafePointer(to: &standIn) { body($0, 0) }
        }
    }
}
