import Vapor

/// Every `ti` command, by the name typed after `ti`.
func registerCommands(_ app: Application) {
    app.asyncCommands.use(ServeAfterMigrating(), as: "serve", isDefault: true)
    var imports = AsyncCommands()
    imports.use(ImportGeoCommand(), as: "geo")
    imports.use(ImportTerritoriesCommand(), as: "territories")
    imports.use(ImportZoningCommand(), as: "zoning")
    imports.use(ImportGrantsCommand(), as: "grants")
    app.asyncCommands.use(
        imports.group(help: "Importe la géographie, le registre des territoires, un zonage ou des subventions publiées (SCDL)."),
        as: "import")
    var users = AsyncCommands()
    users.use(UserCreateCommand(), as: "create")
    users.use(UserListCommand(), as: "list")
    app.asyncCommands.use(users.group(help: "Crée ou liste les comptes."), as: "user")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(BenchCommand(), as: "bench")
    app.asyncCommands.use(ReportCommand(), as: "report")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(RestoreCommand(), as: "restore")
    app.asyncCommands.use(PurgeCommand(), as: "purge")
    var audit = AsyncCommands()
    audit.use(AuditVerifyCommand(), as: "verify")
    app.asyncCommands.use(audit.group(help: "Vérifie le journal d’audit."), as: "audit")
}
