import Foundation
import Yams

/// Reads the YAML documents of one file's bytes into manifests.
struct FileLoader {
    /// The file as shown to the user.
    let file: String

    /// Manifests, invalid resource ids and diagnostics of the file. Scalars are composed with the basic resolver (no
    /// implicit typing, which is slow and which the reader does not use: it reads scalars by their text), and the
    /// encoding is given so Yams does not consult the environment for every file.
    func load(_ data: Data) -> (outcomes: [DocumentOutcome], diagnostics: [Diagnostic]) {
        let sink = DiagnosticSink(file: file)
        guard let text = decode(data, sink: sink) else { return ([], sink.diagnostics) }
        if let finding = YAMLSafetyScan.firstProblem(in: text) {
            sink.error(finding.code, finding.message, at: sink.location(line: finding.line, column: finding.column))
            return ([], sink.diagnostics)
        }
        var outcomes: [DocumentOutcome] = []
        do {
            var documents = try compose_all(yaml: text, .basic, .default, .utf8)
            let reader = DocumentReader(sink: sink)
            while let root = documents.next() {
                outcomes.append(reader.read(root, index: outcomes.count))
            }
            if let error = documents.error { record(error, text: text, sink: sink) }
        } catch {
            record(error, text: text, sink: sink)
        }
        return (outcomes, sink.diagnostics)
    }

    /// The text, or nil after recording where the first byte that is not UTF-8 is.
    private func decode(_ data: Data, sink: DiagnosticSink) -> String? {
        if let text = String(bytes: data, encoding: .utf8) { return text }
        var iterator = data.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var line = 1, column = 1, offset = 0
        while case .valid(let scalar) = parser.parseScalar(from: &iterator) {
            offset += scalar.count
            if scalar.count == 1 && scalar.first == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
        }
        sink.error("invalid-utf8", "file is not valid UTF-8 (byte offset \(offset))",
                   at: sink.location(line: line, column: column))
        return nil
    }

    /// Records a Yams error as a diagnostic with its position.
    private func record(_ error: Error, text: String, sink: DiagnosticSink) {
        guard let yaml = error as? YamlError else {
            sink.error("yaml-syntax", "invalid YAML: \(error)", at: sink.location(line: 1, column: 1))
            return
        }
        switch yaml {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let detail = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            sink.error("yaml-syntax", "invalid YAML: \(problem)\(detail)",
                       at: sink.location(line: mark.line, column: mark.column))
        case let .reader(problem, offset, _, _):
            let (line, column) = Self.position(ofCharacter: offset ?? 0, in: text)
            sink.error("yaml-syntax", "invalid YAML: \(problem)", at: sink.location(line: line, column: column))
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? ""
            let (line, column) = DuplicateKeyLocator.secondOccurrence(of: key, after: context.mark, in: text)
            sink.error("duplicate-key", "duplicate key '\(key)': each key may appear only once in a mapping "
                       + "(first at line \(context.mark.line))", at: sink.location(line: line, column: column))
        default:
            sink.error("yaml-syntax", "invalid YAML: \(yaml)", at: sink.location(line: 1, column: 1))
        }
    }

    /// 1-based line and column of the character at `offset`.
    static func position(ofCharacter offset: Int, in text: String) -> (Int, Int) {
        var line = 1, column = 1
        for character in text.prefix(offset) {
            if character == "\n" || character == "\r\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}

/// Finds the repeated occurrence of a duplicated block mapping key, since Yams reports the first one.
enum DuplicateKeyLocator {
    /// Line and column of the next `key:` after `first` at the same indentation, else `first` itself.
    static func secondOccurrence(of key: String, after first: Mark, in text: String) -> (Int, Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let indent = first.column - 1
        guard first.line < lines.count else { return (first.line, first.column) }
        for number in first.line..<lines.count {
            let line = lines[number].unicodeScalars
            guard line.count > indent, line.prefix(indent).allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
            let rest = Substring(line.dropFirst(indent))
            for spelling in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(spelling + ":") {
                return (number + 1, first.column)
            }
        }
        return (first.line, first.column)
    }
}
