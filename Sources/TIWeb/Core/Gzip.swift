import CZlib
import NIOCore
import Vapor

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

extension Gzip {
    /// Text answers: HTML, CSS, CSV, JSON, GeoJSON, SVG, JavaScript.
    static func isCompressible(_ type: HTTPMediaType) -> Bool {
        type.type == "text" || ["json", "geo+json", "ld+json", "xml", "svg+xml", "javascript"].contains(type.subType)
    }
}

/// What a client's `Accept-Encoding` accepts, read once per answer and byte by byte: every kept
/// page asks, and Foundation's string search would cost more than the rest of its answer. A coding
/// named with a weight above 0 is accepted (`gzip` or `x-gzip`, `br`), else `*` with one decides.
struct AcceptEncoding {
    enum Coding: Equatable { case identity, gzip, brotli }

    private var gzip: Double?
    private var brotli: Double?
    private var any: Double?

    init(_ headers: HTTPHeaders) {
        for field in headers[.acceptEncoding] {
            for coding in field.utf8.split(separator: UInt8(ascii: ",")) {
                let parts = coding.split(separator: UInt8(ascii: ";"))
                guard let name = parts.first.map(Self.trimmed) else { continue }
                let weight =
                    parts.dropFirst().lazy.map(Self.trimmed).first { $0.first == UInt8(ascii: "q") || $0.first == UInt8(ascii: "Q") }
                    .map(Self.weight) ?? 1
                if Self.equalsIgnoringCase(name, "gzip") || Self.equalsIgnoringCase(name, "x-gzip") {
                    gzip = weight
                } else if Self.equalsIgnoringCase(name, "br") {
                    brotli = weight
                } else if name.elementsEqual("*".utf8) {
                    any = weight
                }
            }
        }
    }

    var acceptsGzip: Bool { (gzip ?? any ?? 0) > 0 }
    var acceptsBrotli: Bool { (brotli ?? any ?? 0) > 0 }

    /// Of the forms an answer has, the one the client weighs highest; brotli on a tie (smaller).
    func preferred(gzip hasGzip: Bool, brotli hasBrotli: Bool) -> Coding {
        let gzipWeight = hasGzip ? (gzip ?? any ?? 0) : 0
        let brotliWeight = hasBrotli ? (brotli ?? any ?? 0) : 0
        if brotliWeight > 0 && brotliWeight >= gzipWeight { return .brotli }
        return gzipWeight > 0 ? .gzip : .identity
    }

    private static func trimmed(_ bytes: Substring.UTF8View.SubSequence) -> Substring.UTF8View.SubSequence {
        let space: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard let start = bytes.firstIndex(where: { !space($0) }), let end = bytes.lastIndex(where: { !space($0) }) else {
            return bytes[bytes.endIndex...]
        }
        return bytes[start...end]
    }

    private static func equalsIgnoringCase(_ bytes: Substring.UTF8View.SubSequence, _ name: StaticString) -> Bool {
        bytes.count == name.utf8CodeUnitCount
            && zip(bytes, UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)).allSatisfy { $0 | 0x20 == $1 }
    }

    /// `q=0.8` → 0.8; `q=0`, `q=0.000` or a malformed weight → 0.
    private static func weight(_ parameter: Substring.UTF8View.SubSequence) -> Double {
        let value = parameter.drop { $0 != UInt8(ascii: "=") }.dropFirst()
        return Double(String(decoding: value, as: UTF8.self)).map { min(max($0, 0), 1) } ?? 0
    }
}
