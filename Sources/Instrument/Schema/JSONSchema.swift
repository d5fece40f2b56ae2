import Foundation

/// A JSON Schema (draft 2020-12) of the instrument format, generated from the same key tables the
/// loader uses, so that editors complete and validate exactly what `peersurvey check` accepts.
public enum JSONSchema {
    /// The schema as pretty-printed JSON with sorted keys.
    public static func document() -> String {
        var definitions: [String: Any] = [:]
        for shape in Shapes.all { definitions[shape.name] = object(shape) }
        definitions["text"] = [
            "description": "A text: a string, or a mapping from language code to string.",
            "oneOf": [
                ["type": "string", "minLength": 1],
                [
                    "type": "object", "minProperties": 1,
                    "propertyNames": ["pattern": Patterns.language],
                    "additionalProperties": ["type": "string", "minLength": 1],
                ],
            ],
        ]
        definitions["expression"] = [
            "description": "An expression (see docs/expressions.md), such as `age >= 18`.",
            "type": ["string", "boolean", "number"],
        ]
        var root = object(Shapes.instrument)
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        root["$id"] = "https://peersurvey.org/schema/instrument.json"
        root["title"] = "peersurvey instrument"
        root["$defs"] = definitions
        let data = (try? JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func object(_ shape: Shape) -> [String: Any] {
        var properties: [String: Any] = [:]
        for key in shape.keys {
            var schema = fragment(key.shape)
            schema["description"] = key.summary
            properties[key.name] = schema
        }
        var result: [String: Any] = [
            "type": "object", "description": shape.summary, "properties": properties, "additionalProperties": false,
        ]
        let required = shape.keys.filter(\.required).map(\.name)
        if !required.isEmpty { result["required"] = required }
        if shape.name == "question" {
            let needsOptions = QuestionType.allCases.filter(\.needsOptions).map(\.rawValue).map { type -> [String: Any] in
                ["if": ["properties": ["type": ["const": type]], "required": ["type"]], "then": ["required": ["options"]]]
            }
            let needsExpression: [String: Any] = [
                "if": ["properties": ["type": ["const": "calculate"]], "required": ["type"]],
                "then": ["required": ["expression"]], "else": ["required": ["text"]],
            ]
            let needsItems: [String: Any] = [
                "if": ["properties": ["type": ["const": "grid"]], "required": ["type"]], "then": ["required": ["items"]],
            ]
            result["allOf"] = needsOptions + [needsExpression, needsItems]
        }
        return result
    }

    private static func fragment(_ shape: ValueShape) -> [String: Any] {
        switch shape {
        case .string(let pattern):
            var result: [String: Any] = ["type": "string"]
            if let pattern { result["pattern"] = pattern }
            return result
        case .integer(let minimum):
            var result: [String: Any] = ["type": "integer"]
            if let minimum { result["minimum"] = minimum }
            return result
        case .number:
            return ["type": "number"]
        case .boolean:
            return ["type": "boolean"]
        case .text:
            return ["$ref": "#/$defs/text"]
        case .expression:
            return ["$ref": "#/$defs/expression"]
        case .list(let item, let minItems):
            var result: [String: Any] = ["type": "array", "items": fragment(item)]
            if minItems > 0 { result["minItems"] = minItems }
            return result
        case .object(let name):
            return ["$ref": "#/$defs/\(name)"]
        case .map(let value):
            return ["type": "object", "additionalProperties": fragment(value)]
        case .oneOf(let shapes):
            return ["oneOf": shapes.map(fragment)]
        case .enumeration(let values):
            return ["enum": values]
        case .pair(let item):
            return ["type": "array", "items": fragment(item), "minItems": 2, "maxItems": 2]
        case .any:
            return [:]
        }
    }

    /// Every key the format accepts, by shape name (for documentation tests).
    public static var keysByShape: [String: [String]] {
        Dictionary(uniqueKeysWithValues: Shapes.all.map { ($0.name, $0.keyNames) })
    }
}
