import Plot
import TIDomain

/// DSFR form building blocks. Every POST form carries the CSRF token of the current request.
enum Forms {
    static func post(action: String, multipart: Bool = false, _ nodes: Node<HTML.FormContext>...) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(action), .attribute(named: "novalidate", value: "novalidate"),
            .if(multipart, .attribute(named: "enctype", value: "multipart/form-data")),
            .input(.type(.hidden), .name("_csrf"), .value(PageContext.current.csrfToken)),
            .group(nodes))
    }

    /// « Situation au » : a GET form that shows the page's figures at another date.
    static func asOf(action: String, date: CivilDate, label: String = "Chiffres au") -> Node<HTML.BodyContext> {
        .form(
            .method(.get), .action(action), .class("ti-filters fr-mb-3w"), .ariaLabel("Choisir la date des chiffres"),
            field(
                "as_of", label: label, type: .date, value: date.iso, hint: "Les chiffres sont ceux connus à cette date.", required: false),
            .div(.class("ti-filters__actions"), .button(.class("fr-btn fr-btn--secondary"), .type(.submit), "Afficher")))
    }

    static func field(
        _ name: String, label: String, type: HTMLInputType = .text, value: String = "", hint: String? = nil,
        error: String? = nil, autocomplete: String? = nil, required: Bool = true, id: String? = nil
    ) -> Node<HTML.FormContext> {
        let id = id ?? "champ-\(name)"
        var attributes: [Attribute<HTML.InputContext>] = [
            .class("fr-input" + (error == nil ? "" : " fr-input--error")), .id(id), .name(name), .type(type),
        ]
        if type != .password { attributes.append(.value(value)) }
        if required { attributes.append(.attribute(named: "required", value: "required")) }
        if let autocomplete { attributes.append(.attribute(named: "autocomplete", value: autocomplete)) }
        if error != nil { attributes.append(.attribute(named: "aria-describedby", value: "\(id)-erreur")) }
        return .div(
            .class("fr-input-group" + (error == nil ? "" : " fr-input-group--error")),
            .label(
                .class("fr-label"), .for(id), .text(label),
                .unwrap(hint) { .span(.class("fr-hint-text"), .text($0)) }),
            .selfClosedElement(named: "input", attributes: attributes),
            .unwrap(error) { .p(.id("\(id)-erreur"), .class("fr-error-text"), .text($0)) })
    }

    static func select(
        _ name: String, label: String, options: [(value: String, label: String)], selected: String?,
        hint: String? = nil, error: String? = nil, id: String? = nil
    ) -> Node<HTML.FormContext> {
        let id = id ?? "champ-\(name)"
        return .div(
            .class("fr-select-group" + (error == nil ? "" : " fr-select-group--error")),
            .label(.class("fr-label"), .for(id), .text(label), .unwrap(hint) { .span(.class("fr-hint-text"), .text($0)) }),
            .select(
                .class("fr-select"), .id(id), .attribute(named: "name", value: name),
                .forEach(options) { Components.option(value: $0.value, label: $0.label, selected: $0.value == selected) }),
            .unwrap(error) { .p(.class("fr-error-text"), .text($0)) })
    }

    /// Plot has no `legend` element.
    static func legend(_ text: String) -> Node<HTML.FormContext> {
        .element(named: "legend", nodes: [.attribute(named: "class", value: "fr-fieldset__legend"), .text(text)])
    }

    static func submit(_ label: String, secondary: Bool = false) -> Node<HTML.FormContext> {
        .button(.class(secondary ? "fr-btn fr-btn--secondary" : "fr-btn"), .type(.submit), .text(label))
    }

    /// A CSV file to import: the upload field (`fichier`) and its button.
    static func csvImport(action: String, label: String, hint: String) -> Node<HTML.BodyContext> {
        post(
            action: action, multipart: true,
            .div(
                .class("fr-upload-group"),
                .label(.class("fr-label"), .for("champ-fichier"), .text(label), .span(.class("fr-hint-text"), .text(hint))),
                .input(
                    .class("fr-upload"), .type(.file), .id("champ-fichier"), .name("fichier"),
                    .attribute(named: "accept", value: ".csv,text/csv"))),
            submit("Importer le fichier", secondary: true))
    }

    /// A refused import's problems, by line (the first 50).
    static func importIssues(_ issues: [ImportIssue]) -> Node<HTML.BodyContext> {
        .if(
            !issues.isEmpty,
            .div(
                .class("fr-alert fr-alert--error fr-mb-3w"), .attribute(named: "role", value: "alert"),
                .h2(.class("fr-alert__title"), "Fichier refusé : rien n’a été importé"),
                .ul(.forEach(issues.prefix(50)) { .li(.text($0.description)) }),
                .if(issues.count > 50, .p(.text("… et \(issues.count - 50) autres problèmes.")))))
    }

    /// Every problem of a form at once, in the form's order, each linked to its field
    /// (`#champ-<name>`); `fields` lists (name, label) in that order, and `anchors` sends a
    /// problem without a control of its own (« investissement ») to the field that fixes it.
    static func errorSummary(
        _ errors: [String: String], fields: [(name: String, label: String)],
        anchors: [String: String] = [:]
    ) -> Node<HTML.BodyContext> {
        let known = Set(fields.map(\.name))
        let ordered =
            fields.filter { errors[$0.name] != nil }.map { (name: $0.name, label: $0.label, message: errors[$0.name]!) }
            + errors.keys.filter { !known.contains($0) }.sorted().map { (name: $0, label: "", message: errors[$0]!) }
        let count = ordered.count
        return .div(
            .class("fr-alert fr-alert--error fr-mb-3w"), .attribute(named: "role", value: "alert"), .id("erreurs"),
            .h2(.class("fr-alert__title"), .text("\(count) point\(count > 1 ? "s" : "") à corriger")),
            .p("Vos saisies ont été conservées. Corrigez chaque point ci-dessous :"),
            .ul(
                .forEach(ordered) { item in
                    let target = anchors[item.name] ?? (known.contains(item.name) ? item.name : nil)
                    let text = item.label.isEmpty ? item.message : "\(item.label) : \(item.message)"
                    return .li(target.map { .a(.href("#champ-\($0)"), .text(text)) } ?? .text(text))
                }))
    }

    static func alert(_ kind: String, title: String, text: String? = nil) -> Node<HTML.BodyContext> {
        .div(
            .class("fr-alert fr-alert--\(kind) fr-mb-3w"), .attribute(named: "role", value: kind == "error" ? "alert" : "status"),
            .h2(.class("fr-alert__title"), .text(title)),
            .unwrap(text) { .p(.text($0)) })
    }
}
