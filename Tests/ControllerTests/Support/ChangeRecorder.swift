import Foundation

@testable import Controller

/// Records a watcher's changes and lets a test wait, with a deadline, until a condition on them holds.
actor ChangeRecorder {
    /// One test waiting for a condition.
    private struct Waiter {
        /// Waiter id, for the timeout.
        let id: Int
        /// The condition on all changes recorded so far.
        let condition: @Sendable ([DirectoryChange]) -> Bool
        /// Resumed with true when the condition holds, false at the deadline.
        let continuation: CheckedContinuation<Bool, Never>
    }

    /// Every change recorded, in order.
    private(set) var changes: [DirectoryChange] = []
    /// Pending waiters.
    private var waiters: [Waiter] = []
    /// Next waiter id.
    private var nextID = 0

    /// Starts consuming `stream` in the background.
    init(_ stream: AsyncStream<DirectoryChange>) {
        Task { [weak self] in
            for await change in stream { await self?.record(change) }
        }
    }

    /// Number of changes so far: pass it to `waitFor(after:)` to look only at later changes.
    var mark: Int { changes.count }

    /// Waits (at most `timeout` of real time, for real inotify events) until `condition` holds for the changes
    /// recorded after index `start`; returns whether it did.
    func waitFor(
        after start: Int = 0, timeout: Duration = .seconds(5),
        _ condition: @escaping @Sendable ([DirectoryChange]) -> Bool
    ) async -> Bool {
        let sliced: @Sendable ([DirectoryChange]) -> Bool = { condition(Array($0.dropFirst(start))) }
        if sliced(changes) { return true }
        nextID += 1
        let id = nextID
        let deadline = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            await self?.expire(id)
        }
        let result = await withCheckedContinuation { continuation in
            waiters.append(Waiter(id: id, condition: sliced, continuation: continuation))
        }
        deadline.cancel()
        return result
    }

    /// Waits until the changes after `start` include `.changed(path:)` for every one of `paths`.
    func waitForPaths(after start: Int = 0, _ paths: Set<String>) async -> Bool {
        await waitFor(after: start) { changes in
            paths.isSubset(of: Set(changes.compactMap(\.changedPath)))
        }
    }

    /// Appends a change and resumes the waiters whose condition now holds.
    private func record(_ change: DirectoryChange) {
        changes.append(change)
        let satisfied = waiters.filter { $0.condition(changes) }
        waiters.removeAll { waiter in satisfied.contains { $0.id == waiter.id } }
        for waiter in satisfied { waiter.continuation.resume(returning: true) }
    }

    /// Resumes waiter `id` with false if it is still waiting.
    private func expire(_ id: Int) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(returning: false)
    }
}

extension DirectoryChange {
    /// The path of a `.changed` change, nil for a rescan.
    var changedPath: String? {
        if case .changed(let path) = self { return path }
        return nil
    }
}
