import Foundation
import TIDomain
import TIPersistence
import Testing
import VaporTesting

@testable import TIWeb

extension AppTests {
    /// Issue 15: public pages are rendered once per data version and kept, plain and gzip; every
    /// write moves the version on, so a kept page never outlives what it shows.
    @Suite("Public pages kept per data version")
    struct PageCacheTests {
        static func get(_ app: Application, _ path: String, _ headers: [(String, String)] = []) async throws -> TestingHTTPResponse {
            try await HTTPConventionTests.get(app, path, headers)
        }

        /// An action plan changes no figure of the fund, but the région and territory pages show
        /// the plans' figures: once kept, they must still change when an action is validated.
        @Test func aValidatedActionShowsOnTheKeptRegionAndTerritoryPages() async throws {
            try await withTestApp(territories: true) { app in
                app.clock = .fixed(try CivilDate(parsing: "2021-09-24"))
                let territory = try await Accounts.make(.territory, on: app)
                let region = try await Accounts.make(.region, on: app, region: "94")
                let regionBefore = try await Self.get(app, "/regions/94")
                let territoryBefore = try await Self.get(app, "/territoires/TI-AJACCIO")
                #expect(regionBefore.status == .ok && territoryBefore.status == .ok)
                #expect(app.pageCache.counters.entries == 2)
                #expect(try await Self.get(app, "/regions/94").text == regionBefore.text)
                #expect(app.pageCache.counters.hits == 1)

                let actor = { (user: TIPersistence.User) in
                    AuditLog.Actor(id: user.id!.uuidString, role: user.role.rawValue, at: app.clock.now)
                }
                let content = ActionContent(
                    reference: "FA-9", title: "Foncier économique", axis: .attract, themes: [.land], carrierType: .publicBody,
                    plannedInvestment: EuroCents(euros: 7_654_321), status: .inProgress,
                    statusOn: try CivilDate(parsing: "2021-03-01"), specific: true)
                let id = try await ActionService.save(
                    content, id: nil, territory: TerritoryID("TI-AJACCIO")!, by: actor(territory), principal: territory.principal,
                    today: app.clock.today, on: app.db)
                try await ActionService.review(
                    id, validate: true, reason: nil, regions: ["94"], by: actor(region), principal: region.principal, on: app.db)

                let regionAfter = try await Self.get(app, "/regions/94")
                let territoryAfter = try await Self.get(app, "/territoires/TI-AJACCIO")
                let figure = EuroCents(euros: 7_654_321).compact
                #expect(!regionBefore.text.contains(figure) && regionAfter.text.contains(figure))
                #expect(!territoryBefore.text.contains(figure) && territoryAfter.text.contains(figure))
                #expect(regionAfter.headers.first(name: .eTag) != regionBefore.headers.first(name: .eTag))
            }
        }

        /// The kept gzip and brotli bodies are the page compressed (checked with the system's
        /// decoders), with the same validator; brotli is computed once the page is asked for again;
        /// a client that does not ask for compression gets the plain page; 304 still works.
        @Test func keptPagesAreServedBrotliGzipOrPlainWithOneValidator() async throws {
            try await withTestApp(territories: true) { app in
                let plain = try await Self.get(app, "/indicateurs")
                let tag = try #require(plain.headers.first(name: .eTag))
                #expect(plain.headers.first(name: .contentEncoding) == nil)
                #expect(app.pageCache.counters.brotli == 0)  // asked once: not in brotli
                let zipped = try await Self.get(app, "/indicateurs", [("Accept-Encoding", "br;q=0.5, gzip;q=0.8")])
                #expect(zipped.headers.first(name: .contentEncoding) == "gzip")
                #expect(zipped.headers.first(name: .eTag) == tag)
                #expect(zipped.headers[.vary].filter { $0.contains("Accept-Encoding") }.count == 1)
                #expect(zipped.body.readableBytes < plain.body.readableBytes / 3)
                #expect(try Self.gunzip(Data(zipped.body.readableBytesView)) == Data(plain.body.readableBytesView))
                // Asked again: brotli is computed in the background. Then what browsers send gets it,
                // a fifth smaller than gzip, the same page, the same validator.
                for _ in 0..<100 where app.pageCache.counters.brotli == 0 { try await Task.sleep(for: .milliseconds(20)) }
                #expect(app.pageCache.counters.brotli == 1)
                let brotli = try await Self.get(app, "/indicateurs", [("Accept-Encoding", "gzip, deflate, br, zstd")])
                #expect(brotli.headers.first(name: .contentEncoding) == "br" && brotli.headers.first(name: .eTag) == tag)
                #expect(brotli.headers.first(name: .contentLength) == String(brotli.body.readableBytes))
                #expect(brotli.body.readableBytes < zipped.body.readableBytes * 9 / 10)
                #expect(try Self.unbrotli(Data(brotli.body.readableBytesView)) == Data(plain.body.readableBytesView))
                let refused = try await Self.get(app, "/indicateurs", [("Accept-Encoding", "gzip;q=0")])
                #expect(refused.headers.first(name: .contentEncoding) == nil && refused.text == plain.text)
                let revalidated = try await Self.get(app, "/indicateurs", [("If-None-Match", tag), ("Accept-Encoding", "gzip")])
                #expect(revalidated.status == .notModified && revalidated.body.readableBytes == 0)
                #expect(app.pageCache.counters.misses == 1 && app.pageCache.counters.hits == 4)
                // Another address is another page; an error is never kept.
                #expect(try await Self.get(app, "/indicateurs?region=94").text != plain.text)
                #expect(try await Self.get(app, "/regions/00").status == .notFound)
                #expect(try await Self.get(app, "/regions/00").status == .notFound)
                #expect(app.pageCache.counters.entries == 2)
            }
        }

        /// Only routes registered `cached: true` go through the kept pages: a form, a download or an
        /// unknown address is neither looked up nor counted as a miss (the metrics would say the
        /// cache fails when it is not asked).
        @Test func pagesThatAreNeverKeptAreNotCountedAsMisses() async throws {
            try await withTestApp { app in
                let form = try await Self.get(app, "/connexion")
                let file = try await Self.get(app, "/donnees/subventions.csv")
                let unknown = try await Self.get(app, "/nexiste-pas")
                #expect(form.status == .ok && file.status == .ok && unknown.status == .notFound)
                #expect(app.pageCache.counters.misses == 0 && app.pageCache.counters.hits == 0)
                let kept = try await Self.get(app, "/indicateurs")
                #expect(kept.status == .ok && app.pageCache.counters.misses == 1)
            }
        }

        /// `Accept-Encoding` as clients write it: weights, case, spaces, `*`, and a coding refused.
        @Test func acceptEncodingIsReadAsClientsWriteIt() {
            func read(_ values: [String]) -> AcceptEncoding { AcceptEncoding(HTTPHeaders(values.map { ("Accept-Encoding", $0) })) }
            func accepts(_ values: String...) -> Bool { read(values).acceptsGzip }
            func acceptsBrotli(_ values: String...) -> Bool { read(values).acceptsBrotli }
            #expect(accepts("gzip") && accepts("GZIP") && accepts("x-gzip") && accepts("br;q=1, gzip;q=0.8"))
            #expect(accepts("deflate", " gzip ; q=0.5 ") && accepts("*") && accepts("br, *;q=0.1"))
            #expect(!accepts() && !accepts("") && !accepts("br") && !accepts("identity") && !accepts("gzipped"))
            #expect(!accepts("gzip;q=0") && !accepts("gzip; q=0.000") && !accepts("gzip;q=abc") && !accepts("*;q=0"))
            // Named, gzip's own weight wins over `*`.
            #expect(!accepts("*, gzip;q=0") && accepts("*;q=0, gzip"))
            #expect(acceptsBrotli("gzip, deflate, br, zstd") && acceptsBrotli("BR;Q=0.5") && acceptsBrotli("*"))
            #expect(!acceptsBrotli("gzip") && !acceptsBrotli("br;q=0") && !acceptsBrotli("brotli") && !acceptsBrotli("*, br;q=0"))

            // Of the forms kept, the one weighed highest; brotli on a tie; nothing accepted → plain.
            func preferred(_ value: String, gzip: Bool = true, brotli: Bool = true) -> AcceptEncoding.Coding {
                read([value]).preferred(gzip: gzip, brotli: brotli)
            }
            #expect(preferred("gzip, deflate, br, zstd") == .brotli && preferred("*") == .brotli)
            #expect(preferred("br;q=0.5, gzip") == .gzip && preferred("gzip;q=0.5, br") == .brotli)
            #expect(preferred("gzip, deflate, br", brotli: false) == .gzip && preferred("br", brotli: false) == .identity)
            #expect(preferred("identity") == .identity && preferred("br;q=0, gzip;q=0") == .identity)
        }

        /// A signed-in visitor's page (their name, their menu) is neither served from nor put in the cache.
        @Test func signedInVisitorsAreNeverServedAKeptPage() async throws {
            try await withTestApp(territories: true) { app in
                let anonymous = try await Self.get(app, "/")
                let user = try await Accounts.make(.viewer, on: app)
                let browser = Browser(app)
                _ = try await browser.signIn(user.email, Accounts.password)
                let signedIn = try await browser.get("/")
                #expect(signedIn.text.contains("Se déconnecter") && !anonymous.text.contains("Se déconnecter"))
                #expect(try await Self.get(app, "/").text == anonymous.text)
                #expect(app.pageCache.counters.entries == 1)
            }
        }

        /// Memory stays flat under writes: once a page of a newer version is kept, the pages of
        /// older versions (never served again) are dropped, and a page rendered under a version
        /// already superseded is not kept.
        @Test func pagesOfAnOlderVersionAreDroppedWhenANewerOneIsKept() {
            let cache = PageCache(budget: 1 << 20)
            func entry(_ version: Int64, _ bytes: Int) -> PageCache.Entry {
                PageCache.Entry(
                    version: version, route: nil, headers: [:], body: ByteBuffer(repeating: 0x61, count: bytes), gzip: nil,
                    entityTag: "\"\(version)\"")
            }
            cache.keep(entry(1, 1_000), as: "/")
            cache.keep(entry(1, 2_000), as: "/carte")
            #expect(cache.counters.entries == 2 && cache.counters.bytes == 3_000)
            cache.keep(entry(2, 500), as: "/")
            #expect(cache.counters.entries == 1 && cache.counters.bytes == 500)
            #expect(cache.entry("/carte", version: 1) == nil && cache.entry("/", version: 2) != nil)
            cache.keep(entry(1, 2_000), as: "/carte")  // a slow rendering of version 1, finished late
            #expect(cache.counters.entries == 1 && cache.counters.bytes == 500)
        }

        /// Past the budget, the pages served least recently go, not every page: a stream of invented
        /// addresses (`?x=1`, `?x=2`…) cannot push out the pages everyone asks for.
        @Test func pastTheBudgetTheLeastRecentlyServedPagesGo() {
            let cache = PageCache(budget: 10_000)
            func entry(_ bytes: Int) -> PageCache.Entry {
                PageCache.Entry(
                    version: 1, route: nil, headers: [:], body: ByteBuffer(repeating: 0x61, count: bytes), gzip: nil, entityTag: "\"1\"")
            }
            cache.keep(entry(3_000), as: "/")
            cache.keep(entry(3_000), as: "/?x=1")
            cache.keep(entry(3_000), as: "/?x=2")
            #expect(cache.entry("/", version: 1) != nil)  // served again: now the most recent
            cache.keep(entry(3_000), as: "/?x=3")  // 12 000 > 10 000: down to 7 500 with it
            #expect(cache.counters.entries == 2 && cache.counters.bytes == 6_000)
            #expect(cache.entry("/", version: 1) != nil && cache.entry("/?x=3", version: 1) != nil)
            #expect(cache.entry("/?x=1", version: 1) == nil && cache.entry("/?x=2", version: 1) == nil)
            cache.keep(entry(3_000), as: "/")  // kept again under its own key: counted once
            #expect(cache.counters.entries == 2 && cache.counters.bytes == 6_000)
            cache.keep(entry(20_000), as: "/enorme")  // larger than the budget alone: everything else goes
            #expect(cache.counters.entries == 1 && cache.counters.bytes == 20_000)
        }

        /// The search that decides whether a page carries the visitor's CSRF token (then it is never kept).
        @Test func aBodyIsSearchedForTheTokenAnywhereInIt() {
            let token = "kDwheJuVGS1A4oimr07uydsxF-ZT8u536-3VsWR962M"
            let page = "<form><input type=\"hidden\" name=\"_csrf\" value=\"\(token)\"/></form>"
            #expect(ByteBuffer(string: page).contains(token))
            #expect(ByteBuffer(string: "fin : " + token).contains(token))
            #expect(!ByteBuffer(string: String(page.dropLast(20))).contains(token))
            #expect(!ByteBuffer(string: "").contains(token) && !ByteBuffer(string: "kDwhe").contains(token))
            var offset = ByteBuffer(string: "xxxx" + token)
            offset.moveReaderIndex(forwardBy: 5)  // only the readable bytes count
            #expect(!offset.contains(token))
        }

        /// Through the system's brotli decoder (`libbrotli1`, which the project's scripts install).
        static func unbrotli(_ data: Data) throws -> Data {
            typealias Decompress =
                @convention(c) (Int, UnsafePointer<UInt8>?, UnsafeMutablePointer<Int>?, UnsafeMutablePointer<UInt8>?) -> Int32
            let handle = try #require(dlopen("libbrotlidec.so.1", RTLD_NOW), "libbrotlidec.so.1 introuvable : apt install libbrotli1")
            defer { dlclose(handle) }
            let decompress = unsafeBitCast(try #require(dlsym(handle, "BrotliDecoderDecompress")), to: Decompress.self)
            var output = [UInt8](repeating: 0, count: 1 << 22)
            var size = output.count
            let result = data.withUnsafeBytes { input in
                output.withUnsafeMutableBufferPointer { target in
                    decompress(input.count, input.bindMemory(to: UInt8.self).baseAddress, &size, target.baseAddress)
                }
            }
            #expect(result == 1)  // BROTLI_DECODER_RESULT_SUCCESS
            return Data(output.prefix(size))
        }

        static func gunzip(_ data: Data) throws -> Data {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/gzip")
            process.arguments = ["-dc"]
            let input = Pipe()
            let output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            try process.run()
            input.fileHandleForWriting.write(data)
            try input.fileHandleForWriting.close()
            let result = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            return result
        }
    }
}
