"""The dashboard in a real browser: Debian's chromium driven by Playwright, against a live
server holding the demo data. Each test saves a screenshot to var/screenshots/."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings

from figures.selectors import FIGURES

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
CHARTS = ("honours-by-year", "honours-by-district", "patents-by-year", "gi-by-category")


@pytest.fixture(scope="module")
def portal(demo_data):
    """A live server over the committed demo data. pytest-django's own live_server fixture
    would flush the database after each test; its LiveServer class serves the same way."""
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("127.0.0.1")
    yield server.url
    server.stop()


@pytest.fixture(scope="module")
def browser(portal):
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium fonts-noto-cjk")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield browser
        browser.close()


@pytest.mark.django_db(serialized_rollback=True)
def test_it_serves_echarts_from_the_portal_itself(client):
    # This test also makes pytest-django create the test database that demo_data fills.
    home = client.get("/").content.decode()

    assert '<script src="/static/vendor/echarts/echarts.min.js" defer>' in home
    assert "cdn" not in home.lower()
    assert (Path(settings.BASE_DIR) / "static/vendor/echarts/echarts.min.js").stat().st_size > 0


class Watched:
    """A page, with every request it makes and every console error it logs."""

    def __init__(self, page):
        self.page = page
        self.requests: list[str] = []
        self.responses = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("response", lambda response: self.responses.append(response))
        page.on("console", lambda message: message.type == "error"
                and self.errors.append(message.text))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def foreign_requests(self, portal: str) -> list[str]:
        own = urlsplit(portal).netloc
        return [url for url in self.requests
                if urlsplit(url).scheme in ("http", "https", "ws", "wss")
                and urlsplit(url).netloc != own]


@pytest.fixture
def watched(browser, request):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = Watched(context.new_page())
    page.page.set_default_timeout(60_000)
    yield page
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.page.screenshot(path=str(SCREENSHOTS / f"{request.node.name}.png"), full_page=True)
    context.close()


def test_it_shows_every_figure_card_and_draws_every_chart_from_the_portal_alone(
        portal, watched):
    page = watched.page
    page.goto(f"{portal}/?as_of=2024-12-16")
    for chart in CHARTS:
        page.wait_for_selector(f"#chart-{chart}[data-chart-state='drawn']")

    groups = list(dict.fromkeys(figure.group for figure in FIGURES))
    assert page.locator(".figure-card").count() == len(groups)
    for figure in FIGURES:
        shown = page.locator(f"[data-key='{figure.key}']").inner_text().strip()
        assert re.search(r"\d", shown), figure.key
    painted = page.evaluate("""() => Array.from(document.querySelectorAll('.chart canvas'))
        .map(canvas => {
          const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
          let painted = 0;
          for (let i = 3; i < data.length; i += 4) { if (data[i] !== 0) painted++; }
          return painted;
        })""")
    assert len(painted) == len(CHARTS)
    assert all(count > 1000 for count in painted), painted
    assert watched.errors == []
    assert watched.foreign_requests(portal) == []
    assert any("/static/vendor/echarts/echarts.min.js" in url for url in watched.requests)
    assert any("/api/v1/stats/timeseries/" in url for url in watched.requests)
    weight = sum(len(response.body()) for response in watched.responses
                 if "/vendor/echarts/" not in response.url)
    assert weight < 200_000, weight

    # On paper: no navigation or controls, the figures stay.
    page.emulate_media(media="print")
    assert page.locator(".site-nav").is_hidden()
    assert page.locator(".as-of-form").is_hidden()
    assert page.locator(".figure-grid").is_visible()
    page.emulate_media(media="screen")


def test_it_changes_the_ranking_table_and_the_url_with_a_filter(portal, watched):
    page = watched.page
    page.goto(f"{portal}/rankings/?by=enterprise")
    before = page.locator("#rankings-table tbody").inner_text()
    rows_before = page.locator("#rankings-table tbody tr").count()

    page.select_option("#id_program", "china_quality_award")
    page.locator("#rankings-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"program=china_quality_award"))

    after = page.locator("#rankings-table tbody").inner_text()
    assert after != before
    assert "潍柴动力股份有限公司" in after
    assert page.locator("#rankings-table tbody tr").count() < rows_before
    assert watched.errors == []


def test_it_turns_the_page_english_with_the_language_switch(portal, watched):
    page = watched.page
    page.goto(f"{portal}/rankings/")
    assert page.locator("html").get_attribute("lang") == "zh-Hans"

    page.select_option("#language", "en")
    page.locator(".lang-switch button[type=submit]").click()
    page.wait_for_load_state()

    assert page.locator("html").get_attribute("lang") == "en"
    assert page.url.endswith("/rankings/")
    assert page.locator("h1").inner_text() == "Rankings"
    assert page.locator("#language").input_value() == "en"


def test_it_opens_an_enterprise_profile_from_a_ranking_row(portal, watched):
    page = watched.page
    page.goto(f"{portal}/rankings/?by=enterprise&program=china_quality_award")
    link = page.locator("#rankings-table tbody tr").first.locator("a")
    name = link.inner_text()

    link.click()
    page.wait_for_url(re.compile(r"/enterprises/[0-9A-Z]{18}/$"))

    assert page.locator("h1").inner_text() == name
    assert page.locator("h1").count() == 1
    assert "中国质量奖" in page.locator("main").inner_text()
    assert watched.errors == []
