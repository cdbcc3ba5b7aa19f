import Foundation
import SanteMockPlatform
import Testing

/// The generated health files: Vite Ma Dose (101 départements), vaccination places, VACSI and SI-DEP, compared with
/// the real samples' headers and shapes.
@Suite struct OpenDataHealthFileTests {
    static let departmentCodes: [String] =
        (1...19).map { $0 < 10 ? "0\($0)" : "\($0)" } + ["2A", "2B"] + (21...95).map(String.init)
        + ["971", "972", "973", "974", "976"]

    @Test(.timeLimit(.minutes(3)))
    func viteMaDoseServesAll101Departments() async throws {
        #expect(Self.departmentCodes.count == 101)
        try await withPlatform { platform in
            let list = try await OpenDataHTTP.get(try platform.dataURL("/vitemadose/departements.json"))
            let departments = try #require(try JSONSerialization.jsonObject(with: list.body) as? [[String: Any]])
            #expect(departments.count == 101)
            #expect(Set(departments.compactMap { $0["code_departement"] as? String }) == Set(Self.departmentCodes))
            #expect(String(decoding: list.body, as: UTF8.self).contains(#""code_region":84.0"#))

            let stats = try await OpenDataHTTP.json(try platform.dataURL("/vitemadose/stats.json"))
            #expect(stats.keySet == Set(Self.departmentCodes + ["tout_departement"]))
            var available = 0
            var slots = 0
            for code in Self.departmentCodes {
                let file = try await OpenDataHTTP.json(try platform.dataURL("/vitemadose/\(code).json"))
                #expect(file.keySet == ["version", "last_updated", "centres_disponibles", "centres_indisponibles"])
                let centres = try #require(file["centres_disponibles"] as? [[String: Any]])
                let unavailable = try #require(file["centres_indisponibles"] as? [[String: Any]])
                let perDepartment = try #require(stats[code] as? [String: Int])
                #expect(perDepartment["disponibles"] == centres.count)
                #expect(perDepartment["indisponibles"] == unavailable.count)
                available += centres.count
                slots += centres.reduce(0) { $0 + ($1["appointment_count"] as? Int ?? 0) }
                for centre in centres + unavailable {
                    #expect(centre["departement"] as? String == code)
                    #expect(centre["internal_id"] is String && centre["gid"] is String)
                }
                #expect(
                    centres.allSatisfy { $0["prochain_rdv"] is String && ($0["appointment_count"] as? Int ?? 0) > 0 })
                #expect(unavailable.allSatisfy { $0["prochain_rdv"] is NSNull && $0["appointment_count"] as? Int == 0 })
            }
            let national = try #require(stats["tout_departement"] as? [String: Int])
            #expect(national["disponibles"] == available)
            #expect(national["creneaux"] == slots)
        }
    }

    @Test(.timeLimit(.minutes(3)), .enabled(if: OpenDataSamples.hasSamples, "sample files absent"))
    func viteMaDoseCentresHaveTheRealKeys() async throws {
        try await withPlatform { platform in
            let sample = try OpenDataSamples.sampleObject("vitemadose/ios-bouchon-61.json")
            let sampleCentre = try #require((sample["centres_disponibles"] as? [[String: Any]])?.first)
            let file = try await OpenDataHTTP.json(try platform.dataURL("/vitemadose/61.json"))
            let centre = try #require((file["centres_disponibles"] as? [[String: Any]])?.first)
            // The December 2021 keys, plus the older `gid` and the later `appointment_schedules`.
            #expect(centre.keySet == sampleCentre.keySet.union(["gid", "appointment_schedules"]))
            let location = try #require(centre["location"] as? [String: Any])
            #expect(location.keySet == (sampleCentre["location"] as? [String: Any])?.keySet)
            // Alençon is at 48.43, 0.09: generated places stay near their prefecture.
            let latitude = try #require(location["latitude"] as? Double)
            let longitude = try #require(location["longitude"] as? Double)
            #expect(abs(latitude - 48.43) < 0.5 && abs(longitude - 0.09) < 0.5)
        }
    }

    @Test(.timeLimit(.minutes(3)), .enabled(if: OpenDataSamples.hasSamples, "sample files absent"))
    func vaccinationPlacesCSVHasTheRealHeaderAnd43Columns() async throws {
        try await withPlatform { platform in
            let csv = try await OpenDataHTTP.get(
                try platform.dataURL(
                    "/files/lieux-de-vaccination-contre-la-covid-19/20210413-101500/centres-vaccination.csv"))
            let text = String(decoding: csv.body, as: UTF8.self)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(
                String(lines[lines.startIndex])
                    == (try OpenDataSamples.header("centres-vaccination/centres-vaccination-2021-04-13-head300.csv")))
            #expect(lines.count == 2_175)
            for line in lines {
                #expect(Self.fields(line) == 43, "\(line)")
            }
            #expect(text.contains(#""{""Grand centre""}""#))
        }
    }

    @Test(.timeLimit(.minutes(3)), .enabled(if: OpenDataSamples.hasSamples, "sample files absent"))
    func vaccinationPlacesGeoJSONUsesPrefixedPropertiesAndMultiPoints() async throws {
        try await withPlatform { platform in
            let sample = try OpenDataSamples.sampleObject(
                "centres-vaccination/acceslibre-test-centres-vaccination-feature.json")
            let collection = try await OpenDataHTTP.json(
                try platform.dataURL(
                    "/files/lieux-de-vaccination-contre-la-covid-19/20210413-101501/centres-vaccination.json"))
            #expect(collection["type"] as? String == "FeatureCollection")
            let features = try #require(collection["features"] as? [[String: Any]])
            #expect(features.count == 2_174)
            let properties = try #require(features.first?["properties"] as? [String: Any])
            let sampleProperties = try #require(sample["properties"] as? [String: Any])
            #expect(sampleProperties.keySet.isSubset(of: properties.keySet))
            #expect(properties.keys.allSatisfy { $0 == "gid" || $0.hasPrefix("c_") })
            #expect(properties["c_rdv"] is Bool || properties["c_rdv"] is NSNull)
            let geometry = try #require(features.first?["geometry"] as? [String: Any])
            #expect(geometry["type"] as? String == "MultiPoint")
            #expect((geometry["coordinates"] as? [[Double]])?.first?.count == 2)
        }
    }

    @Test(
        .timeLimit(.minutes(3)), .enabled(if: OpenDataSamples.hasSamples, "sample files absent"),
        arguments: [
            ("20230713-135038/vacsi-fra-2023-07-13-15h50.csv", "vacsi/covidtracker-data-donnees-vacsi-fra-excerpt.csv"),
            (
                "20230713-135048/vacsi-a-fra-2023-07-13-15h50.csv",
                "vacsi/covidtracker-data-donnees-vacsi-a-fra-excerpt.csv"
            ),
            ("20210128-190002/vacsi-fra-2021-01-28-19h00.csv", "vacsi/2021-01-28-vacsi-fra.csv"),
        ])
    func vacsiFilesHaveTheRealHeaders(path: String, sample: String) async throws {
        try await withPlatform { platform in
            let file = try await OpenDataHTTP.get(
                try platform.dataURL("/files/donnees-relatives-aux-personnes-vaccinees-contre-la-covid-19-1/\(path)"))
            let text = String(decoding: file.body, as: UTF8.self)
            let lines = text.split(separator: "\n")
            #expect(String(lines[0]) == (try OpenDataSamples.header(sample)))
            let columns = lines[0].split(separator: ";").count
            #expect(
                lines.dropFirst().allSatisfy {
                    $0.split(separator: ";", omittingEmptySubsequences: false).count == columns
                })
            #expect(lines.dropFirst().first?.hasPrefix("FR;") == true)
        }
    }

    @Test(.timeLimit(.minutes(3)), .enabled(if: OpenDataSamples.hasSamples, "sample files absent"))
    func sidepFilesHaveTheRealHeadersAndTheCommaDecimalQuirk() async throws {
        try await withPlatform { platform in
            let before = try await OpenDataHTTP.get(
                try platform.dataURL(
                    "/files/donnees-relatives-aux-resultats-des-tests-virologiques-covid-19/20220518-190512/"
                        + "sp-pos-quot-fra-2022-05-18-19h05.csv"))
            let beforeLines = String(decoding: before.body, as: UTF8.self).split(separator: "\n")
            #expect(
                String(beforeLines[0])
                    == (try OpenDataSamples.header("sidep/vigiecovid-test-sp-pos-quot-fra-2lines.csv")))
            #expect(beforeLines[1].hasPrefix("FR;2020-05-13;"))
            #expect(!beforeLines[1].contains(","))

            let rates = try await OpenDataHTTP.get(
                try platform.dataURL(
                    "/files/donnees-relatives-aux-resultats-des-tests-virologiques-covid-19/20220518-190514/"
                        + "sp-ti-tp-7j-18ans-fra-2022-05-18-19h05.csv"))
            let rateLines = String(decoding: rates.body, as: UTF8.self).split(separator: "\n")
            #expect(
                String(rateLines[0])
                    == (try OpenDataSamples.header("sidep/covidtracker-data-sp-ti-tp-7j-18ans-fra-excerpt.csv")))
            #expect(rateLines[1].hasPrefix("FR;2020-05-13 - 2020-05-19;02;"))

            let after = try await OpenDataHTTP.get(
                try platform.dataURL(
                    "/files/donnees-de-laboratoires-pour-le-depistage-a-compter-du-18-05-2022-si-dep/20230628-191512/"
                        + "sp-pos-quot-fra-2023-06-28-19h15.csv"))
            let afterLines = String(decoding: after.body, as: UTF8.self).split(separator: "\n")
            #expect(afterLines[0] == beforeLines[0])
            let fields = afterLines[1].split(separator: ";").map(String.init)
            #expect(fields[4].hasSuffix(",00") && fields[7].hasSuffix(",00"))  // P and T
            #expect(!fields[2].contains(","))  // P_f stays an integer
        }
    }

    /// The number of `;`-separated fields of a CSV line, quotes honoured.
    static func fields(_ line: Substring) -> Int {
        var count = 1
        var quoted = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
            } else if character == ";" && !quoted {
                count += 1
            }
        }
        return count
    }
}
