/// Yields to other tasks until `condition` holds, at most `maxYields` times; returns whether it held.
///
/// For waiting on work that is already runnable (a task reaching its `sleep`), never on wall-clock time.
func eventually(maxYields: Int = 10_000, _ condition: () async -> Bool) async -> Bool {
    for _ in 0..<maxYields {
        if await condition() { return true }
        await Task.yield()
    }
    return await condition()
}
