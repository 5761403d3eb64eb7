"""Who may read what and write how: anonymous callers, tokens of each scope, staff sessions."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.models import APIToken
from registry.models import Enterprise, Person
from tests.api.conftest import PRIVATE_ID_NUMBER, PRIVATE_PHONE


def _values(payload):
    """Every string anywhere in a JSON payload."""
    if isinstance(payload, dict):
        return [value for item in payload.values() for value in _values(item)]
    if isinstance(payload, list):
        return [value for item in payload for value in _values(item)]
    return [str(payload)]


# --- Private fields ----------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["/api/v1/persons/", "/api/v1/awards/", "/api/v1/patents/",
                                 "/api/v1/enterprises/"])
def test_it_never_shows_an_anonymous_caller_an_id_number_or_phone(api, records, url):
    response = api.get(url + "?page_size=100")
    assert response.status_code == 200
    text = response.content.decode()
    assert PRIVATE_ID_NUMBER not in text and PRIVATE_PHONE not in text
    assert "05362222222" not in text  # an enterprise's contact phone


def test_it_keeps_private_fields_out_of_an_anonymous_detail_and_export(api, records):
    person = records["persons"][0]
    detail = api.get(f"/api/v1/persons/{person.pk}/").json()
    assert "id_number" not in detail and "phone" not in detail
    assert PRIVATE_ID_NUMBER not in _values(detail)
    export = api.get("/api/v1/persons/?format=csv")
    assert PRIVATE_ID_NUMBER not in b"".join(export.streaming_content).decode()
    asked = api.get("/api/v1/persons/?fields=id,id_number")
    assert asked.status_code == 400
    assert "fields" in asked.json()["errors"]


def test_a_public_read_token_gets_no_private_fields(token_client, records):
    person = records["persons"][0]
    detail = token_client("public_read").get(f"/api/v1/persons/{person.pk}/").json()
    assert "id_number" not in detail


def test_a_private_read_token_gets_the_id_number_phone_and_contacts(token_client, records):
    client = token_client("private_read")
    person = records["persons"][0]
    detail = client.get(f"/api/v1/persons/{person.pk}/").json()
    assert detail["id_number"] == PRIVATE_ID_NUMBER and detail["phone"] == PRIVATE_PHONE
    enterprise = client.get(f"/api/v1/enterprises/{records['enterprises'][0].pk}/").json()
    assert enterprise["contact_phone"] == "05362222222"


def test_anonymous_callers_see_only_approved_and_paid_grants(api, token_client, records):
    public = api.get("/api/v1/subsidy-grants/").json()
    assert sorted(row["status"] for row in public["results"]) == ["approved", "paid"]
    assert "payment_reference" not in public["results"][0]
    private = token_client("private_read").get("/api/v1/subsidy-grants/").json()
    assert sorted(row["status"] for row in private["results"]) == [
        "approved", "paid", "proposed"]


# --- Tokens that do not authenticate -----------------------------------------------------------

def test_anonymous_post_is_refused_with_401(api, weifang):
    response = api.post("/api/v1/enterprises/", {"name": "x"}, format="json")
    assert response.status_code == 401
    assert response.json()["message"]
    assert Enterprise.objects.count() == 0


@pytest.mark.parametrize("fields", [
    {"expires_at": timezone.now() - timedelta(minutes=1)},
    {"revoked": True},
    {"allowed_networks": "10.8.0.0/16"},
], ids=["expired", "revoked", "out-of-range-ip"])
def test_an_unusable_token_gets_401_even_for_a_read(token_client, db, fields):
    response = token_client("write", **fields).get("/api/v1/divisions/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Token")


def test_a_token_works_from_an_allowed_network(token_client, db):
    client = token_client("public_read", allowed_networks="10.8.0.0/16, 127.0.0.0/8")
    assert client.get("/api/v1/divisions/").status_code == 200
    token = APIToken.objects.get()
    assert token.last_used_ip == "127.0.0.1" and token.last_used_at is not None


def test_a_wrong_secret_gets_401(api, issue_token):
    secret = issue_token("write")
    api.credentials(HTTP_AUTHORIZATION="Bearer " + secret[:-2] + "xx")
    assert api.get("/api/v1/divisions/").status_code == 401


def test_a_bearer_header_works_like_token(api, issue_token):
    api.credentials(HTTP_AUTHORIZATION="Bearer " + issue_token("public_read"))
    assert api.get("/api/v1/divisions/").status_code == 200


def test_only_a_digest_of_the_secret_is_stored(issue_token):
    secret = issue_token("write")
    token = APIToken.objects.get()
    assert secret not in (token.secret_hash, token.prefix)
    assert secret.split("_")[1] == token.prefix


# --- Writing -----------------------------------------------------------------------------------

def _enterprise_payload(**overrides):
    from core.validators import make_uscc

    return {"name": "潍坊新材料有限公司", "uscc": make_uscc("91370783MA3C00001"),
            "division": "370783", "industry": "C26", "source": "API test", **overrides}


def test_a_read_token_cannot_write(token_client, weifang):
    for scope in ("public_read", "private_read"):
        response = token_client(scope).post("/api/v1/enterprises/", _enterprise_payload(),
                                            format="json")
        assert response.status_code == 403
    assert Enterprise.objects.count() == 0


def test_a_write_token_with_an_invalid_uscc_gets_400_naming_the_field(token_client, weifang):
    payload = _enterprise_payload(uscc="91370783MA3C00001X")  # wrong check character
    response = token_client("write").post("/api/v1/enterprises/", payload, format="json")
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"message", "errors"} and "uscc" in body["errors"]
    assert Enterprise.objects.count() == 0


def test_a_write_token_creates_an_enterprise_and_history_names_the_request(token_client,
                                                                         weifang):
    client = token_client("write")
    response = client.post("/api/v1/enterprises/", _enterprise_payload(uscc=(
        _enterprise_payload()["uscc"].lower())), format="json",
        HTTP_X_REQUEST_ID="req-create-0001")
    assert response.status_code == 201, response.json()
    assert response["X-Request-ID"] == "req-create-0001"
    enterprise = Enterprise.objects.get()
    assert enterprise.uscc == _enterprise_payload()["uscc"]  # stored in canonical form
    assert response.json()["division"]["code"] == "370783"
    history = enterprise.history.get()
    assert history.history_change_reason == "req-create-0001"
    assert history.history_user.username == "root"  # the token's owner


def test_a_write_token_updates_through_the_same_validation(token_client, records):
    client = token_client("write")
    enterprise = records["enterprises"][0]
    refused = client.patch(f"/api/v1/enterprises/{enterprise.pk}/",
                           {"founded_on": "2999-01-01"}, format="json")
    assert refused.status_code == 400 and "founded_on" in refused.json()["errors"]
    response = client.patch(f"/api/v1/enterprises/{enterprise.pk}/", {"address": "寿光市圣城街"},
                            format="json")
    assert response.status_code == 200
    assert response["X-Request-ID"]
    enterprise.refresh_from_db()
    assert enterprise.address == "寿光市圣城街"
    assert enterprise.history.latest().history_change_reason == response["X-Request-ID"]


def test_a_write_token_gets_the_admins_field_error_for_an_award_with_two_awardees(
        token_client, records):
    award = records["awards"][0]
    response = token_client("write").post("/api/v1/awards/", {
        "session": award.session_id, "tier": "nomination",
        "enterprise": records["enterprises"][1].pk, "person": records["persons"][1].pk,
    }, format="json")
    assert response.status_code == 400
    assert "enterprise" in response.json()["errors"]


def test_a_write_token_creates_a_patent_with_its_holders(token_client, records):
    from core.validators import make_patent_number

    enterprise = records["enterprises"][0]
    response = token_client("write").post("/api/v1/patents/", {
        "number": make_patent_number("202110000001"), "type": "invention", "title": "一种发动机",
        "holder_enterprises": [enterprise.pk], "filed_on": "2021-01-05",
    }, format="json")
    assert response.status_code == 201, response.json()
    assert [holder["id"] for holder in response.json()["holder_enterprises"]] == [enterprise.pk]


def test_a_staff_session_writes_only_with_the_models_permission(api, records, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("clerk", password="pw-clerk-123",
                                                 is_staff=True)
    api.force_login(user)
    person = records["persons"][1]
    url = f"/api/v1/persons/{person.pk}/"
    assert api.patch(url, {"name": "李工"}, format="json").status_code == 403
    user.user_permissions.add(Permission.objects.get(codename="change_person"))
    assert api.patch(url, {"name": "李工"}, format="json").status_code == 200
    assert Person.objects.get(pk=person.pk).name == "李工"


def test_nobody_deletes_through_the_api(token_client, records):
    enterprise = records["enterprises"][2]
    response = token_client("write").delete(f"/api/v1/enterprises/{enterprise.pk}/")
    assert response.status_code == 405
    assert Enterprise.objects.filter(pk=enterprise.pk).exists()


# --- Limits and request ids --------------------------------------------------------------------

def test_it_throttles_anonymous_callers_per_address(api, db, settings):
    settings.API_THROTTLE_RATES = {"anonymous": "2/minute", "token": "100/minute"}
    assert api.get("/api/v1/divisions/").status_code == 200
    assert api.get("/api/v1/divisions/").status_code == 200
    third = api.get("/api/v1/divisions/")
    assert third.status_code == 429
    assert third.json()["message"]
    other = api.get("/api/v1/divisions/", REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200


def test_every_response_has_a_request_id(api, db):
    for url in ("/api/v1/divisions/", "/api/v1/enterprises/?year=abc", "/api/v1/nothing/"):
        assert len(api.get(url)["X-Request-ID"]) >= 8


def test_the_admin_shows_a_new_tokens_secret_once(client, superuser):
    client.force_login(superuser)
    response = client.post("/admin/core/apitoken/add/", {
        "name": "统计局对接", "agency": "潍坊市统计局", "owner": superuser.pk,
        "scope": "public_read", "allowed_networks": "", "expires_at_0": "", "expires_at_1": "",
    }, follow=True)
    assert response.status_code == 200
    token = APIToken.objects.get()
    shown = [str(message) for message in response.context["messages"]]
    assert any(f"qbr_{token.prefix}_" in message for message in shown)
    again = client.get(f"/admin/core/apitoken/{token.pk}/change/")
    assert f"qbr_{token.prefix}_" not in again.content.decode()


def test_a_district_clerk_writes_only_in_their_division(api, records, clerk_factory, division):
    from django.contrib.auth.models import Permission

    from tests.registry.factories import EnterpriseFactory

    clerk = clerk_factory("370702")  # 潍城区; the records are in 寿光市
    clerk.user_permissions.add(Permission.objects.get(codename="change_enterprise"))
    api.force_login(clerk)
    enterprise = records["enterprises"][0]
    response = api.patch(f"/api/v1/enterprises/{enterprise.pk}/", {"address": "潍城区"},
                         format="json")
    assert response.status_code == 403
    enterprise.refresh_from_db()
    assert enterprise.address != "潍城区"
    own = EnterpriseFactory(division=division("370702"))
    response = api.patch(f"/api/v1/enterprises/{own.pk}/", {"address": "潍城区"}, format="json")
    assert response.status_code == 200


def test_a_write_token_may_type_the_uscc_with_spaces_and_dashes(token_client, weifang):
    from core.validators import make_uscc
    from registry.models import Enterprise

    good = make_uscc("91370783MA9000077")
    client = token_client("write")
    response = client.post("/api/v1/enterprises/",
                           {"name": "空格企业", "uscc": f"{good[:9]} {good[9:]}".lower(),
                            "division": "370783"}, format="json")

    assert response.status_code == 201, response.content
    assert Enterprise.objects.get(name="空格企业").uscc == good
