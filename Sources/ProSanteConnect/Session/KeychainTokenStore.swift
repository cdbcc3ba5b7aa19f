#if canImport(Security)
    public import Foundation
    import Security

    /// A ``TokenStore`` in the Apple Keychain: a generic password item, readable after the first unlock,
    /// on this device only (`kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly`).
    ///
    /// Available where the Security framework is (Apple platforms). It is compiled on those platforms only
    /// and is not exercised by the Linux test suite.
    public struct KeychainTokenStore: TokenStore {
        /// The item's service (`kSecAttrService`), such as your bundle id plus `.psc`.
        public let service: String
        /// The item's account (`kSecAttrAccount`), such as the user's session id.
        public let account: String
        /// The keychain access group shared with other apps, if any.
        public let accessGroup: String?

        /// Creates a store.
        /// - Parameters:
        ///   - service: The item's service.
        ///   - account: The item's account.
        ///   - accessGroup: A shared access group, if any.
        public init(service: String, account: String, accessGroup: String? = nil) {
            self.service = service
            self.account = account
            self.accessGroup = accessGroup
        }

        private var baseQuery: [String: Any] {
            var query: [String: Any] = [
                kSecClass as String: kSecClassGenericPassword,
                kSecAttrService as String: service,
                kSecAttrAccount as String: account,
            ]
            if let accessGroup { query[kSecAttrAccessGroup as String] = accessGroup }
            return query
        }

        /// Reads the item; a missing item means no tokens.
        /// - Throws: ``ProSanteConnectError`` with ``ProSanteConnectError/Reason/tokenStoreFailed``.
        public func load() async throws -> ProSanteConnectTokens? {
            var query = baseQuery
            query[kSecReturnData as String] = true
            query[kSecMatchLimit as String] = kSecMatchLimitOne
            var result: CFTypeRef?
            let status = SecItemCopyMatching(query as CFDictionary, &result)
            if status == errSecItemNotFound { return nil }
            guard status == errSecSuccess, let data = result as? Data else {
                throw failure("the keychain item cannot be read (OSStatus \(status))")
            }
            do {
                return try JSONDecoder().decode(ProSanteConnectTokens.self, from: data)
            } catch {
                throw failure("the keychain item does not hold tokens")
            }
        }

        /// Adds or updates the item.
        /// - Throws: ``ProSanteConnectError`` with ``ProSanteConnectError/Reason/tokenStoreFailed``.
        public func save(_ tokens: ProSanteConnectTokens) async throws {
            let data: Data
            do {
                data = try JSONEncoder().encode(tokens)
            } catch {
                throw failure("the tokens cannot be encoded")
            }
            let attributes: [String: Any] = [
                kSecValueData as String: data,
                kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly,
            ]
            var status = SecItemUpdate(baseQuery as CFDictionary, attributes as CFDictionary)
            if status == errSecItemNotFound {
                let item = baseQuery.merging(attributes) { _, new in new }
                status = SecItemAdd(item as CFDictionary, nil)
            }
            guard status == errSecSuccess else {
                throw failure("the keychain item cannot be saved (OSStatus \(status))")
            }
        }

        /// Deletes the item; a missing item is fine.
        /// - Throws: ``ProSanteConnectError`` with ``ProSanteConnectError/Reason/tokenStoreFailed``.
        public func clear() async throws {
            let status = SecItemDelete(baseQuery as CFDictionary)
            guard status == errSecSuccess || status == errSecItemNotFound else {
                throw failure("the keychain item cannot be deleted (OSStatus \(status))")
            }
        }

        private func failure(_ message: String) -> ProSanteConnectError {
            ProSanteConnectError(.tokenStoreFailed, message, operation: "psc.token_store")
        }
    }
#endif
