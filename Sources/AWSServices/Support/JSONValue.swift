import AWSCore

/// `JSONValue` lives in AWSCore, whose JSON reader builds it; this name keeps it reachable through AWSServices.
public typealias JSONValue = AWSCore.JSONValue
