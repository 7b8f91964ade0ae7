import FluentKit
import FluentSQL

/// Race-free numbering of application references: one atomic upsert per deposit, so parallel
/// deposits in one région get distinct numbers on SQLite and PostgreSQL alike. The counter never
/// goes below the highest reference already stored with the prefix (data loaded by `ti demo` or
/// from before the counter existed).
public enum ReferenceSequence {
    public static func next(_ prefix: String, on database: any Database) async throws -> Int {
        let sql = database as! any SQLDatabase
        let highest = try await sql.raw(
            """
            SELECT MAX(reference) AS highest FROM applications WHERE reference >= \(bind: prefix) AND reference < \(bind: prefix + "~")
            """
        ).first()?.decode(column: "highest", as: String?.self)
        let floor = (highest.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0) + 1
        let row = try await sql.raw(
            """
            INSERT INTO reference_sequences (prefix, last_value) VALUES (\(bind: prefix), \(bind: floor))
            ON CONFLICT (prefix) DO UPDATE SET last_value = CASE
              WHEN reference_sequences.last_value + 1 > excluded.last_value THEN reference_sequences.last_value + 1
              ELSE excluded.last_value END
            RETURNING last_value
            """
        ).first()
        guard let row else { throw FundError(.conflict, "reference", "Numérotation des dossiers indisponible : réessayez.") }
        return try row.decode(column: "last_value", as: Int.self)
    }
}
