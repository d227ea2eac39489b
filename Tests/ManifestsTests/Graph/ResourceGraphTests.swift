import Testing
@testable import Manifests

/// Apply order, closures, cycles and dependents of the one graph type.
@Suite("ResourceGraph")
struct ResourceGraphTests {
    /// The address parsed from `Kind/name`.
    static func address(_ text: String) -> ResourceID {
        let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
        return ResourceID(ResourceKind(rawValue: parts[0]) ?? .userPool, parts.count > 1 ? parts[1] : text)
    }

    /// Each node's direct dependencies, from `Kind/name` strings.
    static func edges(_ edges: [String: [String]]) -> [ResourceID: [ResourceID]] {
        Dictionary(uniqueKeysWithValues: edges.map { (address($0.key), $0.value.map(address)) })
    }

    /// A graph from `Kind/name` strings.
    static func graph(_ edges: [String: [String]]) throws(GraphError) -> ResourceGraph {
        try ResourceGraph(dependencies: Self.edges(edges)).checked()
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

    @Test("dependents are transitive, through the union of the graphs given")
    func dependents() throws {
        let typical = Self.edges(Self.typical)
        #expect(ResourceGraph.withDependents(of: [Self.address("SmsRole/cognito-sms")], in: [typical])
                    .map(\.description).sorted()
                == ["AppClient/admin", "AppClient/web", "MfaPolicy/qnatime", "SmsRole/cognito-sms", "UserPool/qnatime"])
        #expect(ResourceGraph.withDependents(of: [Self.address("SandboxNumber/ops")], in: [typical])
                == [Self.address("SandboxNumber/ops")])
        // A path may take its edges from both graphs: a role's pool in one, the pool's client in the other.
        let before = [Self.address("UserPool/p"): [Self.address("SmsRole/r")]]
        let after = [Self.address("AppClient/c"): [Self.address("UserPool/p")]]
        #expect(ResourceGraph.withDependents(of: [Self.address("SmsRole/r")], in: [before, after])
                == [Self.address("SmsRole/r"), Self.address("UserPool/p"), Self.address("AppClient/c")])
        let graph = try Self.graph(Self.typical)
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

    @Test("the closure of resources is them and everything they depend on, through others")
    func closure() throws {
        let graph = try Self.graph(Self.typical)
        #expect(graph.closure(of: [Self.address("AppClient/web"), Self.address("PhonePool/main")]).map(\.description).sorted()
                == ["AppClient/web", "OriginationIdentity/tollfree", "PhonePool/main", "SmsRole/cognito-sms",
                    "UserPool/qnatime"])
        #expect(graph.closure(of: [Self.address("SmsRole/cognito-sms")]).map(\.description) == ["SmsRole/cognito-sms"])
    }

    @Test("building never fails: unknown dependencies and every cycle are reported, ordering leaves them out")
    func tolerantBuild() {
        let graph = ResourceGraph(dependencies: [
            Self.address("UserPool/p"): [Self.address("AppClient/c")], Self.address("AppClient/c"): [Self.address("UserPool/p")],
            Self.address("MfaPolicy/m"): [Self.address("UserPool/p")],
            Self.address("SmsRole/a"): [Self.address("SmsRole/a")],
            Self.address("PhonePool/x"): [Self.address("OriginationIdentity/gone")],
        ])
        #expect(graph.cycles.map { $0.map(\.description) } == [
            ["SmsRole/a", "SmsRole/a"], ["UserPool/p", "AppClient/c", "UserPool/p"],
        ])
        #expect(graph.unknownDependencies.map { "\($0.node) -> \($0.missing)" } == ["PhonePool/x -> OriginationIdentity/gone"])
        #expect(graph.applyOrder.map(\.description) == ["PhonePool/x"])
    }

    @Test("the walks without a graph find a cycle exactly when there is one", arguments: [
        ([:], false),
        (["UserPool/p": []], false),
        (["UserPool/p": ["UserPool/p"]], true),
        (["UserPool/p": ["AppClient/c"], "AppClient/c": ["UserPool/p"]], true),
        (["AppClient/c": ["UserPool/p"], "MfaPolicy/m": ["UserPool/p"], "UserPool/p": ["SmsRole/r"], "SmsRole/r": []],
         false),
        // A dependency that is not a node has no edges: no cycle through it.
        (["PhonePool/x": ["OriginationIdentity/gone"], "AppClient/c": ["PhonePool/x", "PhonePool/x"]], false),
        (["SmsRole/a": ["AppClient/x"], "AppClient/x": ["MfaPolicy/m"], "MfaPolicy/m": ["UserPool/p"],
          "UserPool/p": ["AppClient/x"]], true),
    ] as [([String: [String]], Bool)])
    func hasCycle(edges: [String: [String]], expected: Bool) {
        let dependencies = Self.edges(edges)
        #expect(ResourceGraph.hasCycle(dependencies) == expected)
        #expect(ResourceGraph.hasCycle(dependencies) == !ResourceGraph(dependencies: dependencies).cycles.isEmpty)
    }

    @Test("on random graphs, the walks without a graph agree with the graph's")
    func walksAgreeWithTheGraph() {
        var random = SeededGenerator(seed: 20261207)
        let names = (0..<12).map { ResourceID(.userPool, "p\($0)") } + [ResourceID(.smsRole, "outside")]
        var cyclic = 0
        for _ in 0..<500 {
            var dependencies: [ResourceID: [ResourceID]] = [:]
            for node in names.dropLast() where Int.random(in: 0..<4, using: &random) > 0 {
                dependencies[node] = (0..<Int.random(in: 0..<3, using: &random)).map { _ in
                    names.randomElement(using: &random)!
                }
            }
            var other: [ResourceID: [ResourceID]] = [:]
            for node in names.dropLast() where Bool.random(using: &random) {
                other[node] = [names.randomElement(using: &random)!]
            }
            let graph = ResourceGraph(dependencies: dependencies)
            let roots = Set(names.filter { _ in Int.random(in: 0..<5, using: &random) == 0 })
            #expect(ResourceGraph.hasCycle(dependencies) == !graph.cycles.isEmpty)
            if !graph.cycles.isEmpty { cyclic += 1 }
            #expect(ResourceGraph.closure(of: roots, in: dependencies) == graph.closure(of: roots))
            // Dependents by brute force: add every node with an edge, in either graph, to one found, until none.
            var dependents = roots
            var grew = true
            while grew {
                grew = false
                for graph in [dependencies, other] {
                    for (node, direct) in graph
                    where !dependents.contains(node) && direct.contains(where: dependents.contains) {
                        dependents.insert(node)
                        grew = true
                    }
                }
            }
            #expect(ResourceGraph.withDependents(of: roots, in: [dependencies, other]) == dependents)
        }
        // Both answers are exercised.
        #expect((100...400).contains(cyclic))
    }
}

/// SplitMix64: the same random graphs in every run.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
