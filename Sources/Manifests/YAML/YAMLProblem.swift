/// Why YAML text could not be composed into documents, and where (1-based line and column).
struct YAMLProblem: Error, Equatable {
    /// Diagnostic code: `yaml-syntax`, `duplicate-key`, `yaml-alias`, `yaml-tag` or `yaml-too-deep`.
    var code: String
    /// Explanation for the user.
    var message: String
    /// Line.
    var line: Int
    /// Column.
    var column: Int

    /// Nesting deeper than `YAMLComposer.maxDepth` at a position.
    static func tooDeep(line: Int, column: Int) -> YAMLProblem {
        YAMLProblem(code: "yaml-too-deep", message: "YAML nesting deeper than \(YAMLComposer.maxDepth) levels",
                    line: line, column: column)
    }
}
