import TIDomain
import Vapor

/// The routing table. Every route declares who may call it (`Access`), and paths come from
/// `SiteURL` / `APIURL`, so links and routes cannot drift apart. The authorisation matrix in
/// ARCHITECTURE.md is this table; `AuthorisationMatrixTests` checks it route by route.
func routes(_ app: Application) throws {
    let site = SiteController()
    app.endpoint(.GET, SiteURL.home.components, access: .everyone, cached: true, use: site.home)
    let mapPage = MapPageController()
    app.endpoint(.GET, SiteURL.map.components, access: .everyone, cached: true, use: mapPage.page)
    app.endpoint(.GET, SiteURL.mapLayer(.key).components, access: .everyone, cached: true, use: mapPage.layer)
    app.endpoint(.GET, SiteURL.laureate(.key).components, access: .everyone, use: mapPage.laureate)
    app.endpoint(.GET, SiteURL.indicators.components, access: .everyone, cached: true, use: site.indicators)
    let openData = OpenDataController()
    app.endpoint(.GET, SiteURL.data.components, access: .everyone, use: openData.catalogue)
    app.endpoint(.GET, SiteURL.dataGrants.components, access: .everyone, use: openData.grants)
    app.endpoint(.GET, SiteURL.dataSchemes.components, access: .everyone, use: openData.schemes)
    app.endpoint(.GET, SiteURL.dataCatalogue.components, access: .everyone, use: openData.dcat)
    app.endpoint(.GET, SiteURL.apiDocs.components, access: .everyone) { req in
        HTMLResponse.make(APIDocPage(reference: .shared, publicURL: req.application.config.publicURL).render())
    }

    let territories = TerritoryController()
    app.endpoint(.GET, SiteURL.territories.components, access: .everyone, cached: true, use: territories.index)
    app.endpoint(.GET, SiteURL.territory(.key).components, access: .everyone, cached: true, use: territories.show)

    let plans = ActionPlanController()
    let planWriters: Access = .roles([.territory, .admin])
    app.endpoint(.GET, SiteURL.territoryPlan(.key).components, access: .everyone, use: plans.plan)
    app.endpoint(.GET, SiteURL.territoryPlanCSV(.key).components, access: .everyone, use: plans.planCSV)
    app.endpoint(.POST, SiteURL.territoryPlanImport(.key).components, access: planWriters, use: plans.importPlan)
    app.endpoint(.GET, SiteURL.territoryPlanNew(.key).components, access: planWriters, use: plans.newForm)
    app.endpoint(.POST, SiteURL.territoryPlanNew(.key).components, access: planWriters, use: plans.create)
    app.endpoint(.GET, SiteURL.action(.key).components, access: .everyone, use: plans.show)
    app.endpoint(.GET, SiteURL.actionEdit(.key).components, access: planWriters, use: plans.editForm)
    app.endpoint(.POST, SiteURL.actionEdit(.key).components, access: planWriters, use: plans.update)
    app.endpoint(.POST, SiteURL.actionReview(.key).components, access: .roles([.region, .admin]), use: plans.review)
    app.endpoint(.GET, SiteURL.plans.components, access: .everyone, use: plans.plans)
    app.endpoint(.GET, SiteURL.plansCSV.components, access: .everyone, use: plans.plansCSV)

    let financing = FinancingController()
    app.endpoint(.GET, SiteURL.financing.components, access: .everyone, use: financing.page)
    let commitmentWriters = Access.roles([.admin, .partner])
    app.endpoint(.GET, SiteURL.commitments.components, access: commitmentWriters, use: financing.commitments)
    app.endpoint(.POST, SiteURL.commitments.components, access: commitmentWriters, use: financing.record)
    app.endpoint(.POST, SiteURL.commitmentsImport.components, access: commitmentWriters, use: financing.importFile)
    app.endpoint(.POST, SiteURL.partners.components, access: .admin) { try await financing.addToCatalogue(req: $0, partner: true) }
    app.endpoint(.POST, SiteURL.instruments.components, access: .admin) { try await financing.addToCatalogue(req: $0, partner: false) }

    let sites = SitesController()
    app.endpoint(.GET, SiteURL.sites.components, access: .everyone, use: sites.index)
    app.endpoint(.GET, SiteURL.sitesCSV.components, access: .everyone, use: sites.csv)
    app.endpoint(.GET, SiteURL.sitesGeoJSON.components, access: .everyone, use: sites.geojson)
    app.endpoint(.GET, SiteURL.site(.key).components, access: .everyone, use: sites.show)
    let cofundings = CofundingController()
    app.endpoint(.GET, SiteURL.adminCofundings.components, access: .admin, use: cofundings.index)
    app.endpoint(.POST, SiteURL.adminCofundings.components, access: .admin, use: cofundings.importFile)
    app.endpoint(.GET, SiteURL.adminSites.components, access: .admin, use: sites.form)
    app.endpoint(.POST, SiteURL.adminSites.components, access: .admin, use: sites.create)
    app.endpoint(.GET, SiteURL.adminSite(.key).components, access: .admin, use: sites.editForm)
    app.endpoint(.POST, SiteURL.adminSite(.key).components, access: .admin, use: sites.update)

    let surveys = SurveyController()
    let surveyReaders: Access = .roles([.admin, .region])
    app.endpoint(.GET, SiteURL.surveys.components, access: .admin, use: surveys.index)
    app.endpoint(.POST, SiteURL.surveys.components, access: .admin, use: surveys.create)
    app.endpoint(.POST, SiteURL.surveyLaunch(.key).components, access: .admin, use: surveys.launch)
    app.endpoint(.POST, SiteURL.surveyRemind(.key).components, access: .admin, use: surveys.remind)
    app.endpoint(.GET, SiteURL.survey(.key).components, access: surveyReaders, use: surveys.show)
    app.endpoint(.GET, SiteURL.surveyCSV(.key).components, access: surveyReaders, use: surveys.csv)
    app.endpoint(.GET, SiteURL.surveyAnswer(.key).components, access: .everyone, use: surveys.answerForm)
    app.endpoint(.POST, SiteURL.surveyAnswer(.key).components, access: .everyone, use: surveys.answer)

    let report = ReportController()
    app.endpoint(.GET, SiteURL.report.components, access: .everyone, use: report.page)
    app.endpoint(.GET, SiteURL.reportPDF.components, access: .everyone, use: report.pdf)
    app.endpoint(.GET, SiteURL.reportStyle.components, access: .everyone, use: report.style)
    app.endpoint(.GET, SiteURL.reportEditions.components, access: .admin, use: report.editions)
    app.endpoint(.POST, SiteURL.reportEditions.components, access: .admin, use: report.createEdition)
    app.endpoint(.GET, SiteURL.reportEditionEdit(.key).components, access: .admin, use: report.editForm)
    app.endpoint(.POST, SiteURL.reportEditionEdit(.key).components, access: .admin, use: report.saveEdition)
    app.endpoint(.POST, SiteURL.reportEditionPublish(.key).components, access: .admin, use: report.publish)
    app.endpoint(.GET, SiteURL.reportEdition(.key).components, access: .everyone, use: report.show)
    app.endpoint(.GET, SiteURL.reportEditionPDF(.key).components, access: .everyone, use: report.editionPDF)

    let inspiring = InspiringProjectsController()
    let editors: Access = .roles([.territory, .region, .admin])
    app.endpoint(.GET, SiteURL.inspiring.components, access: .everyone, use: inspiring.index)
    app.endpoint(.GET, SiteURL.inspiringNew.components, access: editors, use: inspiring.newForm)
    app.endpoint(.POST, SiteURL.inspiringNew.components, access: editors, use: inspiring.create)
    app.endpoint(.GET, SiteURL.inspiringProject(.key).components, access: .everyone, use: inspiring.show)
    app.endpoint(.GET, SiteURL.inspiringImage(.key).components, access: .everyone, use: inspiring.image)
    app.endpoint(.POST, SiteURL.inspiringReview(.key).components, access: .admin, use: inspiring.review)
    app.endpoint(.GET, SiteURL.inspiringEdit(.key).components, access: editors, use: inspiring.editForm)
    app.endpoint(.POST, SiteURL.inspiringEdit(.key).components, access: editors, use: inspiring.update)

    let regions = RegionController()
    app.endpoint(.GET, SiteURL.regions.components, access: .everyone, cached: true, use: regions.index)
    app.endpoint(.GET, SiteURL.region(.key).components, access: .everyone, cached: true, use: regions.show)
    app.endpoint(.GET, SiteURL.departement(.key).components, access: .everyone, cached: true, use: DepartementController().show)

    let maps = MapController()
    app.endpoint(.GET, SiteURL.mapRegions.components, access: .everyone, use: maps.regions)
    app.endpoint(.GET, SiteURL.mapDepartements.components, access: .everyone, use: maps.departements)
    app.endpoint(.GET, SiteURL.mapTerritories.components, access: .everyone, use: maps.territories)
    app.endpoint(.GET, SiteURL.mapRegionEpcis(.key).components, access: .everyone, use: maps.regionEpcis)
    // `/cartes/territoires/{id}.svg`: the router matches whole components, so the handler strips the ".svg".
    app.endpoint(.GET, SiteURL.mapTerritory(.key).components, access: .everyone, use: maps.territory)
    app.endpoint(.GET, SiteURL.mapLayerDocument(.key).components, access: .everyone, use: maps.layerDocument)

    let health = HealthController()
    app.endpoint(.GET, SiteURL.health.components, access: .everyone, use: health.check)
    app.endpoint(.GET, SiteURL.healthLive.components, access: .everyone, use: health.live)
    app.endpoint(.GET, SiteURL.healthReady.components, access: .everyone, use: health.ready)
    app.endpoint(.GET, SiteURL.metrics.components, access: .admin, use: MetricsController.show)

    // Accounts
    let auth = AuthController()
    app.endpoint(.GET, SiteURL.signIn.components, access: .everyone, use: auth.signInForm)
    app.endpoint(.POST, SiteURL.signIn.components, access: .everyone, use: auth.signIn)
    app.endpoint(.POST, SiteURL.signOut.components, access: .everyone, use: auth.signOut)
    app.endpoint(.GET, SiteURL.forgotPassword.components, access: .everyone, use: auth.forgotForm)
    app.endpoint(.POST, SiteURL.forgotPassword.components, access: .everyone, use: auth.forgot)
    app.endpoint(.GET, SiteURL.resetPassword(.key).components, access: .everyone, use: auth.resetForm)
    app.endpoint(.POST, SiteURL.resetPassword(.key).components, access: .everyone, use: auth.reset)

    let account = AccountController()
    app.endpoint(.GET, SiteURL.account.components, access: .signedIn, use: account.show)
    app.endpoint(.GET, SiteURL.accountTokens.components, access: .signedIn, use: account.tokens)
    app.endpoint(.POST, SiteURL.accountTokens.components, access: .signedIn, use: account.createToken)
    app.endpoint(.POST, SiteURL.revokeToken(.key).components, access: .signedIn, use: account.revokeToken)
    let webhookPage = WebhookPageController()
    app.endpoint(.GET, SiteURL.accountWebhooks.components, access: .signedIn, use: webhookPage.show)
    app.endpoint(.POST, SiteURL.webhookRedeliver(.key, .key).components, access: .signedIn, use: webhookPage.redeliver)

    let admin = AdminController()
    app.endpoint(.GET, SiteURL.adminUsers.components, access: .admin, use: admin.users)
    app.endpoint(.POST, SiteURL.adminUsers.components, access: .admin, use: admin.createUser)
    app.endpoint(.GET, SiteURL.adminUser(.key).components, access: .admin, use: admin.editUser)
    app.endpoint(.POST, SiteURL.adminUser(.key).components, access: .admin, use: admin.updateUser)
    app.endpoint(.POST, SiteURL.adminUserDeactivate(.key).components, access: .admin) {
        try await admin.setActive(req: $0, active: false)
    }
    app.endpoint(.POST, SiteURL.adminUserActivate(.key).components, access: .admin) {
        try await admin.setActive(req: $0, active: true)
    }
    app.endpoint(.GET, SiteURL.adminAudit.components, access: .admin, use: admin.audit)
    app.endpoint(.GET, SiteURL.adminAuditCSV.components, access: .admin, use: admin.auditCSV)

    // The fund
    let staff: Set<Role> = [.admin, .region, .prefecture, .reviewer]
    let readers: Set<Role> = staff.union([.territory, .applicant])
    let fund = FundController()
    app.endpoint(.GET, SiteURL.fund.components, access: .everyone, use: fund.index)
    app.endpoint(.GET, SiteURL.fundCall(.key).components, access: .everyone, use: fund.call)
    app.endpoint(.POST, SiteURL.applyToCall(.key).components, access: .roles([.applicant]), use: fund.apply)

    let queue = QueueController()
    app.endpoint(.GET, SiteURL.applications.components, access: .roles(readers), use: queue.mine)
    app.endpoint(.GET, SiteURL.queue.components, access: .roles(staff.union([.territory])), use: queue.queue)
    app.endpoint(.GET, SiteURL.queueCSV.components, access: .roles(staff.union([.territory])), use: queue.csv)

    let dossier = ApplicationController()
    app.endpoint(.GET, SiteURL.application(.key).components, access: .roles(readers), use: dossier.show)
    app.endpoint(.GET, SiteURL.applicationEdit(.key).components, access: .roles([.applicant]), use: dossier.editForm)
    app.endpoint(.POST, SiteURL.applicationEdit(.key).components, access: .roles([.applicant]), use: dossier.save)
    app.endpoint(.POST, SiteURL.applicationDelete(.key).components, access: .roles([.applicant]), use: dossier.deleteDraft)
    app.endpoint(.GET, SiteURL.applicationSubmit(.key).components, access: .roles([.applicant]), use: dossier.confirmSubmit)
    app.endpoint(.POST, SiteURL.applicationSubmit(.key).components, access: .roles([.applicant]), use: dossier.submit)
    app.endpoint(.GET, SiteURL.applicationReceipt(.key).components, access: .roles(readers), use: dossier.receipt)
    app.endpoint(.GET, SiteURL.applicationReceiptPDF(.key).components, access: .roles(readers), use: dossier.receiptPDF)
    app.endpoint(.GET, SiteURL.applicationLetter(.key).components, access: .roles(readers), use: dossier.letter)
    app.endpoint(
        .POST, SiteURL.applicationAction(.key, .key).components, access: .roles(staff.union([.applicant])), use: dossier.action)
    app.endpoint(
        .POST, SiteURL.applicationInfoRequest(.key).components, access: .roles([.reviewer, .admin]), use: dossier.requestInformation)
    app.endpoint(.POST, SiteURL.applicationInstructor(.key).components, access: .roles([.reviewer, .admin]), use: dossier.assign)
    app.endpoint(
        .POST, SiteURL.applicationNotes(.key).components, access: .roles([.reviewer, .admin, .prefecture, .region]), use: dossier.notes)
    app.endpoint(.POST, SiteURL.applicationReview(.key).components, access: .roles([.reviewer, .admin]), use: dossier.review)
    app.endpoint(.POST, SiteURL.applicationDecision(.key).components, access: .roles([.prefecture, .region]), use: dossier.decide)
    app.endpoint(
        .POST, SiteURL.applicationAgreement(.key).components, access: .roles([.admin, .region, .prefecture]), use: dossier.agreement)
    app.endpoint(
        .POST, SiteURL.applicationPayments(.key).components, access: .roles([.admin, .region, .prefecture]), use: dossier.payment)
    app.endpoint(
        .POST, SiteURL.applicationRecovery(.key).components, access: .roles([.admin, .region, .prefecture]), use: dossier.recovery)
    app.endpoint(
        .POST, SiteURL.applicationSchedule(.key).components, access: .roles([.admin, .region, .prefecture]), use: dossier.schedule)
    app.endpoint(
        .POST, SiteURL.applicationFollowUp(.key).components, access: .roles([.admin, .region, .prefecture, .applicant]),
        use: dossier.followUp)
    app.endpoint(
        .POST, SiteURL.applicationMessages(.key).components, access: .roles(staff.union([.applicant])),
        body: .collect(maxSize: "11mb"), use: dossier.message)
    app.endpoint(.GET, SiteURL.attachment(.key, .key).components, access: .roles(readers), use: dossier.download)

    let committee = CommitteeController()
    app.endpoint(.GET, SiteURL.committee(.key).components, access: .roles(staff), use: committee.show)
    app.endpoint(.POST, SiteURL.committee(.key).components, access: .roles([.prefecture, .region]), use: committee.decide)

    let envelopes = EnvelopeController()
    app.endpoint(.GET, SiteURL.envelopes.components, access: .roles(staff), use: envelopes.index)
    app.endpoint(.GET, SiteURL.envelope(.key).components, access: .roles(staff), use: envelopes.show)
    app.endpoint(.POST, SiteURL.envelope(.key).components, access: .admin, use: envelopes.increase)

    let calls = CallAdminController()
    app.endpoint(.GET, SiteURL.adminCalls.components, access: .admin, use: calls.index)
    app.endpoint(.GET, SiteURL.adminCallNew.components, access: .admin, use: calls.newForm)
    app.endpoint(.POST, SiteURL.adminCallNew.components, access: .admin, use: calls.save)
    app.endpoint(.GET, SiteURL.adminCall(.key).components, access: .admin, use: calls.editForm)
    app.endpoint(.POST, SiteURL.adminCall(.key).components, access: .admin, use: calls.save)
    app.endpoint(.POST, SiteURL.adminCallEnvelopes(.key).components, access: .admin, use: calls.createEnvelope)
    app.endpoint(.GET, SiteURL.adminRegimes.components, access: .admin, use: calls.regimes)
    app.endpoint(.POST, SiteURL.adminRegimes.components, access: .admin, use: calls.saveRegime)

    // API
    let fundAPI = FundAPIController()
    app.endpoint(.GET, APIURL.calls.components, access: .everyone, use: fundAPI.calls)
    app.endpoint(.GET, APIURL.call(.key).components, access: .everyone, use: fundAPI.call)
    app.endpoint(.GET, APIURL.applications.components, access: .roles(readers), use: fundAPI.applications)
    app.endpoint(.GET, APIURL.application(.key).components, access: .roles(readers), use: fundAPI.application)
    app.endpoint(.POST, APIURL.applicationDecisions(.key).components, access: .roles([.prefecture, .region]), use: fundAPI.decide)
    app.endpoint(.GET, APIURL.envelopes.components, access: .roles(staff), use: fundAPI.envelopes)

    let indicators = IndicatorAPIController()
    app.endpoint(.GET, APIURL.indicators.components, access: .everyone, cached: true, use: indicators.all)
    app.endpoint(.GET, APIURL.indicator(.key).components, access: .everyone, cached: true, use: indicators.one)
    app.endpoint(.GET, SiteURL.indicatorCSV(.key).components, access: .everyone, use: indicators.csv)

    let api = GeoAPIController()
    app.endpoint(.GET, APIURL.regions.components, access: .everyone, cached: true, use: api.regions)
    app.endpoint(.GET, APIURL.region(.key).components, access: .everyone, cached: true, use: api.region)
    app.endpoint(.GET, APIURL.territories.components, access: .everyone, cached: true, use: api.territories)
    app.endpoint(.GET, APIURL.territory(.key).components, access: .everyone, cached: true, use: api.territory)
    app.endpoint(.GET, APIURL.commune(.key).components, access: .everyone, use: api.commune)
    app.endpoint(.GET, APIURL.actions.components, access: .everyone, use: ActionAPIController().list)
    app.endpoint(.GET, APIURL.commitments.components, access: .everyone, use: financing.api)
    app.endpoint(.POST, APIURL.commitments.components, access: commitmentWriters, use: financing.apiRecord)
    app.endpoint(.GET, APIURL.sites.components, access: .everyone, use: sites.api)
    app.endpoint(.GET, APIURL.report.components, access: .everyone, use: report.api)
    app.endpoint(.GET, APIURL.me.components, access: .signedIn, use: account.me)
    let webhooks = WebhookAPIController()
    app.endpoint(.GET, APIURL.webhooks.components, access: .signedIn, use: webhooks.list)
    app.endpoint(.POST, APIURL.webhooks.components, access: .signedIn, use: webhooks.create)
    app.endpoint(.DELETE, APIURL.webhook(.key).components, access: .signedIn, use: webhooks.delete)
    app.endpoint(.GET, APIURL.webhookDeliveries(.key).components, access: .signedIn, use: webhooks.deliveries)
    app.endpoint(.POST, APIURL.webhookRedelivery(.key, .key).components, access: .signedIn, use: webhooks.redeliver)
    app.endpoint(.GET, APIURL.openapi.components, access: .everyone) { req in OpenAPIDocument.serve(req: req) }
}

extension SiteURL {
    /// The route's path components, parameters as `:name`.
    var components: [PathComponent] { pattern.split(separator: "/").map { PathComponent(stringLiteral: String($0)) } }
}

extension APIURL {
    var components: [PathComponent] { pattern.split(separator: "/").map { PathComponent(stringLiteral: String($0)) } }
}
