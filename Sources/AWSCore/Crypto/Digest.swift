import CLibCrypto
import Foundation

/// SHA-256 and HMAC-SHA256 computed by libcrypto's one-shot functions (`EVP_Digest`, `HMAC`).
///
/// The results are non-optional on purpose. With the built-in SHA-256 implementation and in-memory buffers these
/// calls fail only when libcrypto cannot allocate its small internal context. Signing must not crash the process and
/// `RequestSigner.sign` cannot throw, so on that failure the functions return empty `Data`: the request then carries
/// an empty signature that AWS rejects with a signature error, which the caller reports like any other AWS error.
public enum Digest {
    /// Length in bytes of a SHA-256 digest and of an HMAC-SHA256 tag.
    public static let sha256Length = 32

    /// SHA-256 of `data` (32 bytes; empty `Data` only if libcrypto fails, see the type's documentation).
    public static func sha256(_ data: Data) -> Data {
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var outputLength: UInt32 = 0
        let status = withNonNullBytes(of: data) { pointer, count in
            EVP_Digest(pointer, count, &output, &outputLength, EVP_sha256(), nil)
        }
        guard status == 1, Int(outputLength) == sha256Length else { return Data() }
        return Data(output.prefix(sha256Length))
    }

    /// HMAC-SHA256 of `data` under `key` (32 bytes; empty `Data` only if libcrypto fails, see the type's
    /// documentation).
    public static func hmacSHA256(key: Data, data: Data) -> Data {
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var outputLength: UInt32 = 0
        let result = withNonNullBytes(of: key) { keyPointer, keyCount in
            withNonNullBytes(of: data) { dataPointer, dataCount in
                HMAC(
                    EVP_sha256(), keyPointer, Int32(clamping: keyCount), dataPointer, dataCount, &output,
                    &outputLength)
            }
        }
        guard result != nil, Int(outputLength) == sha256Length else { return Data() }
        return Data(output.prefix(sha256Length))
    }

    /// SHA-256 of the file at `path`, read in chunks of 64 KiB (never the whole file in memory); nil when it cannot
    /// be opened or read, or libcrypto fails.
    public static func sha256(fileAt path: String) -> Data? {
        guard let handle = FileHandle(forReadingAtPath: path), let context = EVP_MD_CTX_new() else { return nil }
        defer { EVP_MD_CTX_free(context); try? handle.close() }
        guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else { return nil }
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 64 * 1024) ?? Data() } catch { return nil }  // nil at the end
            if chunk.isEmpty { break }
            let status = withNonNullBytes(of: chunk) { pointer, count in EVP_DigestUpdate(context, pointer, count) }
            guard status == 1 else { return nil }
        }
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var outputLength: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &output, &outputLength) == 1, Int(outputLength) == sha256Length else {
            return nil
        }
        return Data(output.prefix(sha256Length))
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
