import Foundation

/// Loads a manifest directory: every `.yaml`/`.yml` file below it (in any case, skipping names that start with `.`),
/// each with one or more YAML documents, into typed manifests, the settings document and diagnostics. It never
/// throws: every problem is a diagnostic, and so is every entry that cannot be read (see `ManifestFiles.list`), so
/// what cannot be read is never taken for an absent manifest. Files are parsed in parallel; the result is still in
/// path order.
public struct ManifestLoader: Sendable {
    /// Files larger than this are refused unread (1 MiB).
    public static let maxFileSize = 1 << 20

    /// Creates a loader.
    public init() {}

    /// Loads `directory` (as the user gave it; diagnostics show paths as `directory/relative/path.yaml`).
    public func load(directory: String) -> LoadResult {
        load(directory: directory, cache: nil)
    }

    /// Loads `directory` like `load(directory:)`, except that a file whose bytes are the ones `cache` holds for its
    /// path is not parsed again (a long-running reader re-reads the whole directory after every change). Afterwards
    /// `cache` holds the files of this load only.
    public func load(directory: String, cache: ManifestFileCache?) -> LoadResult {
        let root = URL(fileURLWithPath: directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            let diagnostic = Diagnostic.error("no-directory", "manifest directory '\(directory)' does not exist "
                                              + "or is not a directory", at: nil)
            return LoadResult(diagnostics: [diagnostic])
        }
        return load(ManifestFiles.list(below: directory), directory: directory, cache: cache)
    }

    /// Reads the files of `listing` (found below `directory`) and reports its problems.
    func load(_ listing: ManifestFiles.Listing, directory: String, cache: ManifestFileCache?) -> LoadResult {
        let display = Self.displayPrefix(directory)
        func show(_ relative: String) -> String {
            display.isEmpty ? (relative.isEmpty ? "." : relative) : relative.isEmpty ? display : "\(display)/\(relative)"
        }
        let files = listing.files
        let shown = files.map { show($0.relative) }
        let results = ParallelResults<(outcomes: [DocumentOutcome], diagnostics: [Diagnostic])>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            results.set(index, read(files[index].path, shown: shown[index], cache: cache))
        }
        cache?.keep(only: Set(shown))
        var builder = ResultBuilder()
        builder.files = shown
        for (file, result) in zip(files, results.values) {
            builder.add(result, isSettingsFile: file.relative == ManifestSettings.fileName)
        }
        builder.add(listing.problems.map { problem in
            .error(problem.code, problem.message, at: SourceLocation(file: show(problem.relative), line: 1, column: 1))
        })
        return builder.finish()
    }

    /// Loads the documents of one file's contents (for tests and tools that already hold the bytes); a file named
    /// `smsauth.yaml` is taken for the settings file of its directory.
    public func load(data: Data, file: String) -> LoadResult {
        var builder = ResultBuilder()
        builder.files.append(file)
        let isSettingsFile = file == ManifestSettings.fileName || file.hasSuffix("/" + ManifestSettings.fileName)
        builder.add(FileLoader(file: file).load(Array(data)), isSettingsFile: isSettingsFile)
        return builder.finish()
    }

    /// Loads the documents of one file's text.
    public func load(text: String, file: String) -> LoadResult { load(data: Data(text.utf8), file: file) }

    /// The directory as given, without a trailing `/` or a leading `./`.
    static func displayPrefix(_ directory: String) -> String {
        var prefix = directory
        while prefix.count > 1 && prefix.hasSuffix("/") { prefix.removeLast() }
        while prefix.hasPrefix("./") { prefix.removeFirst(2) }
        return prefix == "." ? "" : prefix
    }

    /// Reads one file, refusing it when too large or unreadable; parsed only when `cache` lacks its bytes.
    private func read(_ path: String, shown: String,
                      cache: ManifestFileCache?) -> (outcomes: [DocumentOutcome], diagnostics: [Diagnostic]) {
        let start = SourceLocation(file: shown, line: 1, column: 1)
        switch ManifestFiles.read(path, limit: Self.maxFileSize) {
        case .bytes(let bytes):
            guard let cache else { return FileLoader(file: shown).load(bytes) }
            return cache.outcome(file: shown, bytes: bytes) { FileLoader(file: shown).load(bytes) }
        case .tooLarge:
            return ([], [.error("file-too-large", "file is larger than \(Self.maxFileSize) bytes (1 MiB), the "
                                + "limit for a manifest file", at: start)])
        case .unreadable(let reason):
            return ([], [.error("unreadable-file", "file cannot be read: \(reason)", at: start)])
        case .notRegular(let what):
            return ([], [.error("not-a-regular-file", "\(what) named like a manifest: a manifest must be a regular "
                                + "file (or a link to one)", at: start)])
        }
    }
}

/// Gathers the outcomes of several files and reports duplicate kind+name pairs and misplaced or repeated settings.
private struct ResultBuilder {
    /// Files read.
    var files: [String] = []
    /// Manifests so far.
    private var manifests: [Manifest] = []
    /// Diagnostics so far.
    private var diagnostics: [Diagnostic] = []
    /// Resources with spec errors.
    private var invalid: [ResourceID: SourceLocation] = [:]
    /// First location of every resource id seen.
    private var seen: [ResourceID: SourceLocation] = [:]
    /// The settings read.
    private var settings: ManifestSettings?
    /// Where the first settings document is.
    private var settingsLocation: SourceLocation?

    /// Adds one file's outcomes; `isSettingsFile` when it is the directory's `smsauth.yaml`.
    mutating func add(_ file: (outcomes: [DocumentOutcome], diagnostics: [Diagnostic]), isSettingsFile: Bool) {
        diagnostics += file.diagnostics
        for outcome in file.outcomes {
            switch outcome {
            case .manifest(let manifest):
                if isSettingsFile { resourceInSettingsFile(manifest.id, at: manifest.location) }
                if declare(manifest.id, at: manifest.metadata.name.location) { manifests.append(manifest) }
            case let .invalid(id, location):
                if isSettingsFile { resourceInSettingsFile(id, at: location) }
                if declare(id, at: location) { invalid[id] = location }
            case let .settings(read, location):
                addSettings(read, at: location, inSettingsFile: isSettingsFile)
            case .nothing:
                break
            }
        }
    }

    /// Adds diagnostics found outside any file's documents.
    mutating func add(_ more: [Diagnostic]) { diagnostics += more }

    /// Keeps the settings document at `location` when it is the first and in the settings file; reports it otherwise.
    private mutating func addSettings(_ read: ManifestSettings?, at location: SourceLocation, inSettingsFile: Bool) {
        guard inSettingsFile else {
            diagnostics.append(.error("misplaced-settings", "a Settings document belongs in "
                                      + "\(ManifestSettings.fileName) at the root of the manifest directory, "
                                      + "not here", at: location, field: "kind"))
            return
        }
        if let first = settingsLocation {
            diagnostics.append(.error("duplicate-settings", "a second Settings document: the manifest directory "
                                      + "has one, already defined at \(first)", at: location, field: "kind"))
            return
        }
        settingsLocation = location
        settings = read
    }

    /// Reports a resource written in the settings file.
    private mutating func resourceInSettingsFile(_ id: ResourceID, at location: SourceLocation) {
        diagnostics.append(.error("resource-in-settings-file", "\(ManifestSettings.fileName) holds the Settings "
                                  + "document only; move \(id.kind.rawValue) '\(id.name)' to another file",
                                  at: location, field: "kind"))
    }

    /// Records `id`; false (after reporting both places) when it was already declared.
    private mutating func declare(_ id: ResourceID, at location: SourceLocation) -> Bool {
        if let first = seen[id] {
            diagnostics.append(.error("duplicate-resource", "duplicate \(id.kind.rawValue) '\(id.name)': "
                                      + "already defined at \(first)", at: location, field: "metadata.name"))
            return false
        }
        seen[id] = location
        return true
    }

    /// The sorted result.
    func finish() -> LoadResult {
        LoadResult(manifests: manifests, diagnostics: diagnostics.sorted(), invalidResources: invalid, files: files,
                   settings: settings)
    }
}
