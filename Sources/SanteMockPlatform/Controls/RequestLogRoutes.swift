import Hummingbird

/// `GET /_mock/requests` (the log as a JSON array of ``MockRequestRecord``) and `DELETE /_mock/requests`.
enum RequestLogRoutes {
    static func register(on group: RouterGroup<MockRequestContext>, log: MockRequestLog) {
        group.get("requests") { _, _ in
            try MockJSON.response(await log.entries)
        }
        group.delete("requests") { _, _ in
            await log.clear()
            return Response(status: .noContent)
        }
    }
}
