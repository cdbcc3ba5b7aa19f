import HTTPTypes

extension HTTPResponse.Status {
    /// A status for `code` with its standard reason phrase when known (HTTPTypes leaves it empty when
    /// a status is built from a bare code).
    static func standard(_ code: Int) -> HTTPResponse.Status {
        knownStatuses.first { $0.code == code } ?? HTTPResponse.Status(code: code)
    }

    /// The reason phrase, or `"HTTP <code>"` when the status has none.
    var displayName: String {
        if !reasonPhrase.isEmpty {
            return reasonPhrase
        }
        return Self.knownStatuses.first { $0.code == code }?.reasonPhrase ?? "HTTP \(code)"
    }

    private static let knownStatuses: [HTTPResponse.Status] = [
        .ok, .created, .accepted, .nonAuthoritativeInformation, .noContent, .resetContent, .partialContent,
        .multipleChoices, .movedPermanently, .found, .seeOther, .notModified, .temporaryRedirect, .permanentRedirect,
        .badRequest, .unauthorized, .forbidden, .notFound, .methodNotAllowed, .notAcceptable,
        .proxyAuthenticationRequired, .requestTimeout, .conflict, .gone, .lengthRequired, .preconditionFailed,
        .contentTooLarge, .uriTooLong, .unsupportedMediaType, .rangeNotSatisfiable, .expectationFailed,
        .misdirectedRequest, .unprocessableContent, .tooEarly, .upgradeRequired, .preconditionRequired,
        .tooManyRequests, .requestHeaderFieldsTooLarge, .unavailableForLegalReasons,
        .internalServerError, .notImplemented, .badGateway, .serviceUnavailable, .gatewayTimeout,
        .httpVersionNotSupported, .networkAuthenticationRequired,
    ]
}
