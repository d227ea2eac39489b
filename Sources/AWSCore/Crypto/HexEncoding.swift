import Foundation

/// Lowercase hexadecimal, two characters per byte (the form SigV4 uses for hashes and signatures).
enum HexEncoding {
    /// `bytes` as lowercase hex.
    static func string(_ bytes: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { characters in
            for (index, byte) in bytes.enumerated() {
                characters[2 * index] = digit(byte >> 4)
                characters[2 * index + 1] = digit(byte & 0x0F)
            }
            return bytes.count * 2
        }
    }

    /// The hex digit of `nibble` (0–15).
    private static func digit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}

extension Data {
    /// The bytes as lowercase hexadecimal, two characters per byte.
    public func hexEncodedString() -> String {
        withUnsafeBytes(HexEncoding.string)
    }
}
