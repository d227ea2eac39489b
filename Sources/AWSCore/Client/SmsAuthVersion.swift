/// smsauth's release version, written here only: `smsauth --version` prints it and every AWS request's `User-Agent`
/// carries it. It lives in AWSCore, the lowest module both the client and the command see.
public enum SmsAuthVersion {
    /// The version, e.g. `0.1.0`.
    public static let current = "0.1.0"
}
