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
            "description": "Données publiques du programme Territoires d’industrie : géographie (régions, départements, intercommunalités, communes), registre des territoires. Licence Etalab 2.0. Les erreurs sont renvoyées sous la forme {\"error\": {\"code\", \"message\"}} : 400 quand la requête ne respecte pas ce document (le serveur applique les schémas ci-dessous), 422 quand elle le respecte mais que les règles la refusent, 401 sans jeton valide, 403 hors des droits du jeton, 404 pour une ressource inconnue, 405 (avec Allow) pour une méthode non décrite, 409 en conflit avec l’état, 413 pour un corps trop gros, 429 (avec Retry-After) au-delà de 600 requêtes par minute et par jeton. Chaque réponse GET porte un ETag (et Last-Modified pour les données publiques) : renvoyez-le dans If-None-Match pour obtenir 304 sans corps. Les listes paginées donnent les pages voisines dans next/previous et dans l’en-tête Link. Les opérations publiques (sans jeton) autorisent CORS (Access-Control-Allow-Origin: *), sans cookies.",
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
                "parameters": [{"name": "code", "in": "path", "required": true, "description": "Code INSEE de la région, ex. 84", "schema": {"type": "string", "enum": ["01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94"]}}],
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
                  {"name": "region", "in": "query", "required": false, "description": "Code INSEE de la région", "schema": {"type": "string", "enum": ["01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94"]}},
                  {"name": "q", "in": "query", "required": false, "description": "Recherche dans le nom (sans tenir compte des accents ni de la casse)", "schema": {"type": "string", "pattern": "^[^\\x00]*$"}}
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
                "parameters": [{"name": "insee", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^(0[1-9]|[1-9][0-9]|2[ABab])[0-9]{3}$"}}],
                "responses": {
                  "200": {"description": "La résolution", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CommuneResolution"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/api/v1/calls": {
              "get": {
                "summary": "Les appels à projets du fonds d’accélération",
                "operationId": "listCalls",
                "responses": {"200": {"description": "Liste des appels", "content": {"application/json": {"schema": {"type": "object", "required": ["count", "items"], "properties": {"count": {"type": "integer"}, "items": {"type": "array", "items": {"$ref": "#/components/schemas/Call"}}}}}}}}
              }
            },
            "/api/v1/calls/{id}": {
              "get": {
                "summary": "Un appel, avec ses enveloppes par région et financeur",
                "operationId": "getCall",
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
                "responses": {
                  "200": {"description": "L’appel", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Call"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/api/v1/applications": {
              "get": {
                "summary": "Les dossiers visibles par le titulaire du jeton (région, territoire ou organisation)",
                "operationId": "listApplications",
                "security": [{"bearer": []}],
                "parameters": [
                  {"name": "appel", "in": "query", "schema": {"type": "string", "format": "uuid"}},
                  {"name": "region", "in": "query", "schema": {"type": "string", "enum": ["01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94"]}},
                  {"name": "departement", "in": "query", "schema": {"type": "string", "pattern": "^(0[1-9]|[1-9][0-9]|2[AB]|97[1-6])$"}},
                  {"name": "etat", "in": "query", "schema": {"type": "string", "enum": ["draft", "submitted", "under_review", "information_requested", "reviewed", "in_committee", "laureate", "rejected", "withdrawn", "agreement_signed", "payments_in_progress", "closed"]}},
                  {"name": "ti", "in": "query", "schema": {"type": "string", "enum": ["oui", "non"]}},
                  {"name": "fragile", "in": "query", "schema": {"type": "string", "enum": ["oui", "non"]}},
                  {"name": "taille", "in": "query", "schema": {"type": "string", "enum": ["tpe", "pme", "eti", "ge"]}},
                  {"name": "filiere", "in": "query", "schema": {"type": "string", "pattern": "^[^\\x00]*$"}},
                  {"name": "aide_min", "in": "query", "schema": {"type": "string", "pattern": "^[0-9]{1,12}$"}, "description": "En euros"},
                  {"name": "aide_max", "in": "query", "schema": {"type": "string", "pattern": "^[0-9]{1,12}$"}, "description": "En euros"},
                  {"name": "q", "in": "query", "schema": {"type": "string", "pattern": "^[^\\x00]*$"}, "description": "Nom du porteur, titre ou référence"},
                  {"name": "tri", "in": "query", "schema": {"type": "string", "enum": ["depot", "aide", "nom", "reference"]}},
                  {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 10000}}
                ],
                "responses": {
                  "200": {"description": "Une page de dossiers (100 au plus)", "content": {"application/json": {"schema": {"type": "object", "required": ["count", "page", "page_size", "items"], "properties": {"count": {"type": "integer"}, "page": {"type": "integer"}, "page_size": {"type": "integer"}, "next": {"$ref": "#/components/schemas/PageAddress"}, "previous": {"$ref": "#/components/schemas/PageAddress"}, "items": {"type": "array", "items": {"$ref": "#/components/schemas/Application"}}}}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"}
                }
              }
            },
            "/api/v1/applications/{id}": {
              "get": {
                "summary": "Un dossier (404 hors du périmètre du titulaire du jeton)",
                "operationId": "getApplication",
                "security": [{"bearer": []}],
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
                "responses": {
                  "200": {"description": "Le dossier", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Application"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/api/v1/applications/{id}/decisions": {
              "post": {
                "summary": "Enregistrer l’avis de l’État (préfecture) ou de la Région (conseil régional) sur un dossier en comité",
                "description": "Le second avis favorable engage l’aide sur les enveloppes de la région, atomiquement ; si une enveloppe est insuffisante, la décision est refusée (409) avec le manque, et rien ne change. Un avis défavorable rejette le dossier.",
                "operationId": "decideApplication",
                "security": [{"bearer": []}],
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["favourable", "motivation"], "additionalProperties": false, "properties": {"favourable": {"type": "boolean"}, "motivation": {"type": "string", "minLength": 10, "pattern": "^[^\\x00]*$"}}}}}},
                "responses": {
                  "200": {"description": "Le dossier après l’avis", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Application"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"description": "Rôle sans décision", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "409": {"description": "Dossier hors comité, avis déjà rendu, enveloppe insuffisante ou plafond d’aides dépassé", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
                }
              }
            },
            "/api/v1/envelopes": {
              "get": {
                "summary": "Les enveloppes (montant, engagé, versé, disponible) des régions du titulaire",
                "operationId": "listEnvelopes",
                "security": [{"bearer": []}],
                "responses": {
                  "200": {"description": "Enveloppes", "content": {"application/json": {"schema": {"type": "object", "required": ["count", "items"], "properties": {"count": {"type": "integer"}, "items": {"type": "array", "items": {"$ref": "#/components/schemas/Envelope"}}}}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"}
                }
              }
            },
            "/api/v1/actions": {
              "get": {
                "summary": "Les actions validées des plans d’actions des territoires",
                "description": "Les fiches actions publiées (validées par la Région), par territoire puis référence, 100 par page, filtrables comme la page /plans.",
                "operationId": "listActions",
                "parameters": [
                  {"name": "region", "in": "query", "schema": {"type": "string", "enum": ["01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94"]}, "description": "Code INSEE de la région"},
                  {"name": "axe", "in": "query", "schema": {"type": "string", "enum": ["attirer", "recruter", "innover", "simplifier"]}},
                  {"name": "theme", "in": "query", "schema": {"type": "string", "enum": ["competences", "foncier", "mobilite", "attractivite", "transition_ecologique", "innovation", "recrutement", "autre"]}},
                  {"name": "porteur", "in": "query", "schema": {"type": "string", "enum": ["public", "prive", "mixte"]}},
                  {"name": "statut", "in": "query", "schema": {"type": "string", "enum": ["idee", "en_preparation", "en_cours", "realisee", "abandonnee"]}},
                  {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 10000}}
                ],
                "responses": {
                  "200": {"description": "Une page d’actions (100 au plus)", "content": {"application/json": {"schema": {"type": "object", "required": ["count", "page", "page_size", "items"], "properties": {"count": {"type": "integer"}, "page": {"type": "integer"}, "page_size": {"type": "integer"}, "next": {"$ref": "#/components/schemas/PageAddress"}, "previous": {"$ref": "#/components/schemas/PageAddress"}, "items": {"type": "array", "items": {"$ref": "#/components/schemas/Action"}}}}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"}
                }
              }
            },
            "/api/v1/commitments": {
              "get": {
                "summary": "Les engagements des partenaires du programme",
                "description": "Les engagements saisis (hors fonds d’accélération, compté à partir de ses enveloppes), du plus récent au plus ancien, 100 par page : montant en euros, ou quantité dans l’unité de l’instrument.",
                "operationId": "listCommitments",
                "parameters": [
                  {"name": "partner", "in": "query", "schema": {"type": "string", "pattern": "^[^\\x00]*$"}, "description": "Code du partenaire (ademe, bdt, apec…)"},
                  {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 10000}}
                ],
                "responses": {
                  "200": {"description": "Une page d’engagements", "content": {"application/json": {"schema": {"type": "object", "required": ["count", "page", "page_size", "items"], "properties": {"count": {"type": "integer"}, "page": {"type": "integer"}, "page_size": {"type": "integer"}, "next": {"$ref": "#/components/schemas/PageAddress"}, "previous": {"$ref": "#/components/schemas/PageAddress"}, "items": {"type": "array", "items": {"$ref": "#/components/schemas/Commitment"}}}}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"}
                }
              },
              "post": {
                "summary": "Enregistrer un engagement d’un partenaire",
                "description": "Par l’administration nationale, ou par un opérateur partenaire pour les instruments de son organisation. Un montant en euros, ou une quantité dans l’unité de l’instrument ; la référence (facultative) est celle du partenaire : deux engagements d’un instrument ne la partagent pas.",
                "operationId": "createCommitment",
                "security": [{"bearer": []}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["instrument", "on"], "additionalProperties": false, "properties": {"instrument": {"type": "string", "pattern": "^[^\\x00]*$"}, "on": {"type": "string", "format": "date"}, "region": {"type": "string", "enum": ["01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94"]}, "territory_id": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$"}, "amount_eur": {"type": "number", "exclusiveMinimum": 0, "maximum": 10000000000}, "quantity": {"type": "integer", "minimum": 1, "maximum": 1000000}, "note": {"type": "string", "maxLength": 1000, "pattern": "^[^\\x00]*$"}, "reference": {"type": "string", "minLength": 1, "maxLength": 100, "pattern": "^[^\\x00]*$"}, "action_id": {"type": "string", "format": "uuid"}}}}}},
                "responses": {
                  "201": {"description": "L’engagement enregistré", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Commitment"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"description": "Rôle sans saisie d’engagements", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                  "409": {"description": "Référence déjà enregistrée pour cet instrument", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
                }
              }
            },
            "/api/v1/sites": {
              "get": {
                "summary": "Les sites industriels clés en main qualifiés à une date",
                "operationId": "listSites",
                "parameters": [
                  {"name": "as_of", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "Date (par défaut : aujourd’hui)"},
                  {"name": "region", "in": "query", "schema": {"type": "string", "enum": ["01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94"]}, "description": "Code INSEE de la région"},
                  {"name": "vague", "in": "query", "schema": {"type": "string", "enum": ["2020-01", "2020-07", "2021-09"]}},
                  {"name": "procedures", "in": "query", "schema": {"type": "string", "enum": ["toutes"]}},
                  {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 10000}}
                ],
                "responses": {
                  "200": {"description": "Une page de sites (100 au plus)", "content": {"application/json": {"schema": {"type": "object", "required": ["count", "page", "page_size", "items"], "properties": {"count": {"type": "integer"}, "page": {"type": "integer"}, "page_size": {"type": "integer"}, "next": {"$ref": "#/components/schemas/PageAddress"}, "previous": {"$ref": "#/components/schemas/PageAddress"}, "items": {"type": "array", "items": {"$ref": "#/components/schemas/Site"}}}}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"}
                }
              }
            },
            "/api/v1/report": {
              "get": {
                "summary": "Les chiffres du rapport « point d’étape » à une date",
                "description": "Chaque chiffre imprimé dans le rapport (page /rapport, PDF /rapport.pdf), avec l’indicateur dont il vient et sa couverture ; pour chaque section, ce qui manque à cette date ou dans ce périmètre.",
                "operationId": "getReport",
                "parameters": [
                  {"name": "as_of", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "Date d’arrêté (par défaut : aujourd’hui)"},
                  {"name": "region", "in": "query", "schema": {"type": "string", "enum": ["01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94", "OM"]}, "description": "Code INSEE de la région, ou OM pour l’Outre-mer (par défaut : France entière)"}
                ],
                "responses": {
                  "200": {"description": "Les chiffres du rapport", "content": {"application/json": {"schema": {"type": "object", "required": ["as_of", "scope", "sections", "figures"], "properties": {
                    "as_of": {"type": "string", "format": "date"}, "scope": {"type": "string"},
                    "sections": {"type": "array", "items": {"type": "object", "required": ["id", "title", "absent"], "properties": {"id": {"type": "string"}, "title": {"type": "string"}, "absent": {"type": "array", "items": {"type": "string"}}}}},
                    "figures": {"type": "array", "items": {"type": "object", "required": ["id", "label", "text"], "properties": {"id": {"type": "string"}, "label": {"type": "string"}, "value": {"type": ["number", "null"]}, "text": {"type": "string"}, "indicator": {"type": "string"}, "note": {"type": "string"}}}}
                  }}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"}
                }
              }
            },
            "/api/v1/indicators": {
              "get": {
                "summary": "Tous les indicateurs d’un périmètre, à une date",
                "description": "Chaque chiffre est calculé à partir des dossiers : valeur, unité, numérateur et dénominateur, couverture des données, date d’arrêté, identifiant et libellé de la définition. Les ventilations multi-étiquettes (enjeux) le signalent et ne s’additionnent pas.",
                "operationId": "listIndicators",
                "parameters": [
                  {"name": "as_of", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "Date d’arrêté (par défaut : aujourd’hui)"},
                  {"name": "known_at", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "Telle que connue à cette date : écarte les suivis saisis après elle"},
                  {"name": "region", "in": "query", "schema": {"type": "string", "enum": ["01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94", "OM"]}, "description": "Code de région, ou OM pour l’Outre-mer"},
                  {"name": "territory", "in": "query", "schema": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$"}, "description": "Identifiant de Territoire d’industrie"}
                ],
                "responses": {
                  "200": {"description": "Indicateurs par identifiant", "content": {"application/json": {"schema": {"type": "object", "required": ["as_of", "scope", "indicators"], "properties": {"as_of": {"type": "string", "format": "date"}, "scope": {"type": "string"}, "indicators": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/Indicator"}}}}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/api/v1/indicators/{id}": {
              "get": {
                "summary": "Un indicateur, éventuellement ventilé",
                "operationId": "getIndicator",
                "parameters": [
                  {"name": "id", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[a-z0-9_.-]{1,64}$"}, "description": "Par exemple laureates.count, laureates.share_sme_midcap, laureates.stake.ecological ; hors fonds : actions.count, actions.planned_investment_eur, financing.engaged_eur (national), sites.count"},
                  {"name": "breakdown", "in": "query", "schema": {"type": "string", "enum": ["region", "departement", "territory", "in_territory", "fragile", "size", "sector", "stake", "skills", "ecological", "call", "decision_month"]}},
                  {"name": "as_of", "in": "query", "schema": {"type": "string", "format": "date"}},
                  {"name": "known_at", "in": "query", "schema": {"type": "string", "format": "date"}},
                  {"name": "region", "in": "query", "schema": {"type": "string", "enum": ["01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94", "OM"]}},
                  {"name": "territory", "in": "query", "schema": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$"}}
                ],
                "responses": {
                  "200": {"description": "L’indicateur", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Indicator"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/api/v1/webhooks": {
              "get": {
                "summary": "Les abonnements webhooks du titulaire du jeton",
                "operationId": "listWebhooks",
                "security": [{"bearer": []}],
                "responses": {
                  "200": {"description": "Abonnements (sans leur secret)", "content": {"application/json": {"schema": {"type": "object", "required": ["count", "items"], "properties": {"count": {"type": "integer"}, "items": {"type": "array", "items": {"$ref": "#/components/schemas/WebhookSubscription"}}}}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"}
                }
              },
              "post": {
                "summary": "S’abonner à des événements des dossiers visibles par le titulaire du jeton",
                "description": "Chaque livraison est un POST JSON vers l’adresse (HTTPS obligatoire), avec les en-têtes TI-Event (l’événement), TI-Delivery (identifiant de la livraison, identique à chaque tentative : clé d’idempotence) et TI-Signature « t=<secondes Unix>,v1=<HMAC-SHA256 hexadécimal> », calculé avec le secret sur « <t>.<corps> ». Toute réponse hors 2xx (ou aucune réponse en 10 s) est retentée avec un délai croissant (30 s, 1 min, 2 min… au plus 1 h) pendant 24 h. Les livraisons d’un même dossier arrivent dans l’ordre : une livraison attend que les précédentes du même dossier soient livrées. Événements : dossier.etat (changement d’état), dossier.decision (avis de l’État ou de la Région pour le personnel instructeur et décideur ; issue lauréat ou rejeté pour les autres), dossier.paiement (versement ou reversement). Le secret n’est montré qu’une fois, dans cette réponse. 20 abonnements au plus par compte.",
                "operationId": "createWebhook",
                "security": [{"bearer": []}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["url", "events"], "additionalProperties": false, "properties": {"url": {"type": "string", "minLength": 1, "maxLength": 2000, "pattern": "^[!-~]+$", "description": "Adresse HTTPS du point de réception"}, "events": {"type": "array", "minItems": 1, "maxItems": 10, "items": {"type": "string", "enum": ["dossier.etat", "dossier.decision", "dossier.paiement"]}}}}}}},
                "responses": {
                  "201": {"description": "L’abonnement, avec son secret (montré cette seule fois)", "headers": {"Location": {"description": "Adresse de l’abonnement", "schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/WebhookSubscription"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "409": {"description": "Déjà 20 abonnements pour ce compte", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                  "422": {"description": "Adresse refusée (pas en HTTPS, adresse privée, mal formée)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
                }
              }
            },
            "/api/v1/webhooks/{id}": {
              "delete": {
                "summary": "Supprimer un de ses abonnements et son journal de livraisons",
                "operationId": "deleteWebhook",
                "security": [{"bearer": []}],
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
                "responses": {
                  "204": {"description": "Supprimé"},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/api/v1/webhooks/{id}/deliveries": {
              "get": {
                "summary": "Le journal des livraisons d’un abonnement, de la plus récente à la plus ancienne",
                "operationId": "listWebhookDeliveries",
                "security": [{"bearer": []}],
                "parameters": [
                  {"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}},
                  {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 10000}}
                ],
                "responses": {
                  "200": {"description": "Une page de livraisons (100 au plus)", "content": {"application/json": {"schema": {"type": "object", "required": ["count", "page", "page_size", "items"], "properties": {"count": {"type": "integer"}, "page": {"type": "integer"}, "page_size": {"type": "integer"}, "next": {"$ref": "#/components/schemas/PageAddress"}, "previous": {"$ref": "#/components/schemas/PageAddress"}, "items": {"type": "array", "items": {"$ref": "#/components/schemas/WebhookDelivery"}}}}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/api/v1/webhooks/{id}/deliveries/{delivery}/redeliver": {
              "post": {
                "summary": "Renvoyer une livraison (même identifiant, même corps), avec une nouvelle fenêtre de 24 h",
                "operationId": "redeliverWebhook",
                "security": [{"bearer": []}],
                "parameters": [
                  {"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}},
                  {"name": "delivery", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}
                ],
                "responses": {
                  "202": {"description": "Renvoi programmé", "content": {"application/json": {"schema": {"type": "object", "required": ["id", "status"], "properties": {"id": {"type": "string", "format": "uuid"}, "status": {"type": "string", "enum": ["pending"]}}}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
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
              "TooManyRequests": {"description": "Trop de requêtes pour ce jeton", "headers": {"Retry-After": {"description": "Secondes à attendre", "schema": {"type": "integer", "minimum": 1}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "Unprocessable": {"description": "Requête conforme à ce document mais refusée par les règles (région inconnue, date hors de 1900–2200, montant incohérent…)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "PayloadTooLarge": {"description": "Corps trop volumineux", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "UnsupportedMediaType": {"description": "Corps qui n’est pas du JSON", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "BadRequest": {"description": "Requête mal formée", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "NotFound": {"description": "Ressource inconnue", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "Forbidden": {"description": "Le rôle du titulaire du jeton ne permet pas cette opération", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "NotModified": {"description": "Inchangé : l’ETag envoyé dans If-None-Match est toujours celui de la réponse", "headers": {"ETag": {"description": "Empreinte de la réponse", "schema": {"type": "string"}}}}
            },
            "schemas": {
              "PageAddress": {"type": "string", "description": "Adresse de la page suivante ou précédente (aussi dans l’en-tête Link), absente aux extrémités", "examples": ["/api/v1/actions?region=84&page=2"]},
              "Site": {
                "type": "object",
                "required": ["id", "name", "commune_code", "commune_name", "departement", "region", "surface_m2", "available_m2", "planning_cleared", "archaeology_cleared", "environment_cleared", "wave", "qualified_on"],
                "properties": {
                  "id": {"type": "string", "format": "uuid"}, "name": {"type": "string"}, "commune_code": {"type": "string"},
                  "commune_name": {"type": "string"}, "departement": {"type": "string"}, "region": {"type": "string"},
                  "territory_id": {"type": ["string", "null"]}, "surface_m2": {"type": "integer"}, "available_m2": {"type": "integer"},
                  "planning_cleared": {"type": "boolean"}, "archaeology_cleared": {"type": "boolean"}, "environment_cleared": {"type": "boolean"},
                  "wave": {"type": "string", "enum": ["2020-01", "2020-07", "2021-09"]}, "qualified_on": {"type": "string", "format": "date"}
                }
              },
              "Commitment": {
                "type": "object",
                "required": ["id", "partner", "partner_name", "instrument", "instrument_name", "unit", "on"],
                "properties": {
                  "id": {"type": "string", "format": "uuid"}, "partner": {"type": "string"}, "partner_name": {"type": "string"},
                  "instrument": {"type": "string"}, "instrument_name": {"type": "string"}, "unit": {"type": "string"},
                  "on": {"type": "string", "format": "date"}, "region": {"type": ["string", "null"]}, "territory_id": {"type": ["string", "null"]},
                  "amount_eur": {"type": ["number", "null"]}, "quantity": {"type": ["integer", "null"]},
                  "reference": {"type": ["string", "null"]}, "action_id": {"type": ["string", "null"], "format": "uuid"}
                }
              },
              "Action": {
                "type": "object",
                "required": ["id", "territory_id", "territory_name", "reference", "title", "description", "axis", "themes", "carrier_type", "status", "status_on", "specific"],
                "properties": {
                  "id": {"type": "string", "format": "uuid"}, "territory_id": {"type": "string"}, "territory_name": {"type": "string"},
                  "reference": {"type": "string"}, "title": {"type": "string"}, "description": {"type": "string"},
                  "axis": {"type": "string", "enum": ["attirer", "recruter", "innover", "simplifier"]},
                  "themes": {"type": "array", "items": {"type": "string"}},
                  "carrier_type": {"type": "string", "enum": ["public", "prive", "mixte"]},
                  "carrier_name": {"type": ["string", "null"]}, "siren": {"type": ["string", "null"]},
                  "planned_investment_eur": {"type": ["number", "null"]},
                  "status": {"type": "string", "enum": ["idee", "en_preparation", "en_cours", "realisee", "abandonnee"]},
                  "status_on": {"type": "string", "format": "date"}, "specific": {"type": "boolean"}
                }
              },
              "Error": {
                "type": "object", "required": ["error"],
                "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}}
              },
              "IndicatorValue": {
                "type": "object", "required": ["value"],
                "properties": {"value": {"type": "number"}, "cents": {"type": "integer"}, "numerator": {"type": "number"}, "denominator": {"type": "number"},
                  "coverage": {"type": "object", "properties": {"known": {"type": "integer"}, "total": {"type": "integer"}, "description": {"type": "string"}}},
                  "unit": {"type": "string"}, "label": {"type": "string"}}
              },
              "Indicator": {
                "type": "object", "required": ["id", "label", "description", "unit", "as_of", "scope", "result", "multi_label"],
                "properties": {"id": {"type": "string"}, "label": {"type": "string"}, "description": {"type": "string"},
                  "unit": {"type": "string", "enum": ["count", "euros", "jobs", "places", "share", "persons"]}, "as_of": {"type": "string", "format": "date"},
                  "scope": {"type": "string"}, "result": {"$ref": "#/components/schemas/IndicatorValue"},
                  "parts": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/IndicatorValue"}},
                  "breakdown": {"type": "string"}, "multi_label": {"type": "boolean"}, "note": {"type": "string"},
                  "rows": {"type": "array", "items": {"type": "object", "properties": {"key": {"type": "string"}, "label": {"type": "string"}, "result": {"$ref": "#/components/schemas/IndicatorValue"}}}}}
              },
              "Envelope": {
                "type": "object", "required": ["id", "call_id", "region", "funder", "amount_cents", "committed_cents", "paid_cents", "remaining_cents", "one_for_one"],
                "properties": {"id": {"type": "string", "format": "uuid"}, "call_id": {"type": "string", "format": "uuid"}, "region": {"type": "string"},
                  "funder": {"type": "string", "enum": ["state", "region"]}, "amount_cents": {"type": "integer"}, "committed_cents": {"type": "integer"},
                  "paid_cents": {"type": "integer"}, "remaining_cents": {"type": "integer"}, "one_for_one": {"type": "boolean"}}
              },
              "Call": {
                "type": "object", "required": ["id", "title", "opens_on", "closes_on", "carriers", "sizes", "regions", "minimum_investment_cents", "start_within_months", "collaborative", "regime", "ceiling_cents"],
                "properties": {"id": {"type": "string", "format": "uuid"}, "title": {"type": "string"}, "description": {"type": "string"},
                  "opens_on": {"type": "string", "format": "date"}, "closes_on": {"type": "string", "format": "date"},
                  "carriers": {"type": "array", "items": {"type": "string", "enum": ["company", "association", "collective"]}},
                  "sizes": {"type": "array", "items": {"type": "string", "enum": ["tpe", "pme", "eti", "ge"]}},
                  "regions": {"type": "array", "items": {"type": "string"}}, "minimum_investment_cents": {"type": "integer"},
                  "start_within_months": {"type": "integer"}, "collaborative": {"type": "boolean"}, "regime": {"type": "string"},
                  "ceiling_cents": {"type": "integer", "description": "Plafond d’aides par entreprise pour ce régime"},
                  "envelopes": {"type": "array", "items": {"$ref": "#/components/schemas/Envelope"}}}
              },
              "Application": {
                "type": "object", "required": ["id", "call_id", "state", "fragile", "investment_cents", "stakes", "aid_state_cents", "aid_region_cents"],
                "properties": {"id": {"type": "string", "format": "uuid"}, "reference": {"type": "string"}, "call_id": {"type": "string", "format": "uuid"},
                  "state": {"type": "string"}, "carrier_name": {"type": "string"}, "siren": {"type": "string"}, "size": {"type": "string"}, "sector": {"type": "string"},
                  "commune_code": {"type": "string"}, "region_code": {"type": "string"}, "departement_code": {"type": "string"}, "territory_id": {"type": "string"},
                  "fragile": {"type": "boolean"}, "title": {"type": "string"}, "investment_cents": {"type": "integer"}, "requested_aid_cents": {"type": "integer"},
                  "jobs_created": {"type": "integer"}, "stakes": {"type": "array", "items": {"type": "string", "enum": ["relocation", "skills", "ecological"]}},
                  "submitted_on": {"type": "string", "format": "date"}, "decided_on": {"type": "string", "format": "date"},
                  "aid_state_cents": {"type": "integer"}, "aid_region_cents": {"type": "integer"},
                  "review": {"type": "object", "description": "Instruction (services de l’État, Régions, Bpifrance, administration seulement)",
                    "properties": {"eligible_investment_cents": {"type": "integer"}, "proposed_state_cents": {"type": "integer"}, "proposed_region_cents": {"type": "integer"},
                      "state_decision": {"type": "string", "enum": ["favourable", "unfavourable"]}, "region_decision": {"type": "string", "enum": ["favourable", "unfavourable"]}}}}
              },
              "Me": {
                "type": "object", "required": ["id", "display_name", "role", "regions"],
                "properties": {"id": {"type": "string", "format": "uuid"}, "display_name": {"type": "string"},
                  "role": {"type": "string", "enum": ["admin", "region", "prefecture", "reviewer", "territory", "partner", "applicant", "viewer"]},
                  "regions": {"type": "array", "items": {"type": "string"}}, "territory": {"type": "string"}, "organisation": {"type": "string"}}
              },
              "WebhookSubscription": {
                "type": "object", "required": ["id", "url", "events", "active", "created_at"],
                "properties": {"id": {"type": "string", "format": "uuid"}, "url": {"type": "string"},
                  "events": {"type": "array", "items": {"type": "string", "enum": ["dossier.etat", "dossier.decision", "dossier.paiement"]}},
                  "active": {"type": "boolean"}, "created_at": {"type": "string", "format": "date-time"},
                  "secret": {"type": "string", "description": "Clé de la signature HMAC-SHA256 ; seulement dans la réponse à la création"}}
              },
              "WebhookDelivery": {
                "type": "object", "required": ["id", "event", "application_id", "sequence", "status", "attempts", "created_at"],
                "properties": {"id": {"type": "string", "format": "uuid", "description": "Identifiant de la livraison (en-tête TI-Delivery), clé d’idempotence"},
                  "event": {"type": "string", "enum": ["dossier.etat", "dossier.decision", "dossier.paiement"]},
                  "application_id": {"type": "string", "format": "uuid"}, "sequence": {"type": "integer", "description": "Ordre des livraisons d’un dossier"},
                  "status": {"type": "string", "enum": ["pending", "delivered", "failed"]}, "attempts": {"type": "integer"},
                  "next_attempt_at": {"type": "string", "format": "date-time"}, "last_status": {"type": "integer"}, "last_error": {"type": "string"},
                  "delivered_at": {"type": "string", "format": "date-time"}, "created_at": {"type": "string", "format": "date-time"}}
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

    /// The document as served: `json` with the answers every operation can get (`APIContract`).
    static func serve(req: Request) -> Response {
        let response = Response(status: .ok, body: .init(string: APIContract.shared.servedJSON))
        response.headers.contentType = .json
        return response
    }
}
