import TIDomain
import TIPersistence
import Vapor

/// Inspiring projects: the public list, a project and its image, the editors' form, the admins' review.
struct InspiringProjectsController {
    func index(req: Request) async throws -> Response {
        let role = req.principal?.role
        let page = InspiringProjectsPage(
            projects: try await InspiringProjects.list(alsoPending: role == .admin, on: req.db),
            mayPropose: role.map { [.admin, .region, .territory].contains($0) } ?? false, seesPending: role == .admin)
        return HTMLResponse.make(page.render())
    }

    /// The turnkey sites qualified today, by name (a project may stand on one).
    func sites(_ req: Request) async throws -> [(id: String, name: String)] {
        try await SiteQueries.list(.init(asOf: req.clock.today), on: req.db)
            .map { (id: $0.id.uuidString, name: "\($0.content.name) (\($0.communeName))") }
            .sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
    }

    /// The territories the principal may write for.
    func writable(_ req: Request) async throws -> [GeoQueries.TerritorySummary] {
        try await req.territorySummaries().filter {
            InspiringAccess.mayEdit(req.principal, territory: $0.id, regions: $0.regions) && $0.endDate == nil
        }
    }

    func newForm(req: Request) async throws -> Response {
        HTMLResponse.make(
            InspiringProjectFormPage(
                form: InspiringProjectForm(), territories: try await writable(req).map { ($0.id.rawValue, $0.name) },
                sites: try await sites(req)
            )
            .render())
    }

    func create(req: Request) async throws -> Response {
        try await save(req, id: nil)
    }

    /// The form of a project its editor may change (a returned one, to send it again).
    func editForm(req: Request) async throws -> Response {
        let project = try await editable(req)
        return HTMLResponse.make(
            InspiringProjectFormPage(
                form: InspiringProjectForm(project.content), projectID: project.id,
                territories: try await writable(req).map { ($0.id.rawValue, $0.name) }, sites: try await sites(req)
            ).render())
    }

    func update(req: Request) async throws -> Response {
        try await save(req, id: try await editable(req).id)
    }

    /// The project of the path, if the principal may edit it; else 404.
    func editable(_ req: Request) async throws -> InspiringProjects.Project {
        let project = try await visible(req)
        let regions = try await req.territorySummaries().first { $0.id == project.content.territory }?.regions ?? []
        guard InspiringAccess.mayEdit(req.principal, territory: project.content.territory, regions: regions) else {
            throw AppError.notFound("Ce projet ne relève pas de votre périmètre.")
        }
        return project
    }

    func save(_ req: Request, id: UUID?) async throws -> Response {
        let form = try req.content.decode(InspiringProjectForm.self)
        let territories = try await writable(req)
        let sites = try await sites(req)
        func refuse(_ errors: [String: String]) -> Response {
            HTMLResponse.make(
                InspiringProjectFormPage(
                    form: form, projectID: id, territories: territories.map { ($0.id.rawValue, $0.name) }, sites: sites, errors: errors
                ).render(),
                status: .badRequest)
        }
        var errors: [String: String] = [:]
        var image: (data: ByteBuffer, type: String)?
        if let file = try? req.content.get(File.self, at: "image"), file.data.readableBytes > 0 {
            do {
                let type = try AttachmentPolicy.check(filename: file.filename, data: file.data)
                if type == "image/png" || type == "image/jpeg" {
                    image = (file.data, type)
                } else {
                    errors["image"] = "L’image est un fichier PNG ou JPEG."
                }
            } catch let error as AppError {
                errors["image"] = error.message
            }
        }
        let content: InspiringProjectContent
        switch form.content() {
        case .success(let c): content = c
        case .failure(let error): return refuse(errors.merging(error.fields) { first, _ in first })
        }
        guard errors.isEmpty else { return refuse(errors) }
        guard let territory = territories.first(where: { $0.id == content.territory }) else {
            return refuse(["territoire": "Ce territoire ne relève pas de votre périmètre."])
        }
        var stored: (key: String, type: String)?
        if let image { stored = (try await req.application.fileStorage.store(image.data), image.type) }
        do {
            let saved = try await InspiringProjects.create(
                content, id: id, regions: territory.regions, image: stored, by: req.auditActor, principal: try req.requirePrincipal(),
                on: req.db)
            return req.redirect(to: SiteURL.inspiringProject(saved).path + "?ok=propose", redirectType: .normal)
        } catch {
            if let stored { try? await req.application.fileStorage.delete(stored.key) }  // no file without its record
            if let error = error as? FundError, error.kind == .invalid { return refuse(error.fields) }
            throw error
        }
    }

    /// The project of the path, if the principal may see it (published ones for everyone); else 404.
    func visible(_ req: Request) async throws -> InspiringProjects.Project {
        guard let id = req.parameters.get("id", as: UUID.self), let project = try await InspiringProjects.find(id, on: req.db) else {
            throw AppError.notFound("Ce projet n’existe pas.")
        }
        if project.status == .published { return project }
        let regions = try await req.territorySummaries().first { $0.id == project.content.territory }?.regions ?? []
        guard InspiringAccess.mayEdit(req.principal, territory: project.content.territory, regions: regions) else {
            throw AppError.notFound("Ce projet n’existe pas ou n’est pas encore publié.")
        }
        return project
    }

    static let notices = [
        "propose": "Projet proposé : il sera publié après relecture.", "publie": "Projet publié.",
        "renvoye": "Projet renvoyé avec votre motif.",
    ]

    func show(req: Request) async throws -> Response {
        let notice = (try? req.query.get(String.self, at: "ok")).flatMap { Self.notices[$0] }
        let project = try await visible(req)
        let regions = try await req.territorySummaries().first { $0.id == project.content.territory }?.regions ?? []
        let page = InspiringProjectPage(
            project: project, mayPublish: InspiringAccess.mayPublish(req.principal),
            mayEdit: InspiringAccess.mayEdit(req.principal, territory: project.content.territory, regions: regions), notice: notice)
        return HTMLResponse.make(page.render())
    }

    func image(req: Request) async throws -> Response {
        let project = try await visible(req)
        guard let image = try await InspiringProjects.image(project.id, on: req.db) else {
            throw AppError.notFound("Ce projet n’a pas d’image.")
        }
        let response = Response(status: .ok, body: .init(buffer: try await req.application.fileStorage.read(image.key)))
        response.headers.replaceOrAdd(name: .contentType, value: image.type)
        response.headers.replaceOrAdd(
            name: .cacheControl, value: project.status == .published ? "public, max-age=3600" : "private, no-store")
        return response
    }

    struct ReviewForm: Content {
        var decision: String?
        var motif: String?
    }

    func review(req: Request) async throws -> Response {
        let project = try await visible(req)
        let form = try req.content.decode(ReviewForm.self)
        guard let decision = form.decision, ["publier", "renvoyer"].contains(decision) else {
            throw AppError.badRequest("decision_inconnue", "Choisissez de publier le projet ou de le renvoyer.")
        }
        do {
            try await InspiringProjects.review(
                project.id, publish: decision == "publier", reason: form.motif, by: req.auditActor, principal: try req.requirePrincipal(),
                on: req.db)
            return req.redirect(
                to: SiteURL.inspiringProject(project.id).path + "?ok=\(decision == "publier" ? "publie" : "renvoye")", redirectType: .normal
            )
        } catch let error as FundError where error.kind == .invalid {
            let page = InspiringProjectPage(project: project, mayPublish: true, errors: error.fields, reason: form.motif ?? "")
            return HTMLResponse.make(page.render(), status: .badRequest)
        }
    }
}
