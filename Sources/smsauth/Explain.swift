import ArgumentParser
import Foundation
import Manifests

/// `smsauth explain KIND[.FIELD.PATH]`: the manifest reference in the terminal, as `kubectl explain`.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Describe a manifest kind or field: purpose, type, fields, what matters for SMS sign-in.",
        discussion: """
            Examples: 'smsauth explain UserPool', 'smsauth explain UserPool.spec.passwordPolicy', \
            'smsauth explain Settings.spec.owner'. The same text, with annotated examples, is in docs/manifests.md.
            """
    )

    @Argument(help: "A kind (UserPool, AppClient, ..., Settings), optionally followed by a dotted field path.")
    var target: String?

    @Option(help: ArgumentHelp(
        "Print the whole manifest reference as Markdown instead, with examples read from this folder.",
        discussion: "The repository's docs/manifests.md is 'smsauth explain --manual examples'.",
        valueName: "examples-dir"))
    var manual: String?

    func validate() throws {
        if (target == nil) == (manual == nil) {
            throw ValidationError("give a KIND[.FIELD.PATH] or --manual <examples-dir>, not both or neither")
        }
    }

    func run() throws {
        if let manual {
            let root = URL(fileURLWithPath: manual)
            let text = try ManifestManual.markdown { file in
                do {
                    return try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
                } catch {
                    throw StandardError.failure("cannot read the example \(root.appendingPathComponent(file).path) "
                                                + "the manual quotes: is \(manual) the examples folder?")
                }
            }
            print(text, terminator: "")
            return
        }
        do {
            print(try Explanation.text(for: target ?? ""), terminator: "")
        } catch {
            // A wrong name is not a wrong command line: the message, without the usage text.
            throw StandardError.failure(error.description)
        }
    }
}
