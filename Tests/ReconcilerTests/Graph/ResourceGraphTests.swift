import Testing
@testable import Reconciler

/// Apply order, delete order, cycles and dependents.
@Suite("ResourceGraph")
struct ResourceGraphTests {
    /// The address parsed from `Kind/name`.
    static func address(_ text: String) -> ResourceAddress {
        (try? ResourceAddress(parsing: text)) ?? ResourceAddress(kind: .userPool, name: "invalid-\(text)")
    }

    /// A graph from `Kind/name` strings.
    static func graph(_ edges: [String: [String]]) throws(GraphError) -> ResourceGraph {
        var dependencies: [ResourceAddress: [ResourceAddress]] = [:]
        for (node, targets) in edges { dependencies[address(node)] = targets.map(address) }
        return try ResourceGraph(dependencies: dependencies)
    }

    /// A typical set of manifests and their references.
    static let typical: [String: [String]] = [
        "MfaPolicy/qnatime": ["UserPool/qnatime"],
        "AppClient/web": ["UserPool/qnatime"],
        "AppClient/admin": ["UserPool/qnatime"],
        "UserPool/qnatime": ["SmsRole/cognito-sms"],
        "UserPool/aaa": [],
        "SmsRole/cognito-sms": [],
        "SandboxNumber/ops": [],
        "PhonePool/main": ["OriginationIdentity/tollfree"],
        "OriginationIdentity/tollfree": [],
        "SmsAccountSettings/us-east-1": [],
    ]

    @Test("apply order is topological with ties broken by kind order, then name")
    func applyOrder() throws {
        let order = try Self.graph(Self.typical).applyOrder.map(\.description)
        #expect(order == [
            "SmsAccountSettings/us-east-1", "SmsRole/cognito-sms", "OriginationIdentity/tollfree", "PhonePool/main",
            "UserPool/aaa", "UserPool/qnatime", "AppClient/admin", "AppClient/web", "MfaPolicy/qnatime",
            "SandboxNumber/ops",
        ])
    }

    @Test("a dependency overrides kind order")
    func dependencyBeatsKindOrder() throws {
        let order = try Self.graph(["SmsRole/r": ["SandboxNumber/n"], "SandboxNumber/n": []]).applyOrder
        #expect(order.map(\.description) == ["SandboxNumber/n", "SmsRole/r"])
    }

    @Test("delete order is the reverse of apply order")
    func deleteOrder() throws {
        let graph = try Self.graph(Self.typical)
        #expect(graph.deleteOrder == graph.applyOrder.reversed())
        #expect(graph.deleteOrder.first?.description == "SandboxNumber/ops")
    }

    @Test("cycles are named, starting at their smallest member", arguments: [
        (["UserPool/p": ["AppClient/c"], "AppClient/c": ["UserPool/p"], "SmsRole/r": []],
         "dependency cycle: UserPool/p → AppClient/c → UserPool/p"),
        (["UserPool/p": ["UserPool/p"]], "dependency cycle: UserPool/p → UserPool/p"),
        (["SmsRole/a": ["AppClient/x"], "AppClient/x": ["MfaPolicy/m"], "MfaPolicy/m": ["UserPool/p"],
          "UserPool/p": ["AppClient/x"]],
         "dependency cycle: UserPool/p → AppClient/x → MfaPolicy/m → UserPool/p"),
    ])
    func cycles(edges: [String: [String]], message: String) {
        #expect {
            _ = try Self.graph(edges)
        } throws: { error in
            (error as? GraphError)?.message == message && (error as? GraphError)?.code == "graph.cycle"
        }
    }

    @Test("a dependency on an undefined resource is an error")
    func unknownDependency() {
        #expect(throws: GraphError.unknownDependency(resource: Self.address("AppClient/web"),
                                                     missing: Self.address("UserPool/gone"))) {
            try Self.graph(["AppClient/web": ["UserPool/gone"]])
        }
    }

    @Test("dependents are transitive and in apply order")
    func dependents() throws {
        let graph = try Self.graph(Self.typical)
        #expect(graph.dependents(of: Self.address("SmsRole/cognito-sms")).map(\.description) == [
            "UserPool/qnatime", "AppClient/admin", "AppClient/web", "MfaPolicy/qnatime",
        ])
        #expect(graph.dependents(of: Self.address("SandboxNumber/ops")).isEmpty)
        #expect(graph.directDependents(of: Self.address("SmsRole/cognito-sms")).map(\.description) == ["UserPool/qnatime"])
        #expect(graph.dependencies(of: Self.address("AppClient/web")).map(\.description) == ["UserPool/qnatime"])
        #expect(graph.contains(Self.address("PhonePool/main")))
        #expect(!graph.contains(Self.address("PhonePool/other")))
    }

    @Test("order does not depend on insertion order of a large graph")
    func stableLargeGraph() throws {
        var edges: [String: [String]] = [:]
        for index in 0..<200 {
            edges["UserPool/p\(index)"] = ["SmsRole/r\(index % 7)"]
            edges["AppClient/c\(index)"] = ["UserPool/p\(index)"]
            edges["SmsRole/r\(index % 7)"] = []
        }
        let first = try Self.graph(edges).applyOrder
        let second = try Self.graph(edges).applyOrder
        #expect(first == second)
        #expect(first.count == 407)
        #expect(first.prefix(7).allSatisfy { $0.kind == .smsRole })
    }
}
