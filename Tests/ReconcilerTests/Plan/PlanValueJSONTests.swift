import AWSServices
import Testing
@testable import Reconciler

@Suite struct PlanValueJSONTests {
    @Test func convertsEveryJSONShape() {
        let json: JSONValue = ["Name": "pool", "Count": 3, "On": true, "None": nil, "List": ["a", 1]]
        #expect(PlanValue(json) == .map([
            "Name": .string("pool"), "Count": .number(3), "On": .bool(true), "None": .null,
            "List": .list([.string("a"), .number(1)]),
        ]))
    }
}
