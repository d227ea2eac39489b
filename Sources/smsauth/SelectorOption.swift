import ArgumentParser
import Manifests

/// `--selector` (`-l`), shared by `reconcile`, `status` and `controller` as an `@OptionGroup`.
struct SelectorOption: ParsableArguments {
    @Option(name: [.customShort("l"), .long], help: ArgumentHelp("""
        Act only on the manifests whose metadata.labels match, in kubectl syntax: app=x, app==x, tier!=y, \
        'env in (a,b)', 'env notin (a,b)', key, !key; commas join requirements (all must hold). Resources \
        outside the selection, and resources whose manifest was removed, are left as they are (never deleted, \
        released or renamed) and their status files untouched.
        """, valueName: "selector"))
    var selector: String?

    /// Refuses a selector that does not parse, naming the column and what was expected there.
    func validate() throws {
        _ = try parsed()
    }

    /// The parsed selector, or nil without `--selector`.
    func parsed() throws -> LabelSelector? {
        guard let selector else { return nil }
        do {
            return try LabelSelector(parsing: selector)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The addresses of the manifests of `load` that the selector selects, or nil without `--selector`.
    func selectedAddresses(in load: LoadResult) throws -> Set<ResourceID>? {
        try parsed()?.selecting(load.manifests)
    }
}
