/// A page of a list: a page number from 1 to `InputLimits.maxPage` and a page size. The offset
/// and the range are computed without any possibility of overflow.
public struct Pagination: Sendable, Equatable {
    public let page: Int
    public let size: Int

    /// `nil` means the first page; 0, negative or beyond the maximum is refused.
    public init(page: Int?, size: Int) throws(DomainError) {
        let page = page ?? 1
        guard (1...InputLimits.maxPage).contains(page) else {
            throw DomainError(
                "page_invalide", "Le numéro de page doit être compris entre 1 et \(FrenchNumber.grouped(Int64(InputLimits.maxPage))).")
        }
        precondition((1...1_000).contains(size), "page size out of range")
        self.page = page
        self.size = size
    }

    public var offset: Int { (page - 1) * size }
    public var range: Range<Int> { offset..<(offset + size) }
    public func pageCount(total: Int) -> Int { max(1, (total + size - 1) / size) }
}
