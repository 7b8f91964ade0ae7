import Testing

@testable import TIGeo

@Suite struct CopyCSVTests {
    func rows(_ text: String) -> [[String?]] {
        var r = CopyCSVReader(data: Array(text.utf8))
        var out: [[String?]] = []
        while let row = r.next() { out.append(row) }
        return out
    }

    @Test func quotingAndNulls() {
        let text = "a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\\N\n,\"\",\"\\N\"\n\"multi\nline\r\nfield\",é,last"
        let r = rows(text)
        #expect(r.count == 4)
        #expect(r[0] == ["a", "b", "c"])
        #expect(r[1] == ["x, y", "say \"hi\"", nil])
        #expect(r[2] == ["", "", "\\N"])  // empty vs quoted empty vs quoted \N (literal text)
        #expect(r[3] == ["multi\nline\r\nfield", "é", "last"])  // last line without newline
    }

    @Test func crlfAndTrailingNewlines() {
        let r = rows("h1,h2\r\n1,\\N\r\n2,x\r\n\r\n")
        #expect(r == [["h1", "h2"], ["1", nil], ["2", "x"]])
        #expect(rows("") == [])
        #expect(rows("a,\n") == [["a", ""]])
        #expect(rows("a,") == [["a", ""]])
    }

    @Test func table() throws {
        var t = try CopyCSVTable(data: Array("id,code,nom\n0,01,Ain\n1,02\n".utf8))
        #expect(t.header == ["id", "code", "nom"])
        #expect(try t.index(of: "nom") == 2)
        #expect(throws: CopyCSVError.self) { try t.index(of: "missing") }
        #expect(t.nextRow() == ["0", "01", "Ain"])
        #expect(t.nextRow() == ["1", "02", nil])  // padded
        #expect(t.nextRow() == nil)
        #expect(throws: CopyCSVError.self) { try CopyCSVTable(data: []) }
    }
}
