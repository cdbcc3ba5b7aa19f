import HTTPTypes
import Hummingbird

/// The dataset files: `GET`/`HEAD /data/files/<dataset>/<stamp>/<name>` (data.gouv.fr's static files) and
/// `/data/vitemadose/<name>` (Vite Ma Dose's), with validators, conditional requests and byte ranges
/// (``FileResponder``).
enum FileRoutes {
    static func register(on group: RouterGroup<MockRequestContext>, environment: OpenDataEnvironment) {
        for method in [HTTPRequest.Method.get, .head] {
            group.on("files/**", method: method) { request, context in
                let path = "files/" + context.parameters.getCatchAll().joined(separator: "/")
                return await serve(path, request: request, environment: environment)
            }
            group.on("vitemadose/:name", method: method) { request, context in
                let path = "vitemadose/" + (context.parameters.get("name") ?? "")
                return await serve(path, request: request, environment: environment)
            }
        }
    }

    private static func serve(_ path: String, request: Request, environment: OpenDataEnvironment) async -> Response {
        guard let resource = HealthCatalogue.resource(path: path) else {
            return MockJSON.error(.notFound, message: "No file at \(request.uri.path).")
        }
        let file = await environment.store.servedFile(resource)
        return FileResponder.respond(to: request, file: file)
    }
}
