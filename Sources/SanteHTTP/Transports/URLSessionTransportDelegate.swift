import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The delegate of the session a ``URLSessionTransport`` creates: it blocks redirects (unless asked to
/// follow them) and refuses HTTP authentication challenges, which are the middleware's job.
final class URLSessionTransportDelegate: NSObject, URLSessionTaskDelegate, Sendable {
    private let followsRedirects: Bool

    init(followsRedirects: Bool) {
        self.followsRedirects = followsRedirects
    }

    func urlSession(
        _ session: URLSession,
        task: URLSessionTask,
        willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest,
        completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(followsRedirects ? request : nil)
    }

    func urlSession(
        _ session: URLSession,
        task: URLSessionTask,
        didReceive challenge: URLAuthenticationChallenge,
        completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void
    ) {
        #if canImport(FoundationNetworking)
            // FoundationNetworking waits forever on a 401 challenge it cannot answer; cancelling ends the task,
            // and the transport returns the 401 response from `task.response`.
            let httpAuthenticationMethods = [
                NSURLAuthenticationMethodHTTPBasic, NSURLAuthenticationMethodHTTPDigest,
                NSURLAuthenticationMethodDefault, NSURLAuthenticationMethodNTLM, NSURLAuthenticationMethodNegotiate,
            ]
            let isHTTPAuthentication = httpAuthenticationMethods.contains(
                challenge.protectionSpace.authenticationMethod)
            completionHandler(isHTTPAuthentication ? .cancelAuthenticationChallenge : .performDefaultHandling, nil)
        #else
            // Apple platforms return the 401 response when no credential is found (the session has no store).
            completionHandler(.performDefaultHandling, nil)
        #endif
    }
}
