import Testing
@testable import Manifests

/// The composer turns libyaml's events into nodes with positions, and stops at the first problem.
@Suite struct YAMLComposerTests {
    /// Composes `text`, returning the documents and the problem.
    private func compose(_ text: String) -> (documents: [YAMLNode], problem: YAMLProblem?) {
        var text = text
        var documents: [YAMLNode] = []
        let problem = text.withUTF8 { bytes in YAMLComposer.compose(bytes) { documents.append($0) } }
        return (documents, problem)
    }

    @Test func nodesKeepTextStyleAndPosition() throws {
        let (documents, problem) = compose("a: 1\nb: \"2\"\nc:\n  - x\n  - {d: ~}\n")
        #expect(problem == nil)
        let root = try #require(documents.first)
        guard case .mapping(let entries) = root.content else {
            Issue.record("root is not a mapping")
            return
        }
        #expect(entries.map { $0.key.scalarText } == ["a", "b", "c"])
        guard case .scalar("1", plain: true) = entries[0].value.content,
              case .scalar("2", plain: false) = entries[1].value.content else {
            Issue.record("scalars lost their text or style")
            return
        }
        #expect((entries[1].value.line, entries[1].value.column) == (2, 4))
        guard case .sequence(let items) = entries[2].value.content, case .mapping(let inner) = items[1].content else {
            Issue.record("nested collections lost")
            return
        }
        #expect((items[0].line, items[0].column) == (4, 5))
        #expect(inner.first?.value.isNull == true)
    }

    @Test func documentsBeforeAProblemAreHandedOver() {
        let (documents, problem) = compose("a: 1\n---\nb: 2\n---\nc: [\n")
        #expect(documents.count == 2)
        #expect(problem?.code == "yaml-syntax")
        #expect(problem?.line == 6)
    }

    @Test func aByteOrderMarkBeforeTheStreamIsSkipped() throws {
        let (documents, problem) = compose("\u{FEFF}kind: SmsRole\nb: 2\n")
        #expect(problem == nil)
        let root = try #require(documents.first)
        guard case .mapping(let entries) = root.content else {
            Issue.record("root is not a mapping")
            return
        }
        #expect(entries.map { $0.key.scalarText } == ["kind", "b"])
        #expect((entries[0].key.line, entries[0].key.column) == (1, 1))
    }

    @Test func aStringTagMakesAString() throws {
        let (documents, problem) = compose("!!str 10\n")
        #expect(problem == nil)
        guard case .scalar("10", plain: false)? = documents.first?.content else {
            Issue.record("!!str 10 is not the string \"10\"")
            return
        }
    }

    @Test(arguments: [("a: !!null x\n", "!!null"), ("a: !!int \"3\"\n", "!!int"), ("a: !custom x\n", "!custom")])
    func anyOtherTagIsRefused(_ text: String, tag: String) {
        let (_, problem) = compose(text)
        #expect(problem?.code == "yaml-tag")
        #expect(problem?.message == "YAML tag '\(tag)' is not supported: write the value without it (quote it to make it a string)")
        #expect((problem?.line, problem?.column) == (1, 4))
    }

    @Test func quotedNullIsAString() {
        let (documents, _) = compose("'null'\n")
        #expect(documents.first?.isNull == false)
        #expect(documents.first?.scalarText == "null")
    }

    @Test(arguments: ["", "   \n", "# only a comment\n"])
    func emptyInputHasNoDocuments(_ text: String) {
        let (documents, problem) = compose(text)
        #expect(documents.isEmpty)
        #expect(problem == nil)
    }

    @Test func nestingUpToTheLimitIsAccepted() {
        let depth = YAMLComposer.maxDepth - 1
        let text = "a: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        #expect(compose(text).problem == nil)
        let deeper = "a: " + String(repeating: "[", count: depth + 1) + String(repeating: "]", count: depth + 1) + "\n"
        #expect(compose(deeper).problem?.code == "yaml-too-deep")
    }
}
