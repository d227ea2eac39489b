/// A position in a manifest file, as editors and CI annotations understand it.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file path as shown to the user (the directory as given, then the path inside it).
    public var file: String
    /// Line number, starting at 1.
    public var line: Int
    /// Column number, starting at 1, counted in Unicode scalars.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }

    /// Orders by file, then line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// A manifest value together with where it was written.
///
/// Equality compares the values only, so moving a field within a file (or adding a comment above it) does not count
/// as a change of the desired state. `Equatable` is a conditional conformance (every value type in use is
/// `Equatable`): a requirement on `Value` itself would make the runtime look the conformance up each time a
/// `Located<…>` type is first made by name, a scan of every conformance in the binary.
public struct Located<Value: Sendable>: Sendable {
    /// The value as read (and, where documented, normalised).
    public var value: Value
    /// Where the value was written.
    public var location: SourceLocation

    /// Creates a located value.
    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {
    /// Compares values, ignoring locations.
    public static func == (lhs: Located<Value>, rhs: Located<Value>) -> Bool { lhs.value == rhs.value }
}
