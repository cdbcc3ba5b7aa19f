extension CatalogueRenderer {
    /// An organization as `/api/1/organizations/` lists it.
    func organization(_ organization: CatalogueOrganization) -> OrderedJSON {
        let datasets = HealthCatalogue.datasets.filter { $0.organization.id == organization.id }
        let reuses = HealthCatalogue.reuses.filter { $0.organization.id == organization.id }
        let services = HealthCatalogue.dataservices.filter { $0.organization.id == organization.id }
        return OrderedJSON.object([
            OrderedJSON.Member("acronym", .optional(organization.acronym)),
            OrderedJSON.Member("badges", badges(organization)),
            OrderedJSON.Member("banner_color", .null),
            OrderedJSON.Member("banner_image", .null),
            OrderedJSON.Member("banner_image_position", .int(50)),
            OrderedJSON.Member("business_number_id", .optional(organization.businessNumber)),
            OrderedJSON.Member(
                "created_at", .string(HTTPDate.udataTimestamp(millisecondsSince1970: organization.createdAt))),
            OrderedJSON.Member("deleted", .null),
            OrderedJSON.Member("description", .string(organization.description)),
            OrderedJSON.Member("ext", .object([])),
            OrderedJSON.Member("extras", .object([])),
            OrderedJSON.Member("id", .string(organization.id)),
            OrderedJSON.Member("image_url", .null),
            OrderedJSON.Member(
                "last_modified", .string(HTTPDate.udataTimestamp(millisecondsSince1970: organization.lastModified))),
            OrderedJSON.Member("logo", .null),
            OrderedJSON.Member("logo_thumbnail", .null),
            OrderedJSON.Member("members", .array([])),
            OrderedJSON.Member(
                "metrics",
                .object([
                    OrderedJSON.Member("dataservices", .int(services.count)),
                    OrderedJSON.Member("dataservices_by_months", .int(0)),
                    OrderedJSON.Member("datasets", .int(datasets.count)),
                    OrderedJSON.Member("datasets_by_months", .int(0)),
                    OrderedJSON.Member("datasets_followers_by_months", .int(0)),
                    OrderedJSON.Member("datasets_reuses_by_months", .int(0)),
                    OrderedJSON.Member("followers", .int(datasets.reduce(0) { $0 + $1.followers })),
                    OrderedJSON.Member("members", .int(0)),
                    OrderedJSON.Member("reuses", .int(reuses.count)),
                    OrderedJSON.Member("reuses_by_months", .int(0)),
                    OrderedJSON.Member("reuses_followers_by_months", .int(0)),
                    OrderedJSON.Member("views", .int(datasets.reduce(0) { $0 + $1.views })),
                ])),
            OrderedJSON.Member("name", .string(organization.name)),
            OrderedJSON.Member("page", .null),
            OrderedJSON.Member(
                "permissions",
                .object([
                    OrderedJSON.Member("delete", .bool(false)), OrderedJSON.Member("edit", .bool(false)),
                    OrderedJSON.Member("harvest", .bool(false)), OrderedJSON.Member("members", .bool(false)),
                    OrderedJSON.Member("private", .bool(false)),
                ])),
            OrderedJSON.Member("presentation_blocs_published_at", .null),
            OrderedJSON.Member("slug", .string(organization.slug)),
            OrderedJSON.Member("teams", .array([])),
            OrderedJSON.Member("uri", .string("\(serviceRoot)/api/1/organizations/\(organization.slug)/")),
            OrderedJSON.Member("url", .null),
            OrderedJSON.Member("zone", .null),
        ]).sortedKeys()
    }

    /// A reuse as `/api/1/reuses/` lists it, its datasets embedded in full.
    func reuse(_ reuse: CatalogueReuse) -> OrderedJSON {
        let datasets = reuse.datasetSlugs.compactMap(HealthCatalogue.dataset)
        return OrderedJSON.object([
            OrderedJSON.Member("archived", .null),
            OrderedJSON.Member("badges", .array([])),
            OrderedJSON.Member("created_at", .string(HTTPDate.udataTimestamp(millisecondsSince1970: reuse.createdAt))),
            OrderedJSON.Member("dataservices", .array([])),
            OrderedJSON.Member("datasets", .array(datasets.map(datasetV1))),
            OrderedJSON.Member("deleted", .null),
            OrderedJSON.Member("description", .string(reuse.description)),
            OrderedJSON.Member("extras", .object([])),
            OrderedJSON.Member("featured", .null),
            OrderedJSON.Member("id", .string(reuse.id)),
            OrderedJSON.Member("image", .null),
            OrderedJSON.Member("image_thumbnail", .null),
            OrderedJSON.Member(
                "last_modified", .string(HTTPDate.udataTimestamp(millisecondsSince1970: reuse.lastModified))),
            OrderedJSON.Member(
                "metrics",
                .object([
                    OrderedJSON.Member("datasets", .int(datasets.count)),
                    OrderedJSON.Member("discussions", .int(0)),
                    OrderedJSON.Member("discussions_open", .int(0)),
                    OrderedJSON.Member("followers", .int(0)),
                    OrderedJSON.Member("followers_by_months", .int(0)),
                    OrderedJSON.Member("views", .int(reuse.views)),
                ])),
            OrderedJSON.Member("organization", organizationReference(reuse.organization)),
            OrderedJSON.Member("owner", .null),
            OrderedJSON.Member("page", .null),
            OrderedJSON.Member(
                "permissions",
                .object([OrderedJSON.Member("delete", .bool(false)), OrderedJSON.Member("edit", .bool(false))])),
            OrderedJSON.Member("private", .bool(false)),
            OrderedJSON.Member("slug", .string(reuse.slug)),
            OrderedJSON.Member("tags", .strings(reuse.tags)),
            OrderedJSON.Member("title", .string(reuse.title)),
            OrderedJSON.Member("topic", .string(reuse.topic)),
            OrderedJSON.Member("type", .string(reuse.type)),
            OrderedJSON.Member("uri", .string("\(serviceRoot)/api/1/reuses/\(reuse.slug)/")),
            OrderedJSON.Member("url", .string(reuse.url)),
        ]).sortedKeys()
    }

    /// A dataservice as `/api/1/dataservices/` lists it; `base_api_url` is the mock's own service.
    func dataservice(_ service: CatalogueDataservice) -> OrderedJSON {
        let created = HTTPDate.udataTimestamp(millisecondsSince1970: service.createdAt)
        let harvestKeys = [
            "archived_at", "archived_reason", "backend", "created_at", "domain", "issued_at", "last_update",
            "modified_at", "remote_id", "remote_url", "source_id", "source_url", "uri",
        ]
        return OrderedJSON.object([
            OrderedJSON.Member("access_audiences", .array([])),
            OrderedJSON.Member("access_type", .string(service.accessType)),
            OrderedJSON.Member("access_type_reason", .null),
            OrderedJSON.Member("access_type_reason_category", .null),
            OrderedJSON.Member("acronym", .optional(service.acronym)),
            OrderedJSON.Member("archived_at", .null),
            OrderedJSON.Member("authorization_request_url", .null),
            OrderedJSON.Member("availability", service.availability.map(OrderedJSON.number) ?? .null),
            OrderedJSON.Member("availability_url", .null),
            OrderedJSON.Member("badges", .array([])),
            OrderedJSON.Member("base_api_url", .string(root + service.basePath)),
            OrderedJSON.Member("business_documentation_url", .null),
            OrderedJSON.Member("contact_points", .array([])),
            OrderedJSON.Member("created_at", .string(created)),
            OrderedJSON.Member(
                "datasets",
                .object([
                    OrderedJSON.Member("href", .string("\(serviceRoot)/api/1/datasets/?dataservice=\(service.id)")),
                    OrderedJSON.Member("rel", .string("subsection")),
                    OrderedJSON.Member("total", .int(0)),
                    OrderedJSON.Member("type", .string("GET")),
                ])),
            OrderedJSON.Member("deleted_at", .null),
            OrderedJSON.Member("description", .string(service.description)),
            OrderedJSON.Member("extras", .object([])),
            OrderedJSON.Member("featured", .null),
            OrderedJSON.Member("format", .null),
            OrderedJSON.Member("harvest", .object(harvestKeys.map { OrderedJSON.Member($0, .null) })),
            OrderedJSON.Member("id", .string(service.id)),
            OrderedJSON.Member("license", .null),
            OrderedJSON.Member("machine_documentation_url", .null),
            OrderedJSON.Member("metadata_modified_at", .string(created)),
            OrderedJSON.Member(
                "metrics",
                .object(
                    ["discussions", "discussions_open", "followers", "followers_by_months", "reuses", "views"].map {
                        OrderedJSON.Member($0, .int(0))
                    })),
            OrderedJSON.Member("organization", organizationReference(service.organization)),
            OrderedJSON.Member("owner", .null),
            OrderedJSON.Member(
                "permissions",
                .object([OrderedJSON.Member("delete", .bool(false)), OrderedJSON.Member("edit", .bool(false))])),
            OrderedJSON.Member("private", .bool(false)),
            OrderedJSON.Member("rate_limiting", .optional(service.rateLimiting)),
            OrderedJSON.Member("rate_limiting_url", .null),
            OrderedJSON.Member("self_api_url", .string("\(serviceRoot)/api/1/dataservices/\(service.slug)/")),
            OrderedJSON.Member("self_web_url", .null),
            OrderedJSON.Member("slug", .string(service.slug)),
            OrderedJSON.Member("tags", .strings(service.tags)),
            OrderedJSON.Member("technical_documentation_url", .optional(service.technicalDocumentationURL)),
            OrderedJSON.Member("title", .string(service.title)),
        ]).sortedKeys()
    }

    /// `/api/1/site/`.
    func site() -> OrderedJSON {
        let resourceCount = HealthCatalogue.datasets.reduce(0) { $0 + $1.resources.count }
        let counts: [(String, Int)] = [
            ("dataservices", HealthCatalogue.dataservices.count), ("datasets", HealthCatalogue.datasets.count),
            ("datasets_by_months", 0), ("datasets_visits_by_months", 0), ("discussions", 0),
            ("discussions_by_months", 0), ("followers", 0), ("harvesters", 0), ("harvesters_by_months", 0),
            ("max_dataset_followers", HealthCatalogue.datasets.map(\.followers).max() ?? 0),
            ("max_dataset_reuses", 1), ("max_org_datasets", 2), ("max_org_followers", 0), ("max_org_reuses", 2),
            ("max_reuse_datasets", 2), ("max_reuse_followers", 0),
            ("organizations", HealthCatalogue.organizations.count), ("organizations_by_months", 0),
            ("public-service", 4), ("resources", resourceCount), ("resources_downloads_by_months", 0),
            ("reuses", HealthCatalogue.reuses.count), ("reuses_by_months", 0), ("users", 1), ("users_by_months", 0),
        ]
        return .object([
            OrderedJSON.Member("feed_size", .int(20)),
            OrderedJSON.Member("id", .string("default")),
            OrderedJSON.Member("keywords", .strings(["opendata", "udata"])),
            OrderedJSON.Member("metrics", .object(counts.map { OrderedJSON.Member($0.0, .int($0.1)) })),
            OrderedJSON.Member("title", .string("data.gouv.fr (SanteKit mock)")),
            OrderedJSON.Member("version", .string("17.18.0")),
        ])
    }

    /// `/api/1/me/` for the mock API key's user.
    func currentUser() -> OrderedJSON {
        OrderedJSON.object([
            OrderedJSON.Member("about", .string("Compte de test de la plateforme simulée SanteKit.")),
            OrderedJSON.Member("active", .bool(true)),
            OrderedJSON.Member("avatar", .null),
            OrderedJSON.Member("avatar_thumbnail", .null),
            OrderedJSON.Member("email", .string("santekit-mock@example.org")),
            OrderedJSON.Member("first_name", .string("SanteKit")),
            OrderedJSON.Member("id", .string("5ff7a3c2e1d0b9a8c7f64001")),
            OrderedJSON.Member("last_login_at", .string("2024-01-15T08:00:00.000000+00:00")),
            OrderedJSON.Member("last_name", .string("Mock")),
            OrderedJSON.Member(
                "metrics",
                .object(
                    ["datasets", "followers", "following", "reuses"].map { OrderedJSON.Member($0, .int(0)) })),
            OrderedJSON.Member("organizations", .array([])),
            OrderedJSON.Member("page", .null),
            OrderedJSON.Member("roles", .array([])),
            OrderedJSON.Member("since", .string("2024-01-15T08:00:00.000000+00:00")),
            OrderedJSON.Member("slug", .string("santekit-mock")),
            OrderedJSON.Member("uri", .string("\(serviceRoot)/api/1/users/santekit-mock/")),
        ])
    }
}
