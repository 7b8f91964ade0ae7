import Foundation
import Vapor

/// The `TI-Signature` header of a delivery: `t=<unix seconds>,v1=<hex HMAC-SHA256>`, the HMAC
/// keyed with the subscription's secret over `<t>.<body>`. The receiver recomputes it and
/// refuses a timestamp too far from its own clock (replays).
enum WebhookSignature {
    static func header(secret: String, timestamp: Int64, body: String) -> String {
        "t=\(timestamp),v1=\(hmac(secret: secret, timestamp: timestamp, body: body))"
    }

    static func hmac(secret: String, timestamp: Int64, body: String) -> String {
        let key = SymmetricKey(data: Data(secret.utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(timestamp).\(body)".utf8), using: key)
        return mac.map { String(format: "%02x", $0) }.joined()
    }
}
