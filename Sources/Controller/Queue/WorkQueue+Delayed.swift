/// Delayed adds: one timer task sleeps until the earliest delayed key is ready.
extension WorkQueue {
    /// Adds `key` once `delay` has passed on the queue's clock; a zero or negative delay adds at once.
    ///
    /// A key already delayed keeps the earlier of its two ready times. No-op after shutdown.
    public func add(_ key: Key, after delay: Duration) {
        guard !isShuttingDown else { return }
        guard delay > .zero else {
            add(key)
            return
        }
        let readyAt = clock.now() + delay
        if let existing = delayed[key], existing <= readyAt { return }
        delayed[key] = readyAt
        scheduleTimer()
    }

    /// Makes sure a timer is sleeping until the earliest delayed ready time (and no other timer is).
    func scheduleTimer() {
        guard let earliest = delayed.values.min() else {
            timer?.task.cancel()
            timer = nil
            return
        }
        if let timer, timer.deadline == earliest { return }
        timer?.task.cancel()
        timerGeneration += 1
        let generation = timerGeneration
        let clock = clock
        let task = Task {
            do {
                try await clock.sleep(until: earliest)
            } catch {
                return
            }
            self.fireDelayed(generation: generation)
        }
        timer = (generation, earliest, task)
    }

    /// Moves every delayed key whose time has come into the queue, earliest first, and re-arms the timer.
    func fireDelayed(generation: Int) {
        guard let timer, timer.generation == generation else { return }
        self.timer = nil
        let now = clock.now()
        let due = delayed.filter { $0.value <= now }.sorted { $0.value < $1.value }
        for (key, _) in due {
            delayed.removeValue(forKey: key)
            add(key)
        }
        scheduleTimer()
    }

    /// Drops every delayed key and stops the timer.
    func cancelDelayed() {
        delayed.removeAll()
        timer?.task.cancel()
        timer = nil
    }
}
