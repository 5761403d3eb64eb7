"""How the public pages write numbers: counts with thousands separators, money in the unit a
reader of the page's language expects (亿元 in Chinese, million/billion yuan in English)."""

from decimal import Decimal

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()

HUNDRED_MILLION = Decimal(100_000_000)
MILLION = Decimal(1_000_000)
BILLION = Decimal(1_000_000_000)


@register.filter
def count(value):
    """27650 -> "27,650"; None (not known for that date) -> "—"."""
    if value is None or value == "":
        return "—"
    if isinstance(value, Decimal) and value == value.to_integral_value():
        value = int(value)
    return intcomma(value, use_l10n=False)


def _trimmed(amount: Decimal, places: int) -> str:
    text = f"{amount:,.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


@register.filter
def yuan(value):
    """4207000000 -> "42.07 亿元" in Chinese, "4.207 billion yuan" in English."""
    if value is None or value == "":
        return "—"
    amount = Decimal(value)
    if (get_language() or "").startswith("zh"):
        if amount >= HUNDRED_MILLION:
            return _("%(amount)s hundred million yuan") % {
                "amount": _trimmed(amount / HUNDRED_MILLION, 2)}
        if amount >= 10_000:
            return _("%(amount)s ten thousand yuan") % {"amount": _trimmed(amount / 10_000, 2)}
    else:
        if amount >= BILLION:
            return _("%(amount)s billion yuan") % {"amount": _trimmed(amount / BILLION, 3)}
        if amount >= MILLION:
            return _("%(amount)s million yuan") % {"amount": _trimmed(amount / MILLION, 2)}
    return _("%(amount)s yuan") % {"amount": _trimmed(amount, 2)}


@register.filter
def get_item(mapping, key):
    """mapping[key] in a template, None when absent."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.simple_tag
def api_docs_url():
    """The interactive API documentation (drf-spectacular's Swagger UI)."""
    return reverse("api-docs")
