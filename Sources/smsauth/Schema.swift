import ArgumentParser
import Manifests

/// `smsauth schema`: prints the JSON Schema of the manifests.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of smsauth/v1 manifests.",
        discussion: """
            Generated from the same field catalog the loader uses; the repository keeps a copy in \
            schema/smsauth-v1.json for editors (yaml-language-server: add \
            '# yaml-language-server: $schema=<path>/schema/smsauth-v1.json' to a manifest).
            """
    )

    /// Prints the schema to standard output.
    func run() throws {
        print(JSONSchema.text(), terminator: "")
    }
}
