import Foundation
import Plot
import TIDomain

/// The report as HTML: one `<article>` used by the web page, the PDF and a frozen edition alike.
/// `pages` (section id → page number) fills the table of contents of the printed document.
struct ReportView {
    var report: Report
    var pages: [String: Int] = [:]

    var numbered: [(number: Int, section: ReportSection)] {
        report.sections.enumerated().map { ($0 + 1, $1) }
    }

    func article() -> String {
        Node<HTML.BodyContext>.article(
            .class("ti-report"),
            .header(
                .class("ti-report__cover"),
                .p(.class("ti-report__kicker"), "Territoires d’industrie"),
                .h1(.class("ti-report__title"), .text(report.title)),
                .p(.class("ti-report__date"), .text("Chiffres au \(report.asOf.french) — \(report.scope)")),
                .p(
                    .class("ti-report__method"),
                    "Chaque chiffre de ce document est calculé par la plateforme à partir de ses enregistrements (dossiers du fonds, fiches actions, engagements des partenaires, enquêtes), tel qu’il était connu à la date d’arrêté. Une section dont les données manquent le dit."
                )),
            .nav(
                .class("ti-report__toc"), .attribute(named: "aria-label", value: "Sommaire"),
                .h2("Sommaire"),
                .ol(
                    .forEach(numbered) { n, s in
                        .li(
                            .a(.href("#\(s.id)"), .text("\(n). \(s.title)")),
                            .span(.class("ti-report__page"), .text(pages[s.id].map(String.init) ?? "")))
                    })),
            .forEach(numbered) { n, s in section(s, number: n) }
        ).render()
    }

    func section(_ s: ReportSection, number: Int) -> Node<HTML.BodyContext> {
        .section(
            .id(s.id), .class("ti-report__section"),
            .h2(.class("ti-report__heading"), .text("\(number). \(s.title)")),
            .forEach(s.blocks) { block($0) })
    }

    func block(_ b: ReportBlock) -> Node<HTML.BodyContext> {
        switch b {
        case .figures(let figures):
            return .ul(
                .class("ti-report__figures"),
                .forEach(figures) { f in
                    .li(
                        .class("ti-report__figure"),
                        .p(.class("ti-report__value"), .text(f.text)),
                        .p(.class("ti-report__label"), .text(f.label)),
                        .unwrap(f.note) { .p(.class("ti-report__note"), .text($0)) })
                })
        case .table(let t): return table(t)
        case .chart(let svg, let t):
            return .div(.class("ti-report__chart"), .raw(svg), .div(.class("ti-report__chart-data"), table(t)))
        case .paragraph(let text): return .p(.class("ti-report__text"), .text(text))
        case .note(let text): return .p(.class("ti-report__source"), .text(text))
        case .absent(let text):
            return .div(.class("ti-report__absent"), .p(.strong("Donnée absente. "), .text(text)))
        case .subheading(let text): return .h3(.class("ti-report__subheading"), .text(text))
        case .cards(let cards):
            return .div(
                .class("ti-report__cards"),
                .forEach(cards) { c in
                    .div(
                        .class("ti-report__card"),
                        .h4(.text(c.title)),
                        .if(!c.subtitle.isEmpty, .p(.class("ti-report__card-subtitle"), .text(c.subtitle))),
                        .if(!c.text.isEmpty, .p(.text(c.text))))
                })
        case .annex(let a):
            return .div(
                .class("ti-report__annex"),
                .h3(.class("ti-report__annex-title"), .text(a.headline)),
                block(.figures(a.figures)),
                .div(.class("ti-report__maps"), .forEach(a.maps) { .div(.class("ti-report__map"), .raw($0)) }),
                .if(!a.laureates.isEmpty, .h4(.class("ti-report__subheading"), "Des lauréats inspirants")),
                block(.cards(a.laureates)))
        }
    }

    func table(_ t: ReportTable) -> Node<HTML.BodyContext> {
        // The container scrolls on narrow screens: keyboard users reach it (WCAG 2.1.1).
        .div(
            .class("ti-report__table"), .attribute(named: "tabindex", value: "0"), .attribute(named: "role", value: "region"),
            .attribute(named: "aria-label", value: t.caption),
            .table(
                .caption(.text(t.caption)),
                .thead(
                    .tr(
                        .forEach(t.header.enumerated()) { i, h in
                            .th(.attribute(named: "scope", value: "col"), .if(t.numeric.contains(i), .class("ti-num")), .text(h))
                        })),
                .tbody(
                    .forEach(t.rows) { row in
                        .tr(
                            .forEach(row.enumerated()) { i, f in
                                i == 0 && f.value == nil
                                    ? .th(.attribute(named: "scope", value: "row"), .text(f.text))
                                    : .td(.if(t.numeric.contains(i), .class("ti-num")), .text(f.text))
                            })
                    })))
    }

    /// The printable document: A4, the report's style inline, running title and page numbers in
    /// the page margins, each section from a new page.
    static func document(article: String, title: String, running: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="fr"><head><meta charset="utf-8"><title>\(Escape.text(title))</title>
        <style>\(ReportStyle.css)
        @page { size: A4; margin: 18mm 16mm 20mm 16mm;
          @top-right { content: "\(Escape.cssString(running))"; font: 8pt Marianne, Arial, sans-serif; color: #666; }
          @bottom-right { content: "Page " counter(page) " / " counter(pages); font: 8pt Marianne, Arial, sans-serif; color: #666; } }
        @page :first { @top-right { content: none; } }
        </style></head>
        <body class="ti-report-print">\(article)</body></html>
        """
    }
}

/// Escaping for the few strings written outside Plot.
enum Escape {
    static func text(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;")
    }

    /// Inside a double-quoted CSS string: no quote, backslash, newline or `<`.
    static func cssString(_ s: String) -> String {
        String(
            s.unicodeScalars.map { c -> String in
                switch c {
                case "\"", "\\", "<", ">", "\n", "\r": "\\\(String(c.value, radix: 16)) "
                default: String(c)
                }
            }.joined())
    }
}
