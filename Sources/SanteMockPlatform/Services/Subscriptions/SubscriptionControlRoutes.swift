import Hummingbird
import SanteCore

/// `GET /_mock/subscriptions` (every Subscription resource) and `GET /_mock/subscriptions/deliveries`
/// (the attempt log of handshakes, heartbeats and event notifications).
enum SubscriptionControlRoutes {
    static func register(on group: RouterGroup<MockRequestContext>, state: SubscriptionServiceState) {
        group.get("subscriptions") { _, _ in
            try MockJSON.response(JSONValue.array(await state.all().map(\.resource)))
        }
        group.get("subscriptions/deliveries") { _, _ in
            try MockJSON.response(await state.deliveries())
        }
    }
}
