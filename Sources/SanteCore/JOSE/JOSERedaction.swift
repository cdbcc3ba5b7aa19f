// Textual descriptions and mirrors of the JOSE types that hold tokens or key material.
//
// Swift's default `String(describing:)`, `String(reflecting:)` and `dump(_:)` print every stored
// property, which would put tokens, signatures and private keys in logs. Each type below describes
// itself with public metadata only (algorithm, key type, key identifier) and reflects no secret.

/// `kid: "<id>"` when there is one.
private func keyIDText(_ keyID: String?) -> String {
    keyID.map { ", kid: \"\($0)\"" } ?? ""
}

extension JWS: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The algorithm and key identifier only, such as `JWS(RS256, kid: "k1", <redacted>)`: never the token.
    public var description: String {
        "JWS(\(header.algorithm)\(keyIDText(header.keyID)), <redacted>)"
    }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// A mirror with the algorithm and key identifier only, so that `dump` does not print the token.
    public var customMirror: Mirror {
        Mirror(
            self, children: ["algorithm": header.algorithm, "keyID": header.keyID as Any], displayStyle: .struct)
    }
}

extension VerifiedJWS: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The algorithm and key identifier only, such as `VerifiedJWS(ES256, kid: "k1", <redacted>)`.
    public var description: String {
        "VerifiedJWS(\(header.algorithm)\(keyIDText(header.keyID)), <redacted>)"
    }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// A mirror with the algorithm and key identifier only: neither the token nor the key.
    public var customMirror: Mirror {
        Mirror(
            self, children: ["algorithm": header.algorithm, "keyID": header.keyID as Any], displayStyle: .struct)
    }
}

extension JWK: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The key type, identifier and algorithm, and whether private members are present, such as
    /// `JWK(RSA, kid: "k1", alg: RS256, private)`. Key material (`d`, `p`, `q`, `dp`, `dq`, `qi`, `k`…)
    /// is never shown.
    public var description: String {
        let algorithmText = algorithm.map { ", alg: \($0)" } ?? ""
        let privacyText = containsPrivateMembers ? ", private" : ""
        return "JWK(\(keyType)\(keyIDText(keyID))\(algorithmText)\(privacyText))"
    }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// A mirror with the key's metadata only, so that `dump` prints no key material.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "keyType": keyType, "keyID": keyID as Any, "algorithm": algorithm as Any,
                "containsPrivateMembers": containsPrivateMembers,
            ],
            displayStyle: .struct)
    }
}

extension JWSSigningKey: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The key type and identifier only, such as `JWSSigningKey(EC, kid: "k1", <redacted>)`.
    public var description: String {
        "JWSSigningKey(\(keyType)\(keyIDText(keyID)), <redacted>)"
    }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// A mirror with the key type and identifier only, so that `dump` prints no key material.
    public var customMirror: Mirror {
        Mirror(self, children: ["keyType": keyType, "keyID": keyID as Any], displayStyle: .struct)
    }
}

extension JWSVerificationKey: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The algorithm binding and identifier only, such as `JWSVerificationKey(kid: "k1", <redacted>)`;
    /// an HMAC secret is never shown.
    public var description: String {
        let algorithmText = algorithm.map { "\($0)" } ?? "any"
        return "JWSVerificationKey(\(algorithmText)\(keyIDText(keyID)), <redacted>)"
    }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// A mirror with the algorithm binding and identifier only.
    public var customMirror: Mirror {
        Mirror(self, children: ["keyID": keyID as Any, "algorithm": algorithm as Any], displayStyle: .struct)
    }
}
