import Testing
@testable import Reconciler

/// Inline value rendering and terminal safety.
@Suite("PlanValueFormatter")
struct PlanValueFormatterTests {
    @Test("inline forms", arguments: [
        (PlanValue.null, "null"), (true, "true"), (3600, "3600"), (.number(1.5), "1.5"), (.number(-0.25), "-0.25"),
        ("a\"b\\c", #""a\"b\\c""#), ("line\nnext\u{1B}[31m", #""line\nnext\u001b[31m""#),
        (["x", 1], #"["x", 1]"#), (["b": 1, "a": [true]], #"{"a": [true], "b": 1}"#),
        (.sensitive, "(sensitive)"), (["token": .sensitive], #"{"token": (sensitive)}"#),
    ] as [(PlanValue, String)])
    func inline(value: PlanValue, expected: String) {
        #expect(PlanValueFormatter.inline(value) == expected)
    }

    @Test("free text cannot carry control characters to the terminal")
    func sanitized() {
        #expect(PlanValueFormatter.sanitized("ok\u{1B}[2J\nnext\u{9B}") == "ok\\u{1b}[2J\\u{a}next\\u{9b}")
    }

    @Test("a reason with escape codes is rendered harmless in text and markdown")
    func hostileReason() throws {
        let change = try ResourceChange(
            address: ResourceAddress(kind: .userPool, name: "p"), action: .refuse, reason: "bad\u{1B}[2J<b>x</b>")
        let plan = try Plan(changes: [change])
        #expect(!PlanRenderer().text(plan).contains("\u{1B}"))
        let markdown = PlanRenderer().markdown(plan)
        #expect(!markdown.contains("<b>"))
        #expect(markdown.contains("&lt;b&gt;x&lt;/b&gt;"))
    }
}
