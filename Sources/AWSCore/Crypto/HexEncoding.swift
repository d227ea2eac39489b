import Foundation

extension Data {
    /// The bytes as lowercase hexadecimal, two characters per byte (the form SigV4 uses for hashes and signatures).
    public func hexEncodedString() -> String {
        let digits = Array("0123456789abcdef".utf8)
        var characters = [UInt8]()
        characters.reserveCapacity(count * 2)
        for byte in self {
            characters.append(digits[Int(byte >> 4)])
            characters.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: characters, as: UTF8.self)
    }
}
