"""Rupiah typed the Indonesian way is stored exactly; anything ambiguous is refused with what was read."""

import pytest

from mjc.core.money import MAX_RUPIAH, RupiahField, RupiahParseError, RupiahSerializerField, parse_rupiah


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("1.500.000", 1_500_000),
        ("1500000", 1_500_000),
        ("Rp 1.500.000", 1_500_000),
        ("Rp1.500.000,-", 1_500_000),
        ("Rp. 25.000", 25_000),
        ("1,5 juta", 1_500_000),
        ("1,5jt", 1_500_000),
        ("750 ribu", 750_000),
        ("2 jt", 2_000_000),
        (1_500_000, 1_500_000),
    ],
)
def test_what_an_owner_types_is_stored_exactly(typed, stored):
    assert parse_rupiah(typed) == stored


@pytest.mark.parametrize("typed", ["1.5", "12.50.000", "1,5", "1.500,000", "abc", "", "1e9", True, 1.5])
def test_an_ambiguous_or_foreign_amount_is_refused(typed):
    with pytest.raises(RupiahParseError):
        parse_rupiah(typed)


def test_the_refusal_says_what_was_read():
    with pytest.raises(RupiahParseError) as error:
        parse_rupiah("12.50.000")
    assert "Rp 1.250.000" in str(error.value.message)
    with pytest.raises(RupiahParseError) as error:
        parse_rupiah("1.500,000")  # once read as Rp 1.500: a comma for a dot cost three zeros
    assert "Rp 1.500.000" in str(error.value.message)
    assert parse_rupiah("1.500,00") == 1_500 and parse_rupiah("1,250 juta") == 1_250_000


def test_too_large_is_refused():
    with pytest.raises(RupiahParseError):
        parse_rupiah(str(MAX_RUPIAH * 10))


def test_form_field_and_api_field_agree():
    assert RupiahField().clean("1.500.000") == 1_500_000
    assert RupiahSerializerField().to_internal_value("1.500.000") == 1_500_000
    assert RupiahSerializerField().to_internal_value(1_500_000) == 1_500_000
