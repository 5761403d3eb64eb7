"""Chinese by default, English through the language switcher (set_language), and a Chinese
catalogue that covers every string: no entry untranslated or fuzzy, placeholders kept, and the
committed .mo compiled from the committed .po."""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation

from core.validators import validate_uscc

CATALOG = Path(settings.BASE_DIR) / "locale" / "zh_Hans" / "LC_MESSAGES"
FIX = "run make messages and translate the new strings"


@pytest.mark.django_db
def test_it_serves_the_admin_login_in_chinese_by_default(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="zh-hans"' in page
    # Our own catalogue (the site header) and Django's (the login button).
    assert "质量品牌登记系统管理" in page
    assert "登录" in page
    assert "Quality-brand registry administration" not in page


@pytest.mark.django_db
def test_it_switches_the_admin_login_to_english_through_set_language(client):
    switched = client.post("/i18n/setlang/", {"language": "en", "next": "/admin/login/"})
    assert switched.status_code == 302
    assert switched.url == "/admin/login/"

    page = client.get("/admin/login/").content.decode()
    assert '<html lang="en"' in page
    assert "Quality-brand registry administration" in page
    # Django's own catalogue: the login button reads "Log in" in English, "登录" in Chinese.
    assert "Log in" in page
    assert "登录" not in page
    assert "质量品牌登记系统管理" not in page


def uscc_error(value: str, language: str) -> str:
    # The message is lazy: render it while the language is active.
    with translation.override(language):
        with pytest.raises(ValidationError) as raised:
            validate_uscc(value)
        return raised.value.messages[0]


def test_it_names_the_expected_uscc_check_character_in_chinese():
    # N2370702MA3C41112W is a valid code (a farmers' cooperative); its last character mistyped.
    message = uscc_error("N2370702MA3C41112X", "zh-hans")
    assert message == "校验码应为 W，而不是 X：代码中可能有字符输入错误。"


def test_it_gives_the_uscc_check_message_in_english_when_asked():
    message = uscc_error("N2370702MA3C41112X", "en")
    assert message.startswith("The check character should be W, not X")


# A .po reader small enough to read at a glance: it knows msgctxt, msgid, msgid_plural, msgstr,
# msgstr[n], continued strings and the flags line; comments (obsolete #~ entries too) are skipped.
_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$')


def read_po(path: Path) -> list[dict]:
    entries, entry, field = [], {}, None

    def finish_complete_entry():
        nonlocal entry
        if any(key.startswith("msgstr") for key in entry):
            entries.append(entry)
            entry = {}

    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("#"):
            finish_complete_entry()
            if line.startswith("#,"):
                entry["flags"] = {flag.strip() for flag in line[2:].split(",")}
        elif match := _KEYWORD.match(line):
            field, text = match.groups()
            if field in ("msgctxt", "msgid"):
                finish_complete_entry()
            entry[field] = ast.literal_eval(text)
        elif line.startswith('"') and field:
            entry[field] += ast.literal_eval(line)
        else:
            raise AssertionError(f"{path}: cannot read the line {line!r}")
    finish_complete_entry()
    return [e for e in entries if e["msgid"]]  # the header has an empty msgid


def _translations(entry: dict) -> list[str]:
    return [value for key, value in entry.items() if key.startswith("msgstr")]


def _label(entry: dict) -> str:
    return repr(entry["msgid"]) + (f" (context {entry['msgctxt']!r})" if "msgctxt" in entry else "")


@pytest.fixture(scope="module")
def zh_entries():
    return read_po(CATALOG / "django.po")


def test_it_reads_every_entry_of_the_chinese_catalog(zh_entries):
    # The reader must see as many entries as the file has msgid lines (less the header).
    text = (CATALOG / "django.po").read_text(encoding="utf-8")
    live = [line for line in text.splitlines() if line.startswith("msgid ")]
    assert len(zh_entries) == len(live) - 1
    assert len(zh_entries) > 500


def test_it_has_no_untranslated_or_fuzzy_entry_in_the_chinese_catalog(zh_entries):
    untranslated = [_label(e) for e in zh_entries if not all(_translations(e))]
    fuzzy = [_label(e) for e in zh_entries if "fuzzy" in e.get("flags", set())]
    assert not untranslated, f"Untranslated in zh_Hans ({FIX}): {', '.join(untranslated)}"
    assert not fuzzy, f"Fuzzy in zh_Hans ({FIX}; check each and drop its fuzzy flag): " + \
        ", ".join(fuzzy)


_PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")


def test_it_keeps_every_placeholder_in_the_chinese_catalog(zh_entries):
    broken = []
    for entry in zh_entries:
        expected = sorted(_PLACEHOLDER.findall(entry["msgid"]))
        for text in _translations(entry):
            if text and sorted(_PLACEHOLDER.findall(text)) != expected:
                broken.append(f"{_label(entry)} -> {text!r}")
    assert not broken, "Placeholders differ from the English: " + "; ".join(broken)


def test_it_ships_the_chinese_mo_compiled_from_the_po(zh_entries):
    # The .mo is committed so that a machine without gettext tools serves Chinese; it must be
    # compiled from the current .po (compilemessages, which make messages runs).
    with (CATALOG / "django.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    stale = []
    for entry in zh_entries:
        msgid = entry["msgid"]
        if "msgctxt" in entry:
            msgid = f"{entry['msgctxt']}\x04{msgid}"
        if "msgid_plural" in entry:
            got = compiled.ngettext(msgid, entry["msgid_plural"], 1)
            want = entry.get("msgstr[0]")
        else:
            got, want = compiled.gettext(msgid), entry.get("msgstr")
        if got != want:
            stale.append(_label(entry))
    assert not stale, f"django.mo is older than django.po ({FIX}): {', '.join(stale[:20])}"


def test_it_keeps_pages_chinese_for_an_english_browser_until_the_visitor_switches(client, db):
    page = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="zh-hans"' in page.content.decode()

    client.post("/i18n/setlang/", {"language": "en", "next": "/admin/login/"})
    page = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert '<html lang="en"' in page.content.decode()


def test_it_gives_api_callers_english_errors_when_they_ask(client, db):
    response = client.get("/api/v1/awards/?year=abc", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "Enter a whole number" in response.json()["errors"]["year"][0]
