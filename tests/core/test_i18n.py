"""Chinese by default; English through the language switcher (set_language)."""

import pytest


@pytest.mark.django_db
def test_it_serves_the_admin_login_in_chinese_by_default(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert '<html lang="zh-hans"' in response.content.decode()


@pytest.mark.django_db
def test_it_switches_the_admin_login_to_english_through_set_language(client):
    switched = client.post("/i18n/setlang/", {"language": "en", "next": "/admin/login/"})
    assert switched.status_code == 302
    assert switched.url == "/admin/login/"

    page = client.get("/admin/login/").content.decode()
    assert '<html lang="en"' in page
    # Django's own catalogue: the login button reads "Log in" in English, "登录" in Chinese.
    assert "Log in" in page
    assert "登录" not in page
