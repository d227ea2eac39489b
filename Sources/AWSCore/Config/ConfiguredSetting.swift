import Foundation

/// How the AWS CLI reads a setting that can be given in several places: the first one with a value, in order of
/// precedence (an environment variable, then the active profile's key), its value trimmed and an empty one counting
/// as not given.
enum ConfiguredSetting {
    /// The first of `candidates` (where it is given, and the value there) with a value, and where that was.
    static func first(_ candidates: [(source: String, value: String?)]) -> (source: String, value: String)? {
        for (source, value) in candidates {
            if let value = value?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty { return (source, value) }
        }
        return nil
    }
}
