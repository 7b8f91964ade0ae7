import Foundation

/// Elapsed wall time for progress lines: `[  12,3 s] step…`
public struct Stopwatch: Sendable {
    let start = DispatchTime.now()

    public init() {}

    public var seconds: Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }

    public func line(_ message: String) -> String {
        let s = seconds
        let text = String(Int(s)) + "," + String(Int((s * 10).truncatingRemainder(dividingBy: 10)))
        return "[\(String(repeating: " ", count: max(0, 6 - text.count)))\(text) s] \(message)"
    }
}
