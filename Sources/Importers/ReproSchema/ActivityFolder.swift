import Foundation

/// The files of a ReproSchema activity folder, read as JSON with the folder as a fence: every
/// reference (an item, its response options) must resolve to a file inside the folder, so an
/// activity cannot make the importer read anything else on the machine.
struct ActivityFolder {
    /// The folder, resolved.
    let root: URL
    /// The folder's name, for locations.
    let name: String

    /// The most one JSON file may be.
    static let maximumBytes = 4 << 20

    /// Opens a folder.
    /// - Throws: ``ImportError`` when it is not a readable folder.
    init(path: String) throws(ImportError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(path: path, reason: "no such folder")
        }
        guard isDirectory.boolValue else {
            throw .invalid(
                location: path,
                message:
                    "this is not a ReproSchema activity: give the activity's folder (the one that holds its `_schema` file and `items/`)"
            )
        }
        root = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        name = root.lastPathComponent
    }

    /// A location inside the folder for the report: `GAD7/items/gad7_1`.
    func location(_ url: URL, _ pointer: String = "") -> String {
        let relative =
            url.path.hasPrefix(root.path + "/")
            ? String(url.path.dropFirst(root.path.count + 1)) : url.lastPathComponent
        return "\(name)/\(relative)" + (pointer.isEmpty ? "" : "#\(pointer)")
    }

    /// The file a reference names, relative to the file that names it.
    /// - Throws: ``ImportError`` when the reference leaves the folder, is a web address, or does
    ///   not name a readable file.
    func resolve(_ reference: String, from file: URL, at pointer: String) throws(ImportError) -> URL {
        let place = location(file, pointer)
        if reference.contains("://") {
            throw .invalid(
                location: place,
                message:
                    "`\(reference)` is a web address; peersurvey imports only an activity's own files, so download the item into the activity folder"
            )
        }
        let base = file.deletingLastPathComponent()
        let target =
            (reference.hasPrefix("/") ? URL(fileURLWithPath: reference) : base.appendingPathComponent(reference))
            .standardizedFileURL.resolvingSymlinksInPath()
        guard target.path.hasPrefix(root.path + "/") else {
            throw .invalid(
                location: place,
                message:
                    "`\(reference)` points outside the activity folder \(name); refused (an activity may use only its own files)"
            )
        }
        return target
    }

    /// Reads a JSON object.
    /// - Throws: ``ImportError`` when it cannot be read, is too large or is not a JSON object.
    func object(at url: URL, referencedFrom place: String? = nil) throws(ImportError) -> [String: Any] {
        let data: Data
        do {
            data = try InputFile.read(path: url.path, limit: Self.maximumBytes, what: "a ReproSchema file")
        } catch {
            if case .unreadable = error {
                throw .invalid(
                    location: place ?? location(url), message: "`\(location(url))` does not exist or cannot be read")
            }
            throw error
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw .invalid(location: location(url), message: "this is not a JSON object, so not a ReproSchema file")
        }
        return object
    }

    /// The activity schema: the file of the folder whose category is `Activity`.
    func activity() throws(ImportError) -> (url: URL, object: [String: Any]) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
        for file in names where !file.hasPrefix(".") {
            let url = root.appendingPathComponent(file)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                let object = try? self.object(at: url)
            else { continue }
            let category = (object["category"] as? String) ?? (object["@type"] as? String) ?? ""
            if category.hasSuffix("Activity") { return (url, object) }
        }
        throw .invalid(
            location: name,
            message:
                "this folder is not a ReproSchema activity: none of its files is a JSON-LD schema with `\"category\": \"Activity\"`"
        )
    }
}
