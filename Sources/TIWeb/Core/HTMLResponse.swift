import Vapor

enum HTMLResponse {
    static func make(_ html: String, status: HTTPResponseStatus = .ok) -> Response {
        let response = Response(status: status, body: .init(string: html))
        response.headers.contentType = .html
        return response
    }
}
