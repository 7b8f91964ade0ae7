import Plot
import TIDomain

/// Small building blocks shared by pages.
enum Components {
    struct Figure {
        var value: String
        var label: String
        var note: String? = nil
    }

    /// A row of key figures.
    /// `columns`: 2 or 4 on wide screens (default: as many as fit).
    static func figures(_ figures: [Figure], columns: Int? = nil) -> Node<HTML.BodyContext> {
        .ul(
            .class("ti-figures" + (columns == 2 ? " ti-figures--two" : columns == 4 ? " ti-figures--four" : "")),
            .forEach(figures) { f in
                .li(
                    .class("ti-figure"),
                    .p(.class("ti-figure__value"), .text(f.value)),
                    .p(.class("ti-figure__label"), .text(f.label)),
                    .unwrap(f.note) { .p(.class("ti-figure__note fr-text--xs"), .text($0)) })
            })
    }

    /// A DSFR table with a caption; `header` cells are column titles, each row is a list of cells.
    static func table(
        caption: String, header: [String], rows: [[Node<HTML.TableRowContext>]],
        numericColumns: Set<Int> = [], empty: String = "Aucune donnée."
    ) -> Node<HTML.BodyContext> {
        guard !rows.isEmpty else {
            return .div(.class("fr-callout"), .p(.class("fr-callout__text"), .text(empty)))
        }
        // Current DSFR markup: wrapper > container > content > table (full width, scrolls on small screens).
        return .div(
            .class("fr-table fr-table--sm fr-table--no-caption ti-table"),
            // The container scrolls when the table is wider than the screen: keyboard users reach it (WCAG 2.1.1).
            .div(
                .class("fr-table__wrapper"),
                .div(
                    .class("fr-table__container"), .attribute(named: "tabindex", value: "0"),
                    .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: caption),
                    .div(
                        .class("fr-table__content"),
                        .table(
                            .caption(.text(caption)),
                            .thead(
                                .tr(
                                    .forEach(header.indices) { i in
                                        .th(
                                            .attribute(named: "scope", value: "col"),
                                            .if(numericColumns.contains(i), .class("fr-cell--right")), .text(header[i]))
                                    })),
                            .tbody(
                                .forEach(rows) { row in
                                    .tr(.group(row))
                                }))))))
    }

    static func cell(_ text: String) -> Node<HTML.TableRowContext> { .td(.text(text)) }
    static func numberCell(_ value: Int) -> Node<HTML.TableRowContext> {
        .td(.class("fr-cell--right ti-num"), .text(FrenchNumber.grouped(value)))
    }
    static func moneyCell(_ cents: Int64, note: String? = nil) -> Node<HTML.TableRowContext> {
        .td(
            .class("fr-cell--right ti-num"), .text(EuroCents(cents: cents).formatted),
            .unwrap(note) { .span(.class("fr-hint-text"), .text($0)) })
    }

    static func badgeCell(_ text: String, _ kind: String) -> Node<HTML.BodyContext> {
        .span(.class("fr-badge fr-badge--sm fr-badge--\(kind) fr-badge--no-icon"), .text(text))
    }

    static func linkCell(_ text: String, _ url: SiteURL) -> Node<HTML.TableRowContext> { .td(.a(.href(url.path), .text(text))) }
    static func headerCell(_ text: String, _ url: SiteURL) -> Node<HTML.TableRowContext> {
        .th(.attribute(named: "scope", value: "row"), .a(.href(url.path), .text(text)))
    }

    static func badge(_ text: String, kind: String = "info") -> Node<HTML.BodyContext> {
        .p(.class("fr-badge fr-badge--sm fr-badge--\(kind) fr-badge--no-icon"), .text(text))
    }

    /// A figure holding an inline SVG map, with a link to the standalone file.
    static func map(svg: String, caption: String, file: SiteURL) -> Node<HTML.BodyContext> {
        .element(
            named: "figure",
            nodes: [
                .class("ti-map"),
                .raw(svg),
                .element(
                    named: "figcaption",
                    nodes: [
                        .class("fr-text--sm"), .text(caption + " "),
                        .a(.href(file.path), .text("Télécharger la carte (SVG)")),
                    ]),
            ])
    }

    static func emptyState(title: String, text: String, command: String? = nil) -> Node<HTML.BodyContext> {
        .div(
            .class("fr-callout fr-my-4w"),
            .h2(.class("fr-callout__title"), .text(title)),
            .p(.class("fr-callout__text"), .text(text)),
            .unwrap(command) { .pre(.code(.text($0))) })
    }

    static func option(value: String, label: String, selected: Bool) -> Node<HTML.SelectContext> {
        .element(
            named: "option",
            nodes: [
                // Always present, even empty (« Tous »): without it the browser sends the label.
                .attribute(named: "value", value: value, ignoreIfValueIsEmpty: false),
                selected ? .attribute(named: "selected", value: "selected") : .empty,
                .text(label),
            ])
    }

    /// DSFR pagination: previous, numbered pages around the current one, next.
    static func pagination(page: Int, pages: Int, url: (Int) -> String) -> Node<HTML.BodyContext> {
        guard pages > 1 else { return .empty }
        // A page past the end (a typed address, a list that shrank) or below 1 still gets a window.
        let anchor = min(max(page, 1), pages)
        let window = Array(max(1, anchor - 2)...min(pages, anchor + 2))
        return .nav(
            .class("fr-pagination fr-mt-3w"), .attribute(named: "role", value: "navigation"), .ariaLabel("Pagination"),
            .ul(
                .class("fr-pagination__list"),
                .li(
                    page > 1
                        ? .a(
                            .class("fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label"), .href(url(page - 1)),
                            "Page précédente")
                        : .a(
                            .class("fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label"),
                            .attribute(named: "aria-disabled", value: "true"), "Page précédente")),
                .forEach(window) { n in
                    .li(
                        n == page
                            ? .a(
                                .class("fr-pagination__link"), .attribute(named: "aria-current", value: "page"), .title("Page \(n)"),
                                .text(String(n)))
                            : .a(.class("fr-pagination__link"), .href(url(n)), .title("Page \(n)"), .text(String(n))))
                },
                .li(
                    page < pages
                        ? .a(
                            .class("fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label"), .href(url(page + 1)),
                            "Page suivante")
                        : .a(
                            .class("fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label"),
                            .attribute(named: "aria-disabled", value: "true"), "Page suivante"))))
    }

    static func plural(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(FrenchNumber.grouped(n)) \(n > 1 ? plural : singular)"
    }
}
