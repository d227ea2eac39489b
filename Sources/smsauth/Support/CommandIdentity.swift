import Foundation
import Reconciler

/// Who a command's run acts for (`RunIdentity`): the one place the commands make it.
enum CommandIdentity {
    /// The environment variable that overrides the manifest set's owner (tests, one-off runs).
    static let ownerVariable = "SMSAUTH_OWNER"

    /// The identity of a run over the manifest folder `directory`. The owner is `SMSAUTH_OWNER` when set, else
    /// `settingsOwner`, the manifest set's own (its settings document's `spec.owner`; nil when it names none).
    /// Throws (exit 1, `error:` line) when `SMSAUTH_OWNER` is not a valid owner name.
    static func make(directory: String, settingsOwner: String?,
                     environment: [String: String]) throws -> RunIdentity {
        guard let override = environment[ownerVariable] else {
            return RunIdentity.make(directory: directory, owner: settingsOwner)
        }
        guard RunIdentity.isValidOwner(override) else {
            throw StandardError.failure("\(ownerVariable)=\"\(override)\" is not an owner name: "
                                        + "use 1 to 63 of the characters a-z, 0-9 and -")
        }
        return RunIdentity.make(directory: directory, owner: override)
    }
}
