"""How the public pages write numbers and money."""

from decimal import Decimal

from django.utils import translation

from dashboard.templatetags.dashboard import count, yuan


def test_it_writes_counts_with_thousands_separators_and_unknowns_as_a_dash():
    assert count(27650) == "27,650"
    assert count(Decimal("39.00")) == "39"
    assert count(0) == "0"
    assert count(None) == "—"


def test_it_writes_large_amounts_in_billions_of_yuan_in_english():
    with translation.override("en"):
        assert yuan(Decimal("4207000000.00")) == "4.207 billion yuan"
        assert yuan(Decimal("14530000000")) == "14.53 billion yuan"
        assert yuan(Decimal("1000000")) == "1 million yuan"
        assert yuan(Decimal("200000")) == "200,000 yuan"


def test_it_writes_amounts_in_hundred_millions_and_ten_thousands_of_yuan_in_chinese():
    # The unit words come from the translation catalogue; the scaled number does not.
    with translation.override("zh-hans"):
        assert yuan(Decimal("4207000000")).startswith("42.07")
        assert yuan(Decimal("1000000")).startswith("100")
        assert yuan(Decimal("500")).startswith("500")
