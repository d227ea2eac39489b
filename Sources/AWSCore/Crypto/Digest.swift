import Crypto
import Foundation

/// SHA-256 and HMAC-SHA256, computed by swift-crypto (BoringSSL's implementations compiled into the binary), so the
/// process loads no system libcrypto.
public enum Digest {
    /// Length in bytes of a SHA-256 digest and of an HMAC-SHA256 tag.
    public static let sha256Length = SHA256.byteCount

    /// SHA-256 of `data` (32 bytes).
    public static func sha256(_ data: Data) -> Data {
        Data(SHA256.hash(data: data))
    }

    /// HMAC-SHA256 of `data` under `key` (32 bytes).
    public static func hmacSHA256(key: Data, data: Data) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: data, using: SymmetricKey(data: key)))
    }

    /// SHA-256 of the file at `path`, read in chunks of 64 KiB (never the whole file in memory); nil when it cannot
    /// be opened or read.
    public static func sha256(fileAt path: String) -> Data? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 64 * 1024) ?? Data() } catch { return nil }  // nil at the end
            if chunk.isEmpty { break }
            hasher.update(data: chunk)
        }
        return Data(hasher.finalize())
    }

    /// SHA-256 of the UTF-8 bytes of `text`, as lowercase hex.
    public static func sha256Hex(_ text: String) -> String {
        var text = text
        let digest = text.withUTF8 { SHA256.hash(data: UnsafeRawBufferPointer($0)) }
        return digest.withUnsafeBytes(HexEncoding.string)
    }

    /// SHA-256 of `data`, as lowercase hex.
    public static func sha256Hex(_ data: Data) -> String {
        SHA256.hash(data: data).withUnsafeBytes(HexEncoding.string)
    }
}
