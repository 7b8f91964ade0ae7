import Testing

@testable import TIDomain

@Suite("Input limits and overflow-safe arithmetic")
struct InputLimitsTests {
    @Test func paginationRefusesOutOfRangePagesAndNeverOverflows() throws {
        #expect(try Pagination(page: nil, size: 25).range == 0..<25)
        #expect(try Pagination(page: 3, size: 25).range == 50..<75)
        #expect(try Pagination(page: InputLimits.maxPage, size: 100).offset == (InputLimits.maxPage - 1) * 100)
        for page in [0, -1, InputLimits.maxPage + 1, Int.max, Int.min] {
            let error = #expect(throws: DomainError.self) { try Pagination(page: page, size: 25) }
            #expect(error?.code == "page_invalide")
        }
    }

    @Test func countsAreBounded() throws {
        #expect(try BoundedCount.parse("1 250") == 1250)
        #expect(try BoundedCount.parse("0") == 0)
        #expect(try BoundedCount.parse("1000000") == InputLimits.maxCount)
        for raw in ["9223372036854775807", "-1", "1000001", "", "12a", "١٢", "1e3"] {
            let error = #expect(throws: DomainError.self) { try BoundedCount.parse(raw) }
            #expect(error?.code == "nombre_invalide", "\(raw)")
        }
    }

    @Test func amountsAreBounded() throws {
        #expect(try EuroCents(parsingEuros: "100 000 000 000").cents == 10_000_000_000_000)
        let error = #expect(throws: DomainError.self) { try EuroCents(parsingEuros: "100 000 000 001") }
        #expect(error?.code == "montant_invalide")
    }

    @Test func sumsSaturateInsteadOfTrapping() {
        #expect(Int.max +| 1 == Int.max)
        #expect(Int.min +| -1 == Int.min)
        #expect(2 +| 3 == 5)
        var total = Int64.max - 1
        total +|= 10
        #expect(total == Int64.max)
        #expect((EuroCents(cents: .max) + EuroCents(cents: 1)).cents == .max)
        #expect((EuroCents(cents: .min) - EuroCents(cents: 1)).cents == .min)
        #expect(EuroCents(euros: .max).cents == .max)
    }

    @Test func doublesConvertWithoutTrapping() {
        #expect(Int64(saturating: 9.3e18) == .max)
        #expect(Int64(saturating: -9.3e18) == .min)
        #expect(Int(saturating: .nan) == 0)
        #expect(Int(saturating: .infinity) == .max)
        #expect(Int(saturating: 12.9) == 12)
        #expect(FrenchNumber.decimal(1e30, digits: 1).hasPrefix("9"))
    }

    @Test func csvFieldsAreQuotedAndFormulasNeutralised() {
        #expect(CSVField.escape("MECALAC") == "MECALAC")
        #expect(CSVField.escape("a;b") == "\"a;b\"")
        #expect(CSVField.escape("dit \"x\"") == "\"dit \"\"x\"\"\"")
        // A bare CR, a CRLF (one Character in Swift), a LF or a tab: always quoted.
        #expect(CSVField.escape("a\rb") == "\"a\rb\"")
        #expect(CSVField.escape("a\r\nb") == "\"a\r\nb\"")
        #expect(CSVField.escape("a\nb") == "\"a\nb\"")
        #expect(CSVField.escape("a\tb") == "\"a\tb\"")
        for formula in ["=1+1", "+33", "-2", "@SUM(A1)", "\tx", "\r=1"] {
            #expect(CSVField.escape(formula).hasPrefix("'") || CSVField.escape(formula).hasPrefix("\"'"), "\(formula.debugDescription)")
        }
        #expect(CSVField.line(["a", "b;c"]) == "a;\"b;c\"\n")
    }
}
