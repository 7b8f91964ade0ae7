import Foundation
import TIDomain
import Vapor

/// One page of a paginated API list: how many in all, which page, its size, its items, and the
/// addresses of the next and previous pages (absent at the ends), also sent as a `Link` header
/// (RFC 8288) so a client can walk the list without building addresses.
struct APIPage<Item: Content>: Content {
    var count: Int
    var page: Int
    var pageSize: Int
    var next: String?
    var previous: String?
    var items: [Item]

    init(_ req: Request, _ pagination: Pagination, count: Int, items: [Item]) {
        self.count = count
        page = pagination.page
        pageSize = pagination.size
        self.items = items
        let last = min(pagination.pageCount(total: count), InputLimits.maxPage)
        next = page < last ? Self.address(req, page: page + 1) : nil
        previous = page > 1 ? Self.address(req, page: min(page - 1, last)) : nil
    }

    /// The request's path and query with `page` set: `/api/v1/actions?region=84&page=3`.
    static func address(_ req: Request, page: Int) -> String {
        var components = URLComponents()
        components.path = req.url.path
        let kept = (URLComponents(string: req.url.string)?.queryItems ?? []).filter { $0.name != "page" }
        components.queryItems = kept + [URLQueryItem(name: "page", value: String(page))]
        return components.string ?? req.url.path
    }

    func encodeResponse(for request: Request) async throws -> Response {
        let response = Response(status: .ok)
        try response.content.encode(self, as: .json)
        let links = [(next, "next"), (previous, "prev")].compactMap { url, rel in url.map { "<\($0)>; rel=\"\(rel)\"" } }
        if !links.isEmpty { response.headers.replaceOrAdd(name: .link, value: links.joined(separator: ", ")) }
        return response
    }
}
