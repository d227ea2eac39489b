import Testing
@testable import Reconciler

/// Every fixture plan rendered in every format equals its checked-in golden file.
@Suite("PlanRenderer golden files")
struct PlanRendererGoldenTests {
    static let names = ["create", "update", "replace", "delete", "refuse", "blocked", "retain", "rename", "suspended",
                        "noop",
                        "sensitive", "mixed"]

    @Test("text, json and markdown match the golden files", arguments: names)
    func matchesGolden(name: String) throws {
        let plan = try #require(try PlanFixtures.all().first { $0.name == name }).plan
        let renderer = PlanRenderer()
        let outputs: [(String, String)] = [
            ("\(name).txt", renderer.text(plan)),
            ("\(name).json", try renderer.json(plan)),
            ("\(name).md", renderer.markdown(plan)),
        ]
        for (file, actual) in outputs {
            #expect(actual == (try GoldenFile.expected(file, actual: actual)), "golden \(file)")
        }
    }

    @Test("coloured text matches its golden file and differs from plain text only by escape codes")
    func colouredText() throws {
        let plan = try PlanFixtures.mixed()
        let coloured = PlanRenderer(color: true).text(plan)
        #expect(coloured == (try GoldenFile.expected("mixed.color.txt", actual: coloured)))
        let stripped = coloured.replacing(#/\u{1B}\[[0-9;]*m/#, with: "")
        #expect(stripped == PlanRenderer().text(plan))
        #expect(coloured.contains("\u{1B}[32m+\u{1B}[0m AppClient/web"))
    }

    @Test("every fixture is covered by the golden list")
    func fixturesCovered() throws {
        #expect(try PlanFixtures.all().map(\.name) == Self.names)
    }
}
