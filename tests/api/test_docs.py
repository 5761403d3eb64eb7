"""The OpenAPI schema and its readers are served by the portal itself, without a CDN."""

import re


def test_the_schema_documents_every_resource_and_its_filters(client, db):
    response = client.get("/api/schema/?format=json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    parameters = {parameter["name"] for parameter in
                  schema["paths"]["/api/v1/awards/"]["get"]["parameters"]}
    assert {"program", "tier", "year__gte", "division", "search", "ordering", "page_size",
            "fields", "format"} <= parameters
    assert "tokenAuth" in schema["components"]["securitySchemes"]


def test_swagger_ui_and_redoc_load_their_files_from_the_portal(client, db):
    for url in ("/api/docs/", "/api/redoc/"):
        page = client.get(url).content.decode()
        sources = re.findall(r'(?:src|href)="([^"]+)"', page)
        assert sources, url
        assert all(not source.startswith(("http://", "https://", "//")) for source in sources)
        assert any("drf_spectacular_sidecar" in source for source in sources)
