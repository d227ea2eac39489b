import Synchronization

/// What the loader made of each file last time, with the bytes it was made of, so that a long-running reader
/// (the controller) parses only the files that changed. Thread-safe: the loader reads files in parallel.
///
/// An entry is used only when the file's bytes are exactly the same, so an edit is never missed (no reliance on
/// modification times); reading a small file is cheap, parsing and checking its YAML is what the cache saves.
public final class ManifestFileCache: Sendable {
    /// One file's bytes and what loading them produced.
    private struct Entry {
        /// The file's bytes.
        let bytes: [UInt8]
        /// Documents and diagnostics of the file.
        let result: (outcomes: [DocumentOutcome], diagnostics: [Diagnostic])
    }

    /// The entries by the file's path as shown, and the number of files parsed through this cache so far (misses).
    private let state = Mutex<(entries: [String: Entry], parses: Int)>(([:], 0))

    /// An empty cache.
    public init() {}

    /// Number of files parsed (not taken from the cache) so far.
    public var parsedFiles: Int {
        state.withLock { $0.parses }
    }

    /// The outcome for `file` with `bytes`: the cached one when the bytes are unchanged, else `parse()`'s (cached).
    func outcome(file: String, bytes: [UInt8], parse: () -> (outcomes: [DocumentOutcome], diagnostics: [Diagnostic]))
        -> (outcomes: [DocumentOutcome], diagnostics: [Diagnostic]) {
        if let entry = state.withLock({ $0.entries[file] }), entry.bytes == bytes { return entry.result }
        let result = parse()
        state.withLock {
            $0.entries[file] = Entry(bytes: bytes, result: result)
            $0.parses += 1
        }
        return result
    }

    /// Forgets every file not in `files`.
    func keep(only files: Set<String>) {
        state.withLock { $0.entries = $0.entries.filter { files.contains($0.key) } }
    }
}
