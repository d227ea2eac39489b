import Foundation
import Manifests

/// The printed result of `smsauth validate`, as text or JSON.
struct ValidateReport {
    /// Diagnostics, sorted.
    let diagnostics: [Diagnostic]
    /// Number of complete resources.
    let resources: Int
    /// Number of files read.
    let files: Int
    /// Whether a `Registration` manifest was checked (against the bundled field definitions, whose date is shown).
    let checksRegistrations: Bool

    /// Summarises a load-and-validate result.
    init(result: LoadResult) {
        diagnostics = result.diagnostics
        resources = result.manifests.count
        files = result.files.count
        checksRegistrations = result.manifests.contains { $0.kind == .registration }
    }

    /// The line saying which field definitions `Registration` fields were checked against offline.
    var registrationNote: String? {
        guard checksRegistrations else { return nil }
        return "Registration fields checked offline against the bundled field definitions of "
            + "\(RegistrationDefinitions.snapshotDate) (plans check them against AWS's, read at plan time)"
    }

    /// Number of errors.
    var errors: Int { diagnostics.errorCount }
    /// Number of warnings.
    var warnings: Int { diagnostics.warningCount }

    /// One line per diagnostic, then a summary line.
    func text() -> String {
        let lines = diagnostics.map(\.description)
        let summary = "\(resources) \(resources == 1 ? "resource" : "resources") in \(files) "
            + "\(files == 1 ? "file" : "files"): \(errors) \(errors == 1 ? "error" : "errors"), "
            + "\(warnings) \(warnings == 1 ? "warning" : "warnings")"
        return (lines + [registrationNote, summary].compactMap { $0 }).joined(separator: "\n") + "\n"
    }

    /// The JSON object documented in `smsauth validate --help`, with a final newline.
    func json() -> String {
        let entries: [[String: Any]] = diagnostics.map { diagnostic in
            [
                "severity": diagnostic.severity.rawValue,
                "code": diagnostic.code,
                "message": diagnostic.message,
                "file": diagnostic.location?.file ?? NSNull(),
                "line": diagnostic.location?.line ?? NSNull(),
                "column": diagnostic.location?.column ?? NSNull(),
                "field": diagnostic.field ?? NSNull(),
            ]
        }
        var object: [String: Any] = ["diagnostics": entries, "resources": resources, "errors": errors,
                                     "warnings": warnings]
        if checksRegistrations { object["registrationFieldDefinitions"] = RegistrationDefinitions.snapshotDate }
        let options: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: options)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
