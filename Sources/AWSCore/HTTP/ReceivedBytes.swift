import NIOCore

/// The first handler of a connection's pipeline: counts the bytes read from the socket (before any TLS or tunnel).
final class ReceivedBytes: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// Bytes read so far.
    private(set) var count: UInt64 = 0

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        count += UInt64(unwrapInboundIn(data).readableBytes)
        context.fireChannelRead(data)
    }
}

#if os(Linux)
/// Linux's `struct tcp_info` (linux/tcp.h) as far as `tcpi_bytes_received` (Linux 4.1 and later; glibc's `tcp_info`
/// ends before it): 136 bytes, the connection's state in the first, the bytes received at offset 128 (zero on an
/// older kernel, which then only has its state checked).
struct KernelTCPInfo: Sendable {
    /// `TCP_ESTABLISHED`.
    static let established: UInt8 = 1
    /// The raw bytes.
    private var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                        UInt64, UInt64, UInt64, UInt64, UInt64)

    /// `tcpi_state`.
    var state: UInt8 { withUnsafeBytes(of: words) { $0[0] } }
    /// `tcpi_bytes_received`: the bytes the kernel received in order, read or not.
    var bytesReceived: UInt64 { withUnsafeBytes(of: words) { $0.load(fromByteOffset: 128, as: UInt64.self) } }
}
#endif
