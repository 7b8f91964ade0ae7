import Vapor

/// The OpenAPI 3.1 description of `/api/v1`. A test compares its paths with the registered routes,
/// so a new endpoint must be described here.
enum OpenAPIDocument {
    static let json: String = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "API Territoires d’industrie",
        "version": "1.0.0",
        "description": "Données publiques du programme Territoires d’industrie : géographie (régions, départements, intercommunalités, communes), registre des territoires. Licence Etalab 2.0. Les erreurs sont renvoyées sous la forme {\"error\": {\"code\", \"message\"}} avec un statut 4xx quand la requête est en cause.",
        "license": {"name": "Licence Ouverte / Etalab 2.0", "url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"}
      },
      "servers": [{"url": "/"}],
      "paths": {
        "/api/v1/regions": {
          "get": {
            "summary": "Les régions",
            "operationId": "listRegions",
            "responses": {"200": {"description": "Liste des régions", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RegionList"}}}}}
          }
        },
        "/api/v1/regions/{code}": {
          "get": {
            "summary": "Une région, avec ses territoires d’industrie",
            "operationId": "getRegion",
            "parameters": [{"name": "code", "in": "path", "required": true, "description": "Code INSEE de la région, ex. 84", "schema": {"type": "string"}}],
            "responses": {
              "200": {"description": "La région", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RegionDetail"}}}},
              "400": {"$ref": "#/components/responses/BadRequest"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/api/v1/territories": {
          "get": {
            "summary": "Les Territoires d’industrie",
            "operationId": "listTerritories",
            "parameters": [
              {"name": "region", "in": "query", "required": false, "description": "Code de région", "schema": {"type": "string"}},
              {"name": "q", "in": "query", "required": false, "description": "Recherche dans le nom (sans tenir compte des accents ni de la casse)", "schema": {"type": "string"}}
            ],
            "responses": {"200": {"description": "Liste des territoires", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TerritoryList"}}}}}
          }
        },
        "/api/v1/territories/{id}": {
          "get": {
            "summary": "Un Territoire d’industrie : gouvernance, intercommunalités, communes",
            "operationId": "getTerritory",
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$"}}],
            "responses": {
              "200": {"description": "Le territoire", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TerritoryDetail"}}}},
              "400": {"$ref": "#/components/responses/BadRequest"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/api/v1/communes/{insee}": {
          "get": {
            "summary": "Résoudre un code INSEE",
            "description": "Tout code INSEE (2A/2B compris ; arrondissements de Paris, Lyon, Marseille et communes déléguées ramenés à leur commune) donne la commune, son EPCI, ses territoires d’industrie, son département, sa région, ses zonages et l’indicateur de fragilité.",
            "operationId": "resolveCommune",
            "parameters": [{"name": "insee", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^([0-9]{2}|2[AB])[0-9]{3}$"}}],
            "responses": {
              "200": {"description": "La résolution", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CommuneResolution"}}}},
              "400": {"$ref": "#/components/responses/BadRequest"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/api/v1/me": {
          "get": {
            "summary": "Le compte pour lequel agit le jeton",
            "operationId": "getMe",
            "security": [{"bearer": []}],
            "responses": {
              "200": {"description": "Le compte", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Me"}}}},
              "401": {"$ref": "#/components/responses/Unauthorized"},
              "429": {"$ref": "#/components/responses/TooManyRequests"}
            }
          }
        },
        "/api/v1/openapi.json": {
          "get": {
            "summary": "Ce document",
            "operationId": "getOpenAPI",
            "responses": {"200": {"description": "Le document OpenAPI", "content": {"application/json": {"schema": {"type": "object"}}}}}
          }
        }
      },
      "components": {
        "securitySchemes": {
          "bearer": {"type": "http", "scheme": "bearer", "description": "Jeton personnel créé sur /compte/jetons ; il agit avec le rôle et le périmètre de son titulaire, limité à 600 requêtes par minute."}
        },
        "responses": {
          "Unauthorized": {"description": "Jeton absent, inconnu, expiré ou révoqué", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "TooManyRequests": {"description": "Trop de requêtes pour ce jeton (en-tête Retry-After)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "BadRequest": {"description": "Requête mal formée", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "NotFound": {"description": "Ressource inconnue", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        },
        "schemas": {
          "Error": {
            "type": "object", "required": ["error"],
            "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}}
          },
          "Me": {
            "type": "object", "required": ["id", "display_name", "role", "regions"],
            "properties": {"id": {"type": "string", "format": "uuid"}, "display_name": {"type": "string"},
              "role": {"type": "string", "enum": ["admin", "region", "prefecture", "reviewer", "territory", "applicant", "viewer"]},
              "regions": {"type": "array", "items": {"type": "string"}}, "territory": {"type": "string"}, "organisation": {"type": "string"}}
          },
          "Named": {"type": "object", "required": ["code", "name"], "properties": {"code": {"type": "string"}, "name": {"type": "string"}}},
          "Region": {
            "type": "object",
            "required": ["code", "name", "overseas", "departements", "epci_count", "commune_count", "population", "territory_count"],
            "properties": {
              "code": {"type": "string"}, "name": {"type": "string"}, "overseas": {"type": "boolean"},
              "departements": {"type": "array", "items": {"$ref": "#/components/schemas/Named"}},
              "epci_count": {"type": "integer"}, "commune_count": {"type": "integer"},
              "population": {"type": "integer", "description": "Population municipale (recensement 2017)"},
              "territory_count": {"type": "integer", "description": "Territoires d’industrie présents (un territoire interrégional compte dans chaque région)"}
            }
          },
          "RegionList": {"type": "object", "required": ["count", "items"], "properties": {"count": {"type": "integer"}, "items": {"type": "array", "items": {"$ref": "#/components/schemas/Region"}}}},
          "RegionDetail": {
            "type": "object", "required": ["region", "territories"],
            "properties": {"region": {"$ref": "#/components/schemas/Region"}, "territories": {"type": "array", "items": {"$ref": "#/components/schemas/Territory"}}}
          },
          "Territory": {
            "type": "object",
            "required": ["id", "name", "active", "regions", "departements", "epci_count", "commune_count", "population", "project_lead_funded_by_state"],
            "properties": {
              "id": {"type": "string"}, "name": {"type": "string"}, "active": {"type": "boolean"},
              "regions": {"type": "array", "items": {"type": "string"}}, "departements": {"type": "array", "items": {"type": "string"}},
              "epci_count": {"type": "integer"}, "commune_count": {"type": "integer"}, "population": {"type": "integer"},
              "project_lead_funded_by_state": {"type": "boolean", "description": "Poste de chef de projet cofinancé par l’État (FNADT)"}
            }
          },
          "TerritoryList": {"type": "object", "required": ["count", "items"], "properties": {"count": {"type": "integer"}, "items": {"type": "array", "items": {"$ref": "#/components/schemas/Territory"}}}},
          "Contact": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}, "role": {"type": "string"}, "organisation": {"type": "string"}}},
          "TerritoryDetail": {
            "type": "object", "required": ["territory", "epcis", "communes"],
            "properties": {
              "territory": {"$ref": "#/components/schemas/Territory"},
              "label_date": {"type": "string", "format": "date"},
              "elected_official": {"$ref": "#/components/schemas/Contact"},
              "industrialist": {"$ref": "#/components/schemas/Contact"},
              "project_lead": {"$ref": "#/components/schemas/Contact"},
              "epcis": {"type": "array", "items": {"type": "object", "required": ["siren", "name", "kind", "commune_count", "population"],
                "properties": {"siren": {"type": "string"}, "name": {"type": "string"}, "kind": {"type": "string", "enum": ["CC", "CA", "CU", "ME"]}, "commune_count": {"type": "integer"}, "population": {"type": "integer"}}}},
              "communes": {"type": "array", "items": {"type": "object", "required": ["code", "name"], "properties": {"code": {"type": "string"}, "name": {"type": "string"}, "population": {"type": "integer"}}}}
            }
          },
          "CommuneResolution": {
            "type": "object",
            "required": ["requested_code", "matched_as", "commune", "departement", "region", "territories", "zonings", "fragile"],
            "properties": {
              "requested_code": {"type": "string"},
              "matched_as": {"type": "string", "description": "commune, arrondissement municipal, commune déléguée, commune associée, secteur municipal"},
              "matched_name": {"type": "string"},
              "commune": {"$ref": "#/components/schemas/Named"},
              "population": {"type": "integer"},
              "epci": {"type": "object", "properties": {"siren": {"type": "string"}, "name": {"type": "string"}, "kind": {"type": "string"}}},
              "territories": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}}}},
              "departement": {"$ref": "#/components/schemas/Named"},
              "region": {"$ref": "#/components/schemas/Named"},
              "zonings": {"type": "array", "items": {"type": "string", "enum": ["qpv", "afr", "zrr", "acv"]}},
              "fragile": {"type": "boolean", "description": "Vrai si au moins un zonage s’applique"}
            }
          }
        }
      }
    }
    """#

    static func serve(req: Request) -> Response {
        let response = Response(status: .ok, body: .init(string: json))
        response.headers.contentType = .json
        return response
    }
}
