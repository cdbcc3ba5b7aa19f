import Foundation
public import SanteCore

extension FHIRSubscription {
    /// `Subscription.channel`: where notifications go, in what form, with which headers.
    public struct Channel: FHIRBackboneElement {
        /// The element's id.
        public var id: String?
        /// The extensions (heartbeat period, timeout, max count).
        public var `extension`: [FHIRExtension]
        /// Modifier extensions.
        public var modifierExtension: [FHIRExtension]
        /// `rest-hook` (other channel types come through `backport-channel-type`).
        public var type: String
        /// The URL notifications are POSTed to.
        public var endpoint: String?
        /// The notifications' MIME type, such as `application/fhir+json`.
        public var payload: String?
        /// HTTP headers sent with every notification, each written `Name: value`.
        public var header: [String]
        /// Members not modelled here (such as `_payload`).
        public var additionalMembers: [String: JSONValue] = [:]

        /// Creates a channel.
        /// - Parameters:
        ///   - type: The channel type (default `rest-hook`).
        ///   - endpoint: The URL notifications are POSTed to.
        ///   - payload: The MIME type (default `application/fhir+json`).
        ///   - header: Headers sent with every notification.
        public init(
            type: String = "rest-hook", endpoint: String?, payload: String? = "application/fhir+json",
            header: [String] = []
        ) {
            self.type = type
            self.endpoint = endpoint
            self.payload = payload
            self.header = header
            self.extension = []
            self.modifierExtension = []
        }

        /// How much of the resource notifications carry (`_payload.extension[backport-payload-content]`).
        public var payloadContent: SubscriptionPayloadContent? {
            let element = try? primitiveExtension(for: "payload")
            return element?.firstExtension(url: SubscriptionURLs.payloadContent)?.value?.stringValue
                .map(SubscriptionPayloadContent.init(rawValue:))
        }

        /// Sets how much of the resource notifications carry, keeping other `_payload` extensions.
        /// - Parameter content: The payload content, or `nil` to remove it.
        /// - Throws: ``SubscriptionError`` with ``SubscriptionError/Reason/invalidInput`` when `_payload`
        ///   cannot be read or written.
        public mutating func setPayloadContent(_ content: SubscriptionPayloadContent?) throws(SubscriptionError) {
            do {
                var element = try primitiveExtension(for: "payload") ?? FHIRPrimitiveExtension()
                element.extension.removeAll { $0.url == SubscriptionURLs.payloadContent }
                if let content {
                    element.extension.append(
                        FHIRExtension(url: SubscriptionURLs.payloadContent, value: .code(content.rawValue)))
                }
                let isEmpty = element.extension.isEmpty && element.id == nil && element.additionalMembers.isEmpty
                try setPrimitiveExtension(isEmpty ? nil : element, for: "payload")
            } catch {
                throw SubscriptionError(.invalidInput, "the _payload element cannot be written", underlyingError: error)
            }
        }

        /// The heartbeat period, from `backport-heartbeat-period` (seconds).
        public var heartbeatPeriod: Duration? { seconds(SubscriptionURLs.heartbeatPeriod).map { .seconds($0) } }

        /// The delivery timeout, from `backport-timeout` (seconds).
        public var timeout: Duration? { seconds(SubscriptionURLs.timeout).map { .seconds($0) } }

        /// The most events per notification, from `backport-max-count`.
        public var maxCount: Int? { seconds(SubscriptionURLs.maxCount) }

        /// Sets or removes an unsigned-integer channel extension.
        /// - Parameters:
        ///   - value: The value, or `nil` to remove the extension.
        ///   - url: The extension's URL, such as ``SubscriptionURLs/heartbeatPeriod``.
        public mutating func setUnsignedIntegerExtension(_ value: Int?, url: String) {
            `extension`.removeAll { $0.url == url }
            if let value {
                `extension`.append(
                    FHIRExtension(url: url, value: .other(type: "UnsignedInt", value: .integer(Int64(value)))))
            }
        }

        /// The integer value of the extension `url` (`valueUnsignedInt`, `valueInteger`, `valuePositiveInt`…).
        private func seconds(_ url: String) -> Int? {
            switch firstExtension(url: url)?.value {
            case .integer(let number): number
            case .other(_, let json): json.integerValue.map { Int($0) } ?? json.stringValue.flatMap { Int($0) }
            default: nil
            }
        }

        /// Decodes the channel, keeping unknown members.
        public init(from decoder: any Decoder) throws {
            var object = try FHIRObjectDecoder(decoder)
            id = try object.optional("id")
            `extension` = try object.array("extension")
            modifierExtension = try object.array("modifierExtension")
            type = try object.required("type")
            endpoint = try object.optional("endpoint")
            payload = try object.optional("payload")
            header = try object.array("header")
            additionalMembers = try object.remainingMembers()
        }

        /// Encodes the channel with its kept members.
        public func encode(to encoder: any Encoder) throws {
            var object = FHIRObjectEncoder(encoder)
            try object.encode(id, "id")
            try object.encode(`extension`, "extension")
            try object.encode(modifierExtension, "modifierExtension")
            try object.encode(type, "type")
            try object.encode(endpoint, "endpoint")
            try object.encode(payload, "payload")
            try object.encode(header, "header")
            try object.finish(with: additionalMembers)
        }
    }
}
