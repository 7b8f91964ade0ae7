import TIGeo
import TIPersistence
import Vapor

/// Minimal GeoJSON writing (RFC 7946: lon/lat, outer rings counter-clockwise).
enum GeoJSON {
    static func feature(_ shape: MultiPolygon, properties: [String: Any]) -> [String: Any] {
        let coordinates = shape.polygons.map { polygon in
            polygon.rings.map { ring in (ring + [ring.first!]).map { [($0.x * 1e5).rounded() / 1e5, ($0.y * 1e5).rounded() / 1e5] } }
        }
        return ["type": "Feature", "properties": properties, "geometry": ["type": "MultiPolygon", "coordinates": coordinates]]
    }

    static func point(lon: Double, lat: Double, properties: [String: Any]) -> [String: Any] {
        ["type": "Feature", "properties": properties, "geometry": ["type": "Point", "coordinates": [lon, lat]]]
    }

    static func collection(_ features: [[String: Any]]) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: ["type": "FeatureCollection", "features": features], options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}
