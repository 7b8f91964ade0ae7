import Vapor

/// One page of a paginated API list: how many in all, which page, its size, its items.
struct APIPage<Item: Content>: Content {
    var count: Int
    var page: Int
    var pageSize: Int
    var items: [Item]
}
