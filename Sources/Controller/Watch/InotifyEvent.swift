/// inotify event bits (from `<sys/inotify.h>`), as the kernel reports them.
enum InotifyMask {
    /// File was modified.
    static let modify: UInt32 = 0x0000_0002
    /// Writable file was closed.
    static let closeWrite: UInt32 = 0x0000_0008
    /// Entry moved out of the watched directory.
    static let movedFrom: UInt32 = 0x0000_0040
    /// Entry moved into the watched directory.
    static let movedTo: UInt32 = 0x0000_0080
    /// Entry created in the watched directory.
    static let create: UInt32 = 0x0000_0100
    /// Entry deleted from the watched directory.
    static let delete: UInt32 = 0x0000_0200
    /// The watched directory itself was deleted.
    static let deleteSelf: UInt32 = 0x0000_0400
    /// The watched directory itself was moved.
    static let moveSelf: UInt32 = 0x0000_0800
    /// The kernel's event queue overflowed: events were lost.
    static let queueOverflow: UInt32 = 0x0000_4000
    /// The watch was removed (explicitly or because its directory is gone).
    static let ignored: UInt32 = 0x0000_8000
    /// Only watch the path if it is a directory.
    static let onlyDirectory: UInt32 = 0x0100_0000
    /// Do not follow a symbolic link at the watched path.
    static let dontFollow: UInt32 = 0x0200_0000
    /// The event concerns a directory.
    static let isDirectory: UInt32 = 0x4000_0000

    /// Events watched on every directory of the tree.
    static let tree: UInt32 =
        create | delete | modify | movedFrom | movedTo | closeWrite | deleteSelf | moveSelf | onlyDirectory
    /// Events watched on the root's parent directory, to notice the root (or its symlink) being replaced.
    static let parent: UInt32 = create | delete | movedFrom | movedTo | onlyDirectory
}

/// One decoded `struct inotify_event`.
struct InotifyEvent: Sendable, Equatable {
    /// Watch descriptor the event belongs to; -1 for a queue overflow.
    let watchDescriptor: Int32
    /// Event bits (`InotifyMask`).
    let mask: UInt32
    /// Entry name inside the watched directory; empty for events about the directory itself.
    let name: String

    /// Whether any of `bits` is set.
    func has(_ bits: UInt32) -> Bool {
        mask & bits != 0
    }

    /// Size of the fixed part of `struct inotify_event` (wd, mask, cookie, len).
    static let headerSize = 16

    /// Decodes every complete event in `bytes` (the result of one `read` of an inotify descriptor).
    static func decode(_ bytes: UnsafeRawBufferPointer) -> [InotifyEvent] {
        var events: [InotifyEvent] = []
        var offset = 0
        while offset + headerSize <= bytes.count {
            let descriptor = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let nameLength = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameStart = offset + headerSize
            guard nameStart + nameLength <= bytes.count else { break }
            let nameBytes = bytes[nameStart..<(nameStart + nameLength)].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            events.append(InotifyEvent(watchDescriptor: descriptor, mask: mask, name: name))
            offset = nameStart + nameLength
        }
        return events
    }
}
