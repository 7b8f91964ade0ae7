infix operator +| : AdditionPrecedence
infix operator +|= : AssignmentPrecedence

/// Saturating addition for figures summed from stored data: a corrupt or hostile row can make a
/// figure absurd (and visible), never crash the page that shows it.
extension FixedWidthInteger {
    public static func +| (a: Self, b: Self) -> Self {
        let (sum, overflow) = a.addingReportingOverflow(b)
        guard overflow else { return sum }
        return b > 0 ? .max : .min
    }

    public static func +|= (a: inout Self, b: Self) {
        let sum = a +| b
        a = sum
    }
}

extension FixedWidthInteger {
    /// The nearest representable integer (truncating like `init(_:)`); NaN gives 0. Use it to
    /// show a computed `Double`, which can be beyond any integer type.
    public init(saturating value: Double) {
        if value.isNaN {
            self = 0
        } else if value >= Double(Self.max) {
            self = .max
        } else if value <= Double(Self.min) {
            self = .min
        } else {
            self.init(value)
        }
    }
}
