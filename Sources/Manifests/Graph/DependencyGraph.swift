/// Nodes and what each depends on: the one graph walk of the project. Resources are ordered, focused, invalidated
/// and checked for cycles through it (`ResourceGraph`), and so are kinds (`ResourceKind.applyOrder`).
///
/// Building never fails: the validator and the controller walk graphs whose references may name nothing or form a
/// circle. `order` is topological (every node after its dependencies); among nodes ready at the same time the one
/// first in the graph's sort order goes first, so the order never depends on dictionary iteration.
public struct DependencyGraph<Node: Hashable & Sendable>: Sendable {
    /// Every node (a key of the dependencies it was built from), in the graph's sort order.
    public let nodes: [Node]
    /// Every node that is neither on a cycle nor depends on one (directly or through others), in apply order:
    /// all of `nodes` when the graph has no cycle.
    public let order: [Node]
    private let dependenciesByNode: [Node: [Node]]
    private let dependentsByNode: [Node: [Node]]

    /// Builds the graph from each node's direct dependencies (duplicates ignored), sorted by `areInIncreasingOrder`.
    public init(dependencies: [Node: [Node]], by areInIncreasingOrder: (Node, Node) -> Bool) {
        let nodes = dependencies.keys.sorted(by: areInIncreasingOrder)
        var normalized: [Node: [Node]] = [:]
        var dependents: [Node: [Node]] = [:]
        for node in nodes {
            let direct = Array(Set(dependencies[node] ?? [])).sorted(by: areInIncreasingOrder)
            normalized[node] = direct
            for dependency in direct { dependents[dependency, default: []].append(node) }
        }
        self.nodes = nodes
        self.dependenciesByNode = normalized
        self.dependentsByNode = dependents
        self.order = Self.topologicalOrder(nodes: nodes, dependencies: normalized, dependents: dependents,
                                           by: areInIncreasingOrder)
    }

    /// Whether `node` is in the graph.
    public func contains(_ node: Node) -> Bool { dependenciesByNode[node] != nil }

    /// The direct dependencies of `node`, sorted (including any that are not nodes of the graph).
    public func dependencies(of node: Node) -> [Node] { dependenciesByNode[node] ?? [] }

    /// The nodes that depend on `node` directly, sorted.
    public func directDependents(of node: Node) -> [Node] { dependentsByNode[node] ?? [] }

    /// `roots` and everything they depend on, directly or through others.
    public func closure(of roots: some Sequence<Node>) -> Set<Node> {
        Self.closure(of: roots, in: dependenciesByNode)
    }

    /// `roots` and everything they depend on in `dependencies`, directly or through others: `closure(of:)` without
    /// building the graph (no sort, no apply order), for a caller that needs only the walk.
    public static func closure(of roots: some Sequence<Node>, in dependencies: [Node: [Node]]) -> Set<Node> {
        reachable(from: roots, following: { dependencies[$0] ?? [] })
    }

    /// `roots` and every node that depends on one of them, directly or through others, in the union of `graphs`
    /// (each a node's direct dependencies), without building a graph.
    public static func withDependents(of roots: some Sequence<Node>, in graphs: [[Node: [Node]]]) -> Set<Node> {
        var dependents: [Node: [Node]] = [:]
        for graph in graphs {
            for (node, direct) in graph {
                for dependency in direct { dependents[dependency, default: []].append(node) }
            }
        }
        return reachable(from: roots, following: { dependents[$0] ?? [] })
    }

    /// Whether `dependencies` has a cycle, by a depth-first walk that neither sorts nor orders: the cheap test
    /// before `cycles`, which names them in a stable order but needs the whole graph built.
    public static func hasCycle(_ dependencies: [Node: [Node]]) -> Bool {
        var state: [Node: Bool] = [:]  // false: on the current path; true: done, no cycle through it
        for start in dependencies.keys where state[start] == nil {
            var path: [(node: Node, next: Array<Node>.Index)] = [(start, 0)]
            state[start] = false
            while let (node, next) = path.last {
                let direct = dependencies[node] ?? []
                guard next < direct.count else {
                    state[node] = true
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next = next + 1
                let dependency = direct[next]
                switch state[dependency] {
                case false?: return true
                case true?: continue
                case nil where dependencies[dependency] == nil: state[dependency] = true  // not a node: no edges
                case nil:
                    state[dependency] = false
                    path.append((dependency, 0))
                }
            }
        }
        return false
    }

    /// Dependencies that are not nodes of the graph, as (node, missing dependency), in the graph's sort order.
    public var unknownDependencies: [(node: Node, missing: Node)] {
        nodes.flatMap { node in dependencies(of: node).filter { !contains($0) }.map { (node, $0) } }
    }

    /// Each cycle once, as the path that closes it (first node repeated at the end, each node depending on the
    /// next), found by a depth-first walk from the nodes in sort order, in time linear in the graph's size.
    public var cycles: [[Node]] {
        var visiting: Set<Node> = [], done: Set<Node> = []
        var stack: [Node] = []
        var found: [[Node]] = []
        func visit(_ node: Node) {
            visiting.insert(node)
            stack.append(node)
            for next in dependencies(of: node) where !done.contains(next) {
                if visiting.contains(next) {
                    if let start = stack.firstIndex(of: next) { found.append(Array(stack[start...]) + [next]) }
                } else {
                    visit(next)
                }
            }
            stack.removeLast()
            visiting.remove(node)
            done.insert(node)
        }
        for node in nodes where !done.contains(node) { visit(node) }
        return found
    }

    /// Every node reached from `starts` through `next` (the starts included).
    private static func reachable(from starts: some Sequence<Node>, following next: (Node) -> [Node]) -> Set<Node> {
        var found = Set(starts)
        var pending = Array(found)
        while let node = pending.popLast() {
            for neighbour in next(node) where found.insert(neighbour).inserted { pending.append(neighbour) }
        }
        return found
    }

    /// Kahn's algorithm, always taking the first ready node; dependencies outside the graph count as met.
    private static func topologicalOrder(nodes: [Node], dependencies: [Node: [Node]], dependents: [Node: [Node]],
                                         by areInIncreasingOrder: (Node, Node) -> Bool) -> [Node] {
        var remaining: [Node: Int] = [:]
        for node in nodes { remaining[node] = dependencies[node, default: []].filter { dependencies[$0] != nil }.count }
        var ready = ReadyNodes<Node>()
        for node in nodes where remaining[node] == 0 { ready.insert(node, by: areInIncreasingOrder) }
        var order: [Node] = []
        while let next = ready.popFirst(by: areInIncreasingOrder) {
            order.append(next)
            remaining[next] = nil
            for dependent in dependents[next] ?? [] {
                guard let count = remaining[dependent] else { continue }
                remaining[dependent] = count - 1
                if count == 1 { ready.insert(dependent, by: areInIncreasingOrder) }
            }
        }
        return order
    }
}

/// The nodes ready to be ordered, first in sort order on top: a binary min-heap, so that taking the first and adding
/// a released node cost O(log n) (re-sorting the whole ready list at every release was quadratic, half the time of
/// validating 10,000 manifests).
private struct ReadyNodes<Node> {
    /// The heap: each element is not after its children (`2i + 1`, `2i + 2`) in the order every call is given.
    private var heap: [Node] = []

    /// Adds `node`; `areInIncreasingOrder` is the graph's sort order (the same in every call).
    mutating func insert(_ node: Node, by areInIncreasingOrder: (Node, Node) -> Bool) {
        heap.append(node)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard areInIncreasingOrder(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the first node in sort order; nil when empty.
    mutating func popFirst(by areInIncreasingOrder: (Node, Node) -> Bool) -> Node? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let first = heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count, areInIncreasingOrder(heap[left], heap[smallest]) { smallest = left }
            if right < heap.count, areInIncreasingOrder(heap[right], heap[smallest]) { smallest = right }
            guard smallest != parent else { return first }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
