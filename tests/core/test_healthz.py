"""/healthz: what a load balancer and the compose health check ask."""

from unittest import mock

import pytest
from django.db import OperationalError


@pytest.mark.django_db
def test_it_reports_a_reachable_database_as_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"] == "ok"


@pytest.mark.django_db
def test_it_answers_503_when_the_database_is_unreachable(client):
    with mock.patch("django.db.backends.base.base.BaseDatabaseWrapper.cursor",
                    side_effect=OperationalError("connection refused")):
        response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["checks"]["database"] == "error"


@pytest.mark.django_db
def test_it_says_redis_is_not_configured_without_redis_url(client, settings):
    settings.REDIS_URL = ""
    assert client.get("/healthz").json()["checks"]["redis"] == "not configured"


@pytest.mark.django_db
def test_it_answers_503_when_a_configured_redis_is_unreachable(client, settings):
    # Port 9 (discard) on localhost refuses connections: a Redis that is down.
    settings.REDIS_URL = "redis://127.0.0.1:9/0"
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "redis": "error"}
