/// Everything the programme needs to know about a place, from any INSEE code.
public struct CommuneResolution: Codable, Sendable, Equatable {
    public struct Ref: Codable, Sendable, Equatable {
        public var code: String
        public var name: String
        public init(code: String, name: String) {
            self.code = code
            self.name = name
        }
    }

    public struct EpciRef: Codable, Sendable, Equatable {
        public var siren: String
        public var name: String
        public var kind: String
        public init(siren: String, name: String, kind: String) {
            self.siren = siren
            self.name = name
            self.kind = kind
        }
    }

    public struct TerritoryRef: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    /// The code that was asked for.
    public var requestedCode: String
    /// How the requested code was matched: `commune`, `arrondissement`, `commune déléguée`, …
    public var matchedAs: String
    /// The name of the matched row when it is not the commune itself (e.g. "Lyon 3e Arrondissement").
    public var matchedName: String?
    public var commune: Ref
    public var population: Int?
    public var epci: EpciRef?
    public var territories: [TerritoryRef]
    public var departement: Ref
    public var region: Ref
    public var zonings: [ZoningKind]
    public var fragile: Bool

    public init(
        requestedCode: String, matchedAs: String, matchedName: String?, commune: Ref, population: Int?,
        epci: EpciRef?, territories: [TerritoryRef], departement: Ref, region: Ref, zonings: [ZoningKind]
    ) {
        self.requestedCode = requestedCode
        self.matchedAs = matchedAs
        self.matchedName = matchedName
        self.commune = commune
        self.population = population
        self.epci = epci
        self.territories = territories
        self.departement = departement
        self.region = region
        self.zonings = zonings.sorted()
        self.fragile = Fragility.isFragile(zonings)
    }
}
