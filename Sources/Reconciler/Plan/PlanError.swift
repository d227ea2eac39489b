/// Why a plan, or a piece of one, is malformed.
public enum PlanError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An address string that is not `Kind/name` with a known kind.
    case invalidAddress(String)
    /// A `replace`, `refuse` or `blocked` change without a reason.
    case missingReason(ResourceAddress, ChangeAction)
    /// The same address appears in more than one change.
    case duplicateAddress(ResourceAddress)
    /// A JSON plan of a format version this build does not read.
    case unsupportedFormatVersion(Int)

    /// Stable machine-readable code.
    public var code: String {
        switch self {
        case .invalidAddress: "plan.invalidAddress"
        case .missingReason: "plan.missingReason"
        case .duplicateAddress: "plan.duplicateAddress"
        case .unsupportedFormatVersion: "plan.unsupportedFormatVersion"
        }
    }

    /// Human-readable explanation.
    public var message: String {
        switch self {
        case .invalidAddress(let text):
            "invalid resource address \"\(text)\": expected Kind/name with a known kind"
        case .missingReason(let address, let action):
            "\(address): a \(action.rawValue) change needs a reason"
        case .duplicateAddress(let address):
            "\(address) appears more than once in the plan"
        case .unsupportedFormatVersion(let version):
            "plan formatVersion \(version) is not supported (this build reads \(Plan.formatVersion))"
        }
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
