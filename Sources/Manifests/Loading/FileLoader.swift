/// Reads the YAML documents of one file's bytes into manifests.
struct FileLoader {
    /// The file as shown to the user.
    let file: String

    /// Manifests, invalid resource ids and diagnostics of the file. The documents before a YAML problem are read;
    /// the problem ends the file.
    func load(_ data: [UInt8]) -> (outcomes: [DocumentOutcome], diagnostics: [Diagnostic]) {
        let sink = DiagnosticSink(file: file)
        guard var text = decode(data, sink: sink) else { return ([], sink.diagnostics) }
        var outcomes: [DocumentOutcome] = []
        let reader = DocumentReader(sink: sink)
        let problem = text.withUTF8 { bytes in
            YAMLComposer.compose(bytes) { root in outcomes.append(reader.read(root, index: outcomes.count)) }
        }
        if let problem {
            sink.error(problem.code, problem.message, at: sink.location(line: problem.line, column: problem.column))
        }
        return (outcomes, sink.diagnostics)
    }

    /// The text, or nil after recording where the first byte that is not UTF-8 is.
    private func decode(_ data: [UInt8], sink: DiagnosticSink) -> String? {
        if let text = String(validating: data, as: UTF8.self) { return text }
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
}
