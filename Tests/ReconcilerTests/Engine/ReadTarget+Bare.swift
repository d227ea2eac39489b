@testable import Reconciler

extension ReadTarget {
    /// A read target of `address` alone: no manifest, status, region or former address (what a classification by
    /// that address's tags sees).
    static func bare(_ address: ResourceAddress) -> ReadTarget {
        ReadTarget(address: address, desired: nil, status: nil, region: nil)
    }
}
