import Testing
@testable import Manifests

@Suite struct LabelSelectorTests {
    /// Selector text → the requirements it parses to.
    static let parsed: [(String, [LabelRequirement])] = [
        ("app=x", [.equals("app", "x")]),
        ("app==x", [.equals("app", "x")]),
        ("tier!=y", [.notEquals("tier", "y")]),
        ("app=", [.equals("app", "")]),
        ("env in (a,b)", [.isIn("env", ["a", "b"])]),
        ("env in(a)", [.isIn("env", ["a"])]),
        ("env notin ( a , b )", [.notIn("env", ["a", "b"])]),
        ("key", [.exists("key")]),
        ("!key", [.doesNotExist("key")]),
        ("example.com/team=sms,tier!=y", [.equals("example.com/team", "sms"), .notEquals("tier", "y")]),
        (" app = x , !legacy , env in (prod,stage) ",
         [.equals("app", "x"), .doesNotExist("legacy"), .isIn("env", ["prod", "stage"])]),
        ("in=x", [.equals("in", "x")]),
        ("notin", [.exists("notin")]),
    ]

    @Test(arguments: parsed)
    func parses(_ text: String, _ expected: [LabelRequirement]) throws {
        #expect(try LabelSelector(parsing: text).requirements == expected)
    }

    /// Selector text → the column and expectation of the error.
    static let rejected: [(String, Int, String, String)] = [
        ("", 1, "a label key or '!'", "the end of the selector"),
        ("app=x,", 7, "a label key or '!'", "the end of the selector"),
        (",app", 1, "a label key or '!'", "','"),
        ("app=x,,b", 7, "a label key or '!'", "','"),
        ("!", 2, "a label key", "the end of the selector"),
        ("!app=x", 5, "',' or the end of the selector", "'='"),
        ("app>1", 4, "'=', '==', '!=', 'in', 'notin', ',' or the end of the selector", "'>'"),
        ("env in a,b", 8, "'(' opening the list of values", "'a'"),
        ("env in (a,b", 12, "',' or ')' closing the list of values", "the end of the selector"),
        ("env in ()", 9, "a value", "')'"),
        ("env in (a,)", 11, "a value", "')'"),
        ("app=x y", 7, "',' or the end of the selector", "'y'"),
        ("app=ü", 5, "',' or the end of the selector", "'ü'"),
        ("env notin", 10, "'(' opening the list of values", "the end of the selector"),
    ]

    @Test(arguments: rejected)
    func rejects(_ text: String, _ column: Int, _ expected: String, _ found: String) {
        #expect(throws: LabelSelectorError(selector: text, column: column, expected: expected, found: found)) {
            try LabelSelector(parsing: text)
        }
    }

    @Test func errorNamesSelectorColumnAndExpectation() {
        let error = LabelSelectorError(selector: "app=x,", column: 7, expected: "a label key or '!'",
                                       found: "the end of the selector")
        #expect(error.description
                == "--selector 'app=x,': column 7: expected a label key or '!', found the end of the selector")
        #expect(error.code == "selector.syntax")
    }

    /// Selector, labels → whether they match (kubectl semantics: `!=` and `notin` match an absent label).
    static let matching: [(String, [String: String], Bool)] = [
        ("app=x", ["app": "x"], true),
        ("app=x", ["app": "y"], false),
        ("app=x", [:], false),
        ("app==x", ["app": "x", "tier": "web"], true),
        ("tier!=y", ["tier": "y"], false),
        ("tier!=y", ["tier": "z"], true),
        ("tier!=y", [:], true),
        ("env in (a,b)", ["env": "b"], true),
        ("env in (a,b)", ["env": "c"], false),
        ("env in (a,b)", [:], false),
        ("env notin (a,b)", ["env": "a"], false),
        ("env notin (a,b)", ["env": "c"], true),
        ("env notin (a,b)", [:], true),
        ("key", ["key": ""], true),
        ("key", [:], false),
        ("!key", ["key": "v"], false),
        ("!key", [:], true),
        ("app=x,tier!=y", ["app": "x", "tier": "y"], false),
        ("app=x,tier!=y", ["app": "x", "tier": "z"], true),
    ]

    @Test(arguments: matching)
    func matches(_ text: String, _ labels: [String: String], _ expected: Bool) throws {
        #expect(try LabelSelector(parsing: text).matches(labels) == expected)
    }

    @Test func canonicalDescriptionParsesBackToTheSameSelector() throws {
        let selector = try LabelSelector(parsing: " app == x ,!old, env notin (a , b)")
        #expect(selector.description == "app=x,!old,env notin (a,b)")
        #expect(try LabelSelector(parsing: selector.description) == selector)
    }
}
