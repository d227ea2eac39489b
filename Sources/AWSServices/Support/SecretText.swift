/// A secret string (an app client secret) on its way from Cognito to a secret store. Every textual form of it is
/// `(sensitive)`, so string interpolation, logging or `dump` never show the value; only `reveal` hands it out, for
/// the one request body that must carry it.
public struct SecretText: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable {
    private let value: String

    /// Wraps `value`.
    public init(_ value: String) {
        self.value = value
    }

    /// The value itself, for a request body.
    public func reveal() -> String { value }

    /// `(sensitive)`.
    public var description: String { "(sensitive)" }
    /// `(sensitive)`.
    public var debugDescription: String { "(sensitive)" }
    /// No children: `dump` and mirrors show nothing of the value.
    public var customMirror: Mirror { Mirror(self, children: []) }
}
