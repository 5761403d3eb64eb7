"""Validators for the codes every app shares: USCC, patent numbers, resident ID numbers.

Each has a `normalize_*` that returns the canonical stored form and a `validate_*` that raises a
ValidationError whose message says what is wrong, in the user's language.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.cn import ric, uscc
from stdnum.exceptions import ValidationError as StdnumError

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_REGISTRARS = "123456789ANY"
_SEPARATORS = re.compile(r"[\s\-_/]+")


def normalize_uscc(value: str) -> str:
    return _SEPARATORS.sub("", value or "").upper()


def validate_uscc(value: str) -> None:
    """GB 32100-2015. python-stdnum computes the check character; its own validate() refuses
    letter-first codes (e.g. farmers' cooperatives, N...), which are valid, so we check the
    structure here."""
    code = normalize_uscc(value)
    if len(code) != 18:
        raise ValidationError(
            _("A unified social credit code has 18 characters; this one has %(n)d."),
            code="uscc_length",
            params={"n": len(code)},
        )
    for position, char in enumerate(code, start=1):
        if char not in USCC_ALPHABET:
            raise ValidationError(
                _("Character %(char)s at position %(pos)d is not allowed in a unified social "
                  "credit code (I, O, S, V and Z are never used)."),
                code="uscc_character",
                params={"char": char, "pos": position},
            )
    if code[0] not in USCC_REGISTRARS:
        raise ValidationError(
            _("The first character (registering authority) must be 1-9, A, N or Y, not %(char)s."),
            code="uscc_registrar",
            params={"char": code[0]},
        )
    if not code[2:8].isdigit():
        raise ValidationError(
            _("Characters 3 to 8 of a unified social credit code are a division code of six "
              "digits, not %(part)s."),
            code="uscc_division",
            params={"part": code[2:8]},
        )
    expected = uscc.calc_check_digit(code[:17])
    if code[17] != expected:
        raise ValidationError(
            _("The check character should be %(expected)s, not %(got)s: a character of the "
              "code is probably mistyped."),
            code="uscc_check",
            params={"expected": expected, "got": code[17]},
        )


def make_uscc(body: str) -> str:
    """Complete 17 characters with their check character (demo data, tests)."""
    return body + uscc.calc_check_digit(body)


# --- Patent numbers -----------------------------------------------------------------------

PATENT_TYPE_DIGITS = {"1": "invention", "2": "utility_model", "3": "design", "8": "invention",
                      "9": "utility_model"}
_PATENT_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
_PATENT_RE = re.compile(r"^(?:ZL|CN)?(\d{8}|\d{12})\.?([0-9X])?$")


def patent_check_digit(digits: str) -> str:
    total = sum(int(d) * _PATENT_WEIGHTS[i % len(_PATENT_WEIGHTS)] for i, d in enumerate(digits))
    remainder = total % 11
    return "X" if remainder == 10 else str(remainder)


def _patent_parts(value: str) -> tuple[str, str | None]:
    compact = _SEPARATORS.sub("", value or "").upper()
    match = _PATENT_RE.match(compact)
    if not match:
        raise ValidationError(
            _("A patent number is ZL, then 12 digits (8 before October 2003), a dot and a check "
              "digit, e.g. ZL201610956306.3; %(value)s is not of that form."),
            code="patent_format",
            params={"value": value},
        )
    return match.group(1), match.group(2)


def normalize_patent_number(value: str) -> str:
    """ZL + digits + '.' + check. A missing check digit is computed; a wrong one is kept
    so that validation can name it."""
    try:
        digits, check = _patent_parts(value)
    except ValidationError:
        return _SEPARATORS.sub("", value or "").upper()
    return f"ZL{digits}.{check or patent_check_digit(digits)}"


def validate_patent_number(value: str) -> None:
    digits, check = _patent_parts(value)
    expected = patent_check_digit(digits)
    if check is not None and check != expected:
        raise ValidationError(
            _("The check digit of patent number %(value)s should be %(expected)s, not %(got)s."),
            code="patent_check",
            params={"value": value, "expected": expected, "got": check},
        )
    if patent_number_type(digits) is None:
        raise ValidationError(
            _("Digit %(pos)d of a patent number gives its type (1 invention, 2 utility model, "
              "3 design, 8 or 9 PCT); %(digit)s is none of these."),
            code="patent_type_digit",
            params={"pos": 5 if len(digits) == 12 else 3, "digit": _type_digit(digits)},
        )


def _type_digit(digits: str) -> str:
    return digits[4] if len(digits) == 12 else digits[2]


def patent_number_type(value: str) -> str | None:
    """'invention', 'utility_model' or 'design' from the type digit; None if unknown."""
    digits = _PATENT_RE.match(_SEPARATORS.sub("", value or "").upper())
    digits = digits.group(1) if digits else value
    return PATENT_TYPE_DIGITS.get(_type_digit(digits))


def make_patent_number(digits: str) -> str:
    return f"ZL{digits}.{patent_check_digit(digits)}"


# --- Resident identity card numbers (private data of individual awardees) -----------------

def normalize_id_number(value: str) -> str:
    return _SEPARATORS.sub("", value or "").upper()


def validate_id_number(value: str) -> None:
    try:
        ric.validate(normalize_id_number(value))
    except StdnumError as error:
        raise ValidationError(
            _("This is not a valid resident identity card number (%(reason)s)."),
            code="id_number",
            params={"reason": str(error)},
        ) from error


def mask(value: str, keep: int = 4) -> str:
    """'370702199001011234' -> '**************1234' for lists where staff only recognise a row."""
    if not value:
        return ""
    return "*" * max(len(value) - keep, 0) + value[-keep:]
