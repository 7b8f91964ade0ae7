import Plot
import TIGeo

/// Plot escapes text nodes but writes attribute values as they are, so a `"` in a company name
/// or a query string would close the attribute and let input create markup. This file is the one
/// place that escapes attribute values: it shadows, inside TIWeb, every Plot modifier that takes a
/// string (Swift prefers a module's own declarations to identical imported ones), so every view
/// gets escaped attributes without doing anything. `EscapedAttributeTests` renders each modifier
/// with hostile input, and the adversarial suite checks rendered pages with an HTML parser.
enum HTMLAttributeText {
    /// `&`, `"`, `'`, `<`, `>` as character references (the XML escaping the SVG maps use, which
    /// also drops the control characters XML forbids).
    static func escape(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { "&\"'<>".unicodeScalars.contains($0) || $0.value < 0x20 }) else { return value }
        return SVGMap.escape(value)
    }
}

private func escaped<Context>(_ name: String, _ value: String?, ignoreIfValueIsEmpty: Bool = true) -> Attribute<Context> {
    Attribute(name: name, value: value.map(HTMLAttributeText.escape), ignoreIfValueIsEmpty: ignoreIfValueIsEmpty)
}

// MARK: Custom attributes

extension Node {
    static func attribute(named name: String, value: String?, ignoreIfValueIsEmpty: Bool = true) -> Node {
        .attribute(escaped(name, value, ignoreIfValueIsEmpty: ignoreIfValueIsEmpty))
    }
}

extension Attribute {
    static func attribute(named name: String, value: String?) -> Self { escaped(name, value) }
}

// MARK: Global attributes

extension Node where Context: HTMLContext {
    static func id(_ id: String) -> Node { .attribute(escaped("id", id)) }
    static func `class`(_ className: String) -> Node { .attribute(escaped("class", className)) }
    static func data(named name: String, value: String) -> Node { .attribute(escaped("data-" + name, value)) }
    static func title(_ title: String) -> Node { .attribute(escaped("title", title)) }
}

extension Attribute where Context: HTMLContext {
    static func id(_ id: String) -> Attribute { escaped("id", id) }
    static func `class`(_ className: String) -> Attribute { escaped("class", className) }
    static func data(named name: String, value: String) -> Attribute { escaped("data-" + name, value) }
    static func title(_ title: String) -> Attribute { escaped("title", title) }
}

extension Node where Context: HTMLNamableContext {
    static func name(_ name: String) -> Node { .attribute(escaped("name", name)) }
}

extension Attribute where Context: HTMLNamableContext {
    static func name(_ name: String) -> Attribute { escaped("name", name) }
}

extension Node where Context: HTMLValueContext {
    static func value(_ value: String) -> Node { .attribute(escaped("value", value)) }
}

extension Attribute where Context: HTMLValueContext {
    static func value(_ value: String) -> Attribute { escaped("value", value) }
}

extension Attribute where Context: HTMLTypeContext {
    static func type(_ type: String) -> Attribute { escaped("type", type) }
}

// MARK: Links and sources

extension Node where Context: HTMLLinkableContext {
    static func href(_ url: URLRepresentable) -> Node { .attribute(escaped("href", String(describing: url))) }
}

extension Attribute where Context: HTMLLinkableContext {
    static func href(_ url: URLRepresentable) -> Attribute { escaped("href", String(describing: url)) }
}

extension Node where Context: HTMLSourceContext {
    static func src(_ url: URLRepresentable) -> Node { .attribute(escaped("src", String(describing: url))) }
}

extension Attribute where Context: HTMLSourceContext {
    static func src(_ url: URLRepresentable) -> Attribute { escaped("src", String(describing: url)) }
}

extension Node where Context == HTML.FormContext {
    static func action(_ url: URLRepresentable) -> Node { .attribute(escaped("action", String(describing: url))) }
}

extension Node where Context == HTML.TimeContext {
    static func datetime(_ datetime: String) -> Node { .attribute(escaped("datetime", datetime)) }
}

extension Attribute where Context == HTML.LinkContext {
    static func sizes(_ sizes: String) -> Attribute { escaped("sizes", sizes) }
    static func color(_ color: String) -> Attribute { escaped("color", color) }
}

// MARK: Forms

extension Node where Context == HTML.LabelContext {
    static func `for`(_ target: String) -> Node { .attribute(escaped("for", target)) }
}

extension Attribute where Context == HTML.InputContext {
    static func placeholder(_ placeholder: String) -> Attribute { escaped("placeholder", placeholder) }
}

extension Node where Context == HTML.TextAreaContext {
    static func placeholder(_ placeholder: String) -> Node { .attribute(escaped("placeholder", placeholder)) }
}

extension Attribute where Context == HTML.OptionContext {
    static func label(_ label: String) -> Attribute { escaped("label", label) }
}

// MARK: Head, images, accessibility

extension Attribute where Context == HTML.MetaContext {
    static func content(_ content: String) -> Attribute { escaped("content", content) }
    static func property(_ property: String) -> Attribute { escaped("property", property) }
}

extension Attribute where Context == HTML.PictureSourceContext {
    static func srcset(_ set: String) -> Attribute { escaped("srcset", set) }
    static func media(_ query: String) -> Attribute { escaped("media", query) }
}

extension Attribute where Context == HTML.ImageContext {
    static func alt(_ text: String) -> Attribute { escaped("alt", text) }
}

extension Node where Context: HTMLStylableContext {
    static func style(_ css: String) -> Node { .attribute(escaped("style", css)) }
}

extension Node where Context: HTML.BodyContext {
    static func ariaLabel(_ label: String) -> Node { .attribute(escaped("aria-label", label)) }
    static func ariaControls(_ child: String) -> Node { .attribute(escaped("aria-controls", child)) }
}

// MARK: Head components (Plot builds their meta tags from unescaped strings)

extension Node where Context == HTML.HeadContext {
    static func title(_ title: String) -> Node {
        .group([
            .element(named: "title", text: title),
            .meta(.name("twitter:title"), .content(title)),
            .meta(.property("og:title"), .content(title)),
        ])
    }

    static func description(_ text: String) -> Node {
        .group([
            .meta(.name("description"), .content(text)),
            .meta(.name("twitter:description"), .content(text)),
            .meta(.property("og:description"), .content(text)),
        ])
    }

    static func siteName(_ name: String) -> Node { .meta(.property("og:site_name"), .content(name)) }
    static func twitterUsername(_ username: String) -> Node { .meta(.name("twitter:site"), .content(username)) }

    static func stylesheet(_ url: URLRepresentable, integrity: String? = nil) -> Node {
        .link(.rel(.stylesheet), .href(url), .attribute(named: "type", value: "text/css"), .attribute(named: "integrity", value: integrity))
    }

    static func url(_ url: URLRepresentable) -> Node {
        let url = String(describing: url)
        return .group([
            .link(.rel(.canonical), .href(url)),
            .meta(.name("twitter:url"), .content(url)),
            .meta(.property("og:url"), .content(url)),
        ])
    }

    static func socialImageLink(_ url: URLRepresentable) -> Node {
        let url = String(describing: url)
        return .group([.meta(.name("twitter:image"), .content(url)), .meta(.property("og:image"), .content(url))])
    }

    static func favicon(_ url: URLRepresentable, type: String = "image/png") -> Node {
        .link(.rel(.shortcutIcon), .href(url), .attribute(named: "type", value: type))
    }

    static func rssFeedLink(_ url: URLRepresentable, title: String? = nil) -> Node {
        .link(
            .rel(.alternate), .href(url), .attribute(named: "type", value: "application/rss+xml"), .attribute(named: "title", value: title))
    }
}
