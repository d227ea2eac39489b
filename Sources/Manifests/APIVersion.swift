/// Manifest format versions this build understands.
public enum APIVersion {
    /// The only version so far.
    public static let v1 = "smsauth/v1"
}
