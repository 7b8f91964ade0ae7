import AsyncHTTPClient
import Foundation
import NIOCore
import TIDomain
import TIPersistence
import Vapor

/// `ti bench export`: streams `/donnees/subventions.csv` over real HTTP (the server started on a
/// loopback port inside this process, read by an HTTP client that keeps nothing) and samples the
/// process's resident memory while the lines flow, to show it stays flat whatever the number of
/// lines. Prints lines, size, time, throughput and memory before, at its highest and after.
enum BenchExport {
    struct Result {
        var lines = 0
        var bytes = 0
        var seconds = 0.0
        var rssBefore = 0
        var rssPeak = 0
        var rssAfter = 0
        var firstByteMs = 0.0
    }

    static func run(_ app: Application, say: @escaping (String) -> Void) async throws -> Result {
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        guard let port = app.http.server.shared.localAddress?.port else { throw Abort(.internalServerError, reason: "no port") }
        let client = app.http.client.shared
        var result = Result()
        // A first, short read warms the routes and the awarding bodies.
        _ = try await client.execute(
            HTTPClientRequest(url: "http://127.0.0.1:\(port)/donnees/subventions.csv?region=94"), timeout: .seconds(60)
        )
        .body.collect(upTo: 64 << 20)
        result.rssBefore = residentKB()
        result.rssPeak = result.rssBefore
        let start = DispatchTime.now()
        let response = try await client.execute(
            HTTPClientRequest(url: "http://127.0.0.1:\(port)/donnees/subventions.csv"), timeout: .seconds(3_600))
        guard response.status == .ok else { throw Abort(.internalServerError, reason: "subventions.csv → \(response.status.code)") }
        var chunks = 0
        for try await buffer in response.body {
            if chunks == 0 { result.firstByteMs = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6 }
            result.bytes += buffer.readableBytes
            result.lines += buffer.readableBytesView.lazy.filter { $0 == UInt8(ascii: "\n") }.count
            chunks += 1
            if chunks % 64 == 0 {
                result.rssPeak = max(result.rssPeak, residentKB())
                if chunks % 4_096 == 0 { say("… \(FrenchNumber.grouped(Int64(result.lines))) lignes lues") }
            }
        }
        result.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        result.rssPeak = max(result.rssPeak, residentKB())
        result.rssAfter = residentKB()
        result.lines -= 1  // the header
        await app.server.shutdown()
        return result
    }

    /// The process's resident set size in kB (`VmRSS` of `/proc/self/status`; 0 where there is none).
    static func residentKB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}
