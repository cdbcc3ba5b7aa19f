import Foundation

/// Decodable types for the differential tests of ``JSONByteDecoding``.
enum JSONByteDecodingFixtures {
    /// The mock server's echo, as the request pipeline decodes it.
    struct Echo: Decodable, Equatable {
        let method: String
        let path: String
        let query: String
        let headers: [String: String]
        let bodyByteCount: Int
    }

    /// Optionals of several kinds.
    struct Optionals: Decodable, Equatable {
        var a: Int?
        var b: String?
        var c: [Int]?
        var d: Inner?
        var e: Bool?
        var f: Double?
    }

    /// A nested struct.
    struct Inner: Decodable, Equatable {
        var x: Int
        var y: [String]
        var z: [String: Inner]?
    }

    /// An enum with a string raw value.
    enum Colour: String, Decodable, Equatable {
        case red, green, blue = "BLUE"
    }

    /// An enum with an integer raw value.
    enum Level: Int, Decodable, Equatable {
        case low = 1, high = 2
    }

    /// An enum with associated values (synthesised).
    enum Shape: Decodable, Equatable {
        case circle(radius: Double)
        case rectangle(width: Int, height: Int?)
        case labelled(String, Int)
        case empty
    }

    /// Everything at once.
    struct Mixed: Decodable, Equatable {
        var colour: Colour
        var level: Level?
        var shapes: [Shape]
        var tags: Set<String>
        var byNumber: [Int: String]
        var matrix: [[Double]]
        var flag: Bool
        var date: Date?
        var float: Float?
    }

    /// A type that decodes through `decodeIfPresent` and `contains`.
    struct Lenient: Decodable, Equatable {
        var name: String
        var count: Int
        var hasExtra: Bool
        var nullNote: Bool

        private enum CodingKeys: String, CodingKey { case name, count, extra, note }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decodeIfPresent(String.self, forKey: .name) ?? "?"
            count = try container.decodeIfPresent(Int.self, forKey: .count) ?? -1
            hasExtra = container.contains(.extra)
            nullNote = container.contains(.note) ? try container.decodeNil(forKey: .note) : false
        }
    }

    /// A value that may be written as a number or a string, read with `try?` alternatives.
    enum IntOrString: Decodable, Equatable {
        case int(Int)
        case string(String)
        case other

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let int = try? container.decode(Int.self) {
                self = .int(int)
            } else if let string = try? container.decode(String.self) {
                self = .string(string)
            } else {
                self = .other
            }
        }
    }

    /// A type that records the coding path it was decoded at.
    struct PathProbe: Decodable, Equatable {
        var path: [String]
        var indices: [Int?]

        init(from decoder: any Decoder) throws {
            path = decoder.codingPath.map(\.stringValue)
            indices = decoder.codingPath.map(\.intValue)
            _ = try? decoder.singleValueContainer().decodeNil()
        }
    }

    /// A type that holds path probes deep down.
    struct PathHolder: Decodable, Equatable {
        var probe: PathProbe
        var list: [PathProbe]
        var map: [String: [PathProbe]]
    }

    /// A base type decoded through `superDecoder()`.
    struct Base: Decodable, Equatable {
        var id: Int?
        var path: [String]

        private enum CodingKeys: String, CodingKey { case id }

        init(from decoder: any Decoder) throws {
            path = decoder.codingPath.map(\.stringValue)
            if try decoder.singleValueContainer().decodeNil() {
                id = nil
            } else {
                id = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(Int.self, forKey: .id)
            }
        }
    }

    /// A type decoding its base through `superDecoder()` and `superDecoder(forKey:)`.
    struct Derived: Decodable, Equatable {
        var base: Base
        var other: Base
        var name: String

        private enum CodingKeys: String, CodingKey { case name, other }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            base = try Base(from: container.superDecoder())
            other = try Base(from: container.superDecoder(forKey: .other))
            name = try container.decode(String.self, forKey: .name)
        }
    }

    /// A type that reads containers by hand: nested containers, `allKeys`, unkeyed counts and indices.
    struct Manual: Decodable, Equatable {
        var keys: [String]
        var count: Int?
        var items: [String]
        var trail: [Int]
        var pairs: [[Int]]

        private enum CodingKeys: String, CodingKey { case map, list, pairs }

        /// Any key.
        private struct AnyKey: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let map = try container.nestedContainer(keyedBy: AnyKey.self, forKey: .map)
            keys = map.allKeys.map(\.stringValue).sorted()
            var list = try container.nestedUnkeyedContainer(forKey: .list)
            count = list.count
            items = []
            trail = [list.currentIndex]
            while !list.isAtEnd {
                if try list.decodeNil() {
                    items.append("null")
                } else {
                    items.append(try list.decodeIfPresent(String.self) ?? "nil")
                }
                trail.append(list.currentIndex)
            }
            _ = try list.decodeIfPresent(Int.self)
            trail.append(list.currentIndex)
            trail.append(list.isAtEnd ? 1 : 0)
            var outer = try container.nestedUnkeyedContainer(forKey: .pairs)
            pairs = []
            while !outer.isAtEnd {
                var inner = try outer.nestedUnkeyedContainer()
                var pair: [Int] = []
                while !inner.isAtEnd { pair.append(try inner.decode(Int.self)) }
                pairs.append(pair)
            }
        }
    }

    /// A type that catches a failed nested container and reads something else.
    struct Fallbacks: Decodable, Equatable {
        var value: String

        private enum CodingKeys: String, CodingKey { case value }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let nested = try? container.nestedContainer(keyedBy: CodingKeys.self, forKey: .value) {
                value = "object:" + ((try? nested.decode(String.self, forKey: .value)) ?? "-")
            } else if var list = try? container.nestedUnkeyedContainer(forKey: .value) {
                value = "array:\(list.count ?? -1):" + ((try? list.decode(String.self)) ?? "-")
            } else if let number = try? container.decode(Double.self, forKey: .value) {
                value = "number:\(number)"
            } else {
                value = "other:" + ((try? container.decode(String.self, forKey: .value)) ?? "-")
            }
        }
    }

    /// Special types, read with `try?`.
    struct Specials: Decodable, Equatable {
        var data: Data?
        var url: URL?
        var decimal: Decimal?

        private enum CodingKeys: String, CodingKey { case data, url, decimal }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            data = try? container.decode(Data.self, forKey: .data)
            url = try? container.decode(URL.self, forKey: .url)
            decimal = try? container.decode(Decimal.self, forKey: .decimal)
        }
    }
}
