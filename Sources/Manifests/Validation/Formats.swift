/// Character-level checks of names, regions, phone numbers and sender IDs (no regular expressions: they run for
/// every manifest and must stay cheap).
enum Formats {
    /// `^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`.
    static func isResourceName(_ name: String) -> Bool {
        let chars = Array(name.utf8)
        func alnum(_ c: UInt8) -> Bool { (c >= 97 && c <= 122) || (c >= 48 && c <= 57) }
        guard let first = chars.first, let last = chars.last, chars.count <= 63, alnum(first), alnum(last) else {
            return false
        }
        return chars.allSatisfy { alnum($0) || $0 == 45 }
    }

    /// AWS region names such as `us-east-1`, `us-gov-west-1`, `ap-southeast-2`.
    static func isRegion(_ region: String) -> Bool {
        let parts = region.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, let first = parts.first, let last = parts.last, first.count == 2 else { return false }
        let letters = parts.dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isLowercase } }
        return letters && !last.isEmpty && last.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// E.164: `^\+[1-9]\d{1,14}$`.
    static func isE164(_ number: String) -> Bool {
        let chars = Array(number.utf8)
        guard chars.count >= 3, chars.count <= 16, chars[0] == 43, chars[1] >= 49, chars[1] <= 57 else { return false }
        return chars.dropFirst().allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// Sender IDs: 1-11 characters of the allowed set, with at least one letter.
    static func isSenderID(_ id: String, allowing extra: Set<Character>) -> Bool {
        guard (1...11).contains(id.count) else { return false }
        let allowed = id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || extra.contains($0)) }
        return allowed && id.contains { $0.isASCII && $0.isLetter }
    }

    /// IAM's RoleName: 1–64 ASCII letters, digits and `+=,.@_-`.
    static func isRoleName(_ name: String) -> Bool {
        (1...64).contains(name.count)
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+=,.@_-".contains($0)) }
    }

    /// `arn:<partition>:iam::<12 digits>:role/<path and name>`, the name a valid role name.
    static func isRoleArn(_ arn: String) -> Bool {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[1].hasPrefix("aws"), parts[2] == "iam", parts[3].isEmpty,
              parts[4].count == 12, parts[4].allSatisfy(\.isNumber), parts[5].hasPrefix("role/"),
              let name = parts[5].split(separator: "/").last else { return false }
        return isRoleName(String(name))
    }

    /// ISO 3166-1 alpha-2: two uppercase ASCII letters.
    static func isCountryCode(_ code: String) -> Bool {
        code.count == 2 && code.allSatisfy { $0.isASCII && $0.isUppercase }
    }
}
