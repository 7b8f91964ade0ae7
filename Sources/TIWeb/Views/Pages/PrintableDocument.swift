import Foundation
import Plot

/// A page for the PDF printer: inline style only, so that it prints without the server.
struct PrintableDocument {
    var title: String
    var body: Node<HTML.BodyContext>

    static let style = """
        body { font-family: Marianne, Arial, sans-serif; color: #161616; margin: 2cm; font-size: 11pt; line-height: 1.5; }
        h1 { font-size: 20pt; margin: 0 0 .5em; } h2 { font-size: 13pt; margin-top: 1.5em; }
        dl { display: grid; grid-template-columns: 14em 1fr; gap: .3em 1em; } dt { font-weight: bold; } dd { margin: 0; }
        .fr-text--sm { font-size: 9pt; color: #3a3a3a; }
        """

    func render() -> String {
        "<!DOCTYPE html>"
            + HTML(
                .head(.meta(.charset(.utf8)), .title(title), .element(named: "style", text: Self.style)),
                .body(body)
            ).render()
    }
}
