import Foundation

/// Percent-encoding as SigV4 defines it: every byte outside the unreserved set `A-Z a-z 0-9 - _ . ~` becomes `%XX`
/// with upper-case hex digits, including `/`, `+`, `=`, `%` and space.
/// S3 object keys in a request path keep their `/` (`keepingSlashes`), as the AWS SDKs send them.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request
public enum SigV4URIEncoding {
    /// `text` with each UTF-8 byte outside the unreserved set (and `/` when `keepingSlashes`) percent-encoded.
    public static func encode(_ text: String, keepingSlashes: Bool = false) -> String {
        let hexDigits = Array("0123456789ABCDEF".utf8)
        var output = [UInt8]()
        output.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) || (keepingSlashes && byte == UInt8(ascii: "/")) {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `text` with `%XX` escapes decoded. Text that is not valid percent-encoding (a stray `%`, or escapes that do
    /// not form UTF-8) is returned unchanged, so it is then encoded as it stands. `+` stays `+` (RFC 3986, not form
    /// encoding).
    static func decode(_ text: String) -> String {
        text.removingPercentEncoding ?? text
    }

    /// Whether `byte` is in the SigV4 unreserved set.
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
            UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}
