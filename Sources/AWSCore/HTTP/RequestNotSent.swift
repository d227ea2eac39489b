/// An error a transport raises on purpose before anything leaves the process (a lease-holding controller's fence
/// that has closed): the client passes it on as it is, neither retried nor reported as a network failure.
public protocol RequestNotSent: Error {}
