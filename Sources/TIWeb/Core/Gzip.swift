import CZlib
import NIOCore

/// gzip (RFC 1952) in one call, through the system's zlib: for bodies compressed once and served
/// many times (`PageCache`), where compressing on every response would cost more than rendering.
enum Gzip {
    /// `input` compressed at zlib's default level, or nil if zlib refuses (never for a valid buffer).
    static func compress(_ input: ByteBuffer, allocator: ByteBufferAllocator = ByteBufferAllocator()) -> ByteBuffer? {
        var stream = z_stream()
        // windowBits 15 + 16: a gzip header and trailer instead of zlib's.
        guard
            deflateInit2_(
                &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { return nil }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(input.readableBytes))) + 32
        var output = allocator.buffer(capacity: bound)
        var finished = false
        var source = input
        source.withUnsafeMutableReadableBytes { src in
            output.writeWithUnsafeMutableBytes(minimumWritableBytes: bound) { dst in
                stream.next_in = src.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_in = uInt(src.count)
                stream.next_out = dst.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(dst.count)
                finished = deflate(&stream, Z_FINISH) == Z_STREAM_END
                return finished ? dst.count - Int(stream.avail_out) : 0
            }
        }
        return finished ? output : nil
    }
}
