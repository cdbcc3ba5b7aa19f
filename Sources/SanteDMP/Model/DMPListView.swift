import SanteCore

/// Shared reading and writing of PDSm `List` elements for ``DMPSubmissionSet`` and ``DMPFolder``.
enum ListMapping {
    /// The identifier with `use` (`usual` = uniqueId, `official` = entryUUID).
    static func identifier(_ use: String, in list: PDSmList) -> FHIRIdentifier? {
        list.identifier.first { $0.use == use }
    }

    static func setIdentifier(_ identifier: FHIRIdentifier?, use: String, in list: inout PDSmList) {
        var identifier = identifier
        identifier?.use = use
        if let index = list.identifier.firstIndex(where: { $0.use == use }) {
            if let identifier {
                list.identifier[index] = identifier
            } else {
                list.identifier.remove(at: index)
            }
        } else if let identifier {
            list.identifier.append(identifier)
        }
    }

    static func extensionValue(_ url: String, in list: PDSmList) -> FHIRExtension.Value? {
        list.firstExtension(url: url)?.value
    }

    static func setExtension(_ url: String, value: FHIRExtension.Value?, in list: inout PDSmList) {
        if let index = list.extension.firstIndex(where: { $0.url == url }) {
            if let value {
                list.extension[index].value = value
            } else {
                list.extension.remove(at: index)
            }
        } else if let value {
            list.extension.append(FHIRExtension(url: url, value: value))
        }
    }

    static func code(of list: PDSmList) -> String? {
        list.code?.coding(system: PDSmURLs.listTypesSystem)?.code
    }

    static func listTypeConcept(_ code: String) -> FHIRCodeableConcept {
        FHIRCodeableConcept(coding: [FHIRCoding(system: PDSmURLs.listTypesSystem, code: code)])
    }
}
