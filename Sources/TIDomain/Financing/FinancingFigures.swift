/// The programme's financing at a date: what the State and the operators engaged against the
/// national target, the Régions apart, line by line.
public struct FinancingFigures: Sendable, Equatable {
    /// 1.3 Md€ over four years, set in 2018.
    public static let target = EuroCents(euros: 1_300_000_000)

    public struct Line: Sendable, Equatable {
        public var partner: String
        public var partnerName: String
        public var kind: FunderKind
        public var instrument: String
        public var instrumentName: String
        public var unit: CommitmentUnit
        public var amount: EuroCents
        public var quantity: Int

        public init(
            partner: String, partnerName: String, kind: FunderKind, instrument: String, instrumentName: String, unit: CommitmentUnit,
            amount: EuroCents = .zero, quantity: Int = 0
        ) {
            self.partner = partner
            self.partnerName = partnerName
            self.kind = kind
            self.instrument = instrument
            self.instrumentName = instrumentName
            self.unit = unit
            self.amount = amount
            self.quantity = quantity
        }
    }

    public var lines: [Line]

    public init(lines: [Line]) { self.lines = lines }

    /// Euros engaged by the State and the operators (what the target counts).
    public var engaged: EuroCents { lines.filter { $0.kind != .region }.reduce(.zero) { $0 + $1.amount } }
    /// Euros engaged by the Régions.
    public var regions: EuroCents { lines.filter { $0.kind == .region }.reduce(.zero) { $0 + $1.amount } }
    public var shareOfTarget: Double { Double(engaged.cents) / Double(Self.target.cents) }
}
