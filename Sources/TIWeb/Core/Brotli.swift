import NIOCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Brotli (RFC 7932) in one call, through the system's encoder (Debian's `libbrotli1`), loaded when
/// first asked: for kept pages asked for again (`PageCache.entry`), compressed once per data version
/// and served many times. About a fifth smaller than their gzip for 25 to 35 ms per 100 KB page.
/// Without the library, pages are kept in gzip only, and the server says so at start.
enum Brotli {
    /// The encoder's two functions, from `libbrotlienc.so.1` (nil when the system has none).
    private struct Encoder: @unchecked Sendable {  // C function pointers: no state, callable from any thread
        typealias Compress =
            @convention(c) (
                Int32, Int32, Int32, Int, UnsafePointer<UInt8>?, UnsafeMutablePointer<Int>?, UnsafeMutablePointer<UInt8>?
            ) -> Int32
        typealias Bound = @convention(c) (Int) -> Int
        let compress: Compress
        let bound: Bound

        static let system: Encoder? = {
            #if os(Linux)
                let library = "libbrotlienc.so.1"
            #else
                let library = "libbrotlienc.1.dylib"
            #endif
            guard let handle = dlopen(library, RTLD_NOW | RTLD_LOCAL),
                let compress = dlsym(handle, "BrotliEncoderCompress"),
                let bound = dlsym(handle, "BrotliEncoderMaxCompressedSize")
            else { return nil }
            return Encoder(compress: unsafeBitCast(compress, to: Compress.self), bound: unsafeBitCast(bound, to: Bound.self))
        }()
    }

    static var isAvailable: Bool { Encoder.system != nil }

    /// Quality 10 of 11: 11 takes three times as long for a page no smaller.
    static let quality: Int32 = 10
    /// A 4 MB window (the format's default), and the mode for UTF-8 text.
    private static let window: Int32 = 22
    private static let textMode: Int32 = 1

    /// `input` compressed, or nil without the library (or if the encoder refuses: never for a buffer).
    static func compress(_ input: ByteBuffer, allocator: ByteBufferAllocator = ByteBufferAllocator()) -> ByteBuffer? {
        guard let encoder = Encoder.system else { return nil }
        let bound = max(encoder.bound(input.readableBytes), input.readableBytes + 1_024)
        var output = allocator.buffer(capacity: bound)
        var written = false
        input.withUnsafeReadableBytes { source in
            output.writeWithUnsafeMutableBytes(minimumWritableBytes: bound) { target in
                var size = target.count
                written =
                    encoder.compress(
                        quality, window, textMode, source.count, source.baseAddress?.assumingMemoryBound(to: UInt8.self), &size,
                        target.baseAddress?.assumingMemoryBound(to: UInt8.self)) == 1
                return written ? size : 0
            }
        }
        return written ? output : nil
    }
}
