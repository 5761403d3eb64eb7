import pytest
from django.core.exceptions import ValidationError

from core.validators import (
    make_uscc,
    normalize_patent_number,
    normalize_uscc,
    validate_patent_number,
    validate_uscc,
)


@pytest.mark.parametrize("code", ["N2370702MA3C41112W", make_uscc("91370700165420898")])
def test_it_accepts_valid_codes_including_a_letter_first_one(code):
    validate_uscc(code)


def test_it_normalises_spaces_dashes_and_case():
    assert normalize_uscc(" n237-0702 ma3c4 1112w ") == "N2370702MA3C41112W"


@pytest.mark.parametrize(
    ("code", "error_code", "fragment"),
    [
        ("N2370702MA3C41112X", "uscc_check", "W"),
        ("N2370702MA3C4111OW", "uscc_character", "O"),
        ("N2370702MA3C4111", "uscc_length", "16"),
    ],
)
def test_it_names_what_is_wrong_with_a_bad_code(code, error_code, fragment):
    with pytest.raises(ValidationError) as caught:
        validate_uscc(code)
    assert caught.value.code == error_code
    assert fragment in str(caught.value.messages[0])


@pytest.mark.parametrize("number", ["ZL201610956306.3", "95115608.X", "ZL201710601862.3"])
def test_it_accepts_valid_patent_numbers(number):
    validate_patent_number(number)


def test_it_rejects_a_wrong_patent_check_digit():
    with pytest.raises(ValidationError) as caught:
        validate_patent_number("ZL201610956306.4")
    assert caught.value.code == "patent_check"


@pytest.mark.parametrize("raw", ["201610956306.3", "ZL 2016 1095 6306.3", "CN2016109563063",
                                 "zl201610956306"])
def test_it_normalises_patent_numbers(raw):
    assert normalize_patent_number(raw) == "ZL201610956306.3"
