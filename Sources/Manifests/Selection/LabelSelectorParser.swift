/// Recursive-descent parser of the `kubectl` label-selector syntax (see `LabelSelector`).
///
/// ```
/// selector    = requirement *( "," requirement )
/// requirement = "!" key | key [ ( "=" | "==" | "!=" ) value | ( "in" | "notin" ) "(" value *( "," value ) ")" ]
/// ```
/// Keys and values are runs of letters, digits, `.`, `_`, `-` and `/` (a value after `=`, `==` or `!=` may be
/// empty) that must then follow `LabelSyntax`; spaces around tokens are ignored; `in` and `notin` need a space
/// before them.
struct LabelSelectorParser {
    private let text: String
    private let characters: [Character]
    private var index = 0

    init(_ text: String) {
        self.text = text
        characters = Array(text)
    }

    /// The requirements; throws at the first problem.
    mutating func parse() throws(LabelSelectorError) -> [LabelRequirement] {
        var requirements: [LabelRequirement] = []
        repeat {
            requirements.append(try requirement())
            skipSpaces()
        } while consume(",")
        guard index == characters.count else { throw failure(expected: "',' or the end of the selector") }
        return requirements
    }

    private mutating func requirement() throws(LabelSelectorError) -> LabelRequirement {
        skipSpaces()
        if consume("!") {
            skipSpaces()
            return .doesNotExist(try key(expected: "a label key"))
        }
        let key = try key(expected: "a label key or '!'")
        let hadSpace = skipSpaces()
        if consume("!=") { return .notEquals(key, try value()) }
        if consume("==") || consume("=") { return .equals(key, try value()) }
        if hadSpace, let operation = setOperation() {
            let values = try valueSet()
            return operation == "in" ? .isIn(key, values) : .notIn(key, values)
        }
        if index == characters.count || characters[index] == "," { return .exists(key) }
        throw failure(expected: "'=', '==', '!=', 'in', 'notin', ',' or the end of the selector")
    }

    /// `in` or `notin` followed by a space or `(`, consumed; nil (nothing consumed) otherwise.
    private mutating func setOperation() -> String? {
        for operation in ["notin", "in"] {
            let end = index + operation.count
            guard end <= characters.count, String(characters[index..<end]) == operation else { continue }
            if end == characters.count || characters[end] == " " || characters[end] == "(" {
                index = end
                return operation
            }
        }
        return nil
    }

    /// `( value , ... )`.
    private mutating func valueSet() throws(LabelSelectorError) -> [String] {
        skipSpaces()
        guard consume("(") else { throw failure(expected: "'(' opening the list of values") }
        var values: [String] = []
        repeat {
            skipSpaces()
            let value = try word(expected: "a value")
            values.append(try checked(value, as: "a label value", LabelSyntax.valueProblem))
            skipSpaces()
        } while consume(",")
        guard consume(")") else { throw failure(expected: "',' or ')' closing the list of values") }
        return values
    }

    /// A value after `=`, `==` or `!=`, possibly empty.
    private mutating func value() throws(LabelSelectorError) -> String {
        skipSpaces()
        let value = run()
        return try checked(value, as: "a label value", LabelSyntax.valueProblem)
    }

    /// A label key (`LabelSyntax`).
    private mutating func key(expected: String) throws(LabelSelectorError) -> String {
        let key = try word(expected: expected)
        return try checked(key, as: "a label key", LabelSyntax.keyProblem)
    }

    /// `word`, just read, when `problem` finds nothing wrong with it; else an error at its first column.
    private func checked(_ word: String, as what: String, _ problem: (String) -> String?) throws(LabelSelectorError)
        -> String {
        if let reason = problem(word) {
            throw LabelSelectorError(selector: text, column: index - word.count + 1, expected: what,
                                     found: "'\(word)': \(reason)")
        }
        return word
    }

    /// A non-empty key or value.
    private mutating func word(expected: String) throws(LabelSelectorError) -> String {
        let word = run()
        guard !word.isEmpty else { throw failure(expected: expected) }
        return word
    }

    private mutating func run() -> String {
        let start = index
        while index < characters.count, Self.isWordCharacter(characters[index]) { index += 1 }
        return String(characters[start..<index])
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "._-/".contains(character))
    }

    /// Skips spaces; whether there were any.
    @discardableResult
    private mutating func skipSpaces() -> Bool {
        let start = index
        while index < characters.count, characters[index] == " " { index += 1 }
        return index > start
    }

    private mutating func consume(_ token: String) -> Bool {
        let end = index + token.count
        guard end <= characters.count, String(characters[index..<end]) == token else { return false }
        index = end
        return true
    }

    private func failure(expected: String) -> LabelSelectorError {
        let found = index < characters.count ? "'\(characters[index])'" : "the end of the selector"
        return LabelSelectorError(selector: text, column: index + 1, expected: expected, found: found)
    }
}
