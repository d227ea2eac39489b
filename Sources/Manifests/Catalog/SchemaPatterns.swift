/// The regular expressions the JSON Schema gives editors for string formats. The validator checks the same rules
/// in `Formats` (without regular expressions, for speed); `SchemaPatternTests` keeps the two in agreement.
public enum SchemaPatterns {
    /// `metadata.name`: lowercase letters, digits and `-`, 1–63 characters, alphanumeric at both ends.
    public static let resourceName = "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"
    /// An AWS region such as `us-east-1` or `us-gov-west-1`.
    public static let region = "^[a-z]{2}(-[a-z]+)+-[0-9]+$"
    /// An E.164 phone number: `+`, a non-zero digit, at most 15 digits in all.
    public static let e164 = "^\\+[1-9][0-9]{1,14}$"
    /// An ISO 3166-1 alpha-2 country code.
    public static let countryCode = "^[A-Z]{2}$"
    /// IAM's RoleName: 1–64 letters, digits and `+=,.@_-`.
    public static let roleName = "^[A-Za-z0-9+=,.@_-]{1,64}$"
}
