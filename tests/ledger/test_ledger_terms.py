"""Terms files: read into facts with exact decimals, refused with the file and line of each problem."""
from decimal import Decimal
from pathlib import Path

import pytest

from tracker.domain.facts import MilestoneTerm, RoyaltyTier
from tracker.errors import TrackerError
from tracker.terms import read_terms

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "terms.toml"

GOOD = '''[[agreement]]
id = "a"
payer = "Roche"
payee = "ImmunoGen"
compound = "Kadcyla"
'''


def _problems(tmp_path: Path, text: str) -> str:
    path = tmp_path / "terms.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TrackerError) as raised:
        read_terms(path)
    return str(raised.value).replace(str(path), "terms.toml")


def test_the_example_terms_file_reads_as_one_agreement_with_exact_amounts():
    (agreement,) = read_terms(EXAMPLE)
    assert (agreement.agreement, agreement.payer, agreement.payee, agreement.compound, agreement.territory) == (
        "roche-immunogen-tdm1", "Roche", "ImmunoGen", "Kadcyla", "worldwide")
    assert agreement.milestones == (
        MilestoneTerm(trigger="FDA approval (US)", amount=Decimal(10_500_000), currency="USD", kind="regulatory"),
        MilestoneTerm(trigger="Japan approval (MHLW)", amount=Decimal(5_000_000), currency="USD", kind="regulatory"),
        MilestoneTerm(trigger="European Commission approval (EU)", amount=Decimal(5_000_000), currency="USD",
                      kind="regulatory"))
    assert (agreement.payment_days, agreement.payment_after, agreement.royalty_currency) == (45, "trigger", "USD")
    assert agreement.royalty_tiers == (RoyaltyTier(up_to=Decimal(500_000_000), percent=Decimal(3)),
                                       RoyaltyTier(percent=Decimal(4)))
    assert agreement.terms_file == "terms.toml"


def test_a_float_is_refused_naming_its_line_and_a_quoted_decimal_is_read_exactly(tmp_path: Path):
    milestone = '[[agreement.milestone]]\ntrigger = "x"\namount = {}\ncurrency = "EUR"\n'
    assert _problems(tmp_path, GOOD + milestone.format("1234567.89")) == (
        'terms.toml:8: agreement[1].milestone[1].amount: 1234567.89 is a float, which is not exact; '
        'write an integer or a quoted decimal ("1234567.89")')
    path = tmp_path / "t.toml"
    path.write_text(GOOD + milestone.format('"1234567.89"'))
    assert read_terms(path)[0].milestones[0].amount == Decimal("1234567.89")


def test_each_bad_entry_is_named_with_its_line(tmp_path: Path):
    text = GOOD + '''
[[agreement.milestone]]
trigger = "US approval"
amount = 5_000_000
currency = "USD"

[[agreement.milestone]]
trigger = "EU approval"
amount = "five million"
currency = "XYZ"

[agreement.payment]
days = 30
after = "receipt"

[agreement.royalty]
currency = "USD"
tier = [ { percent = 8 }, { up_to = 500, percent = 10 } ]
'''
    assert _problems(tmp_path, text).splitlines() == [
        "terms.toml:14: agreement[1].milestone[2].amount: Input should be a valid decimal",
        "terms.toml:15: agreement[1].milestone[2].currency: 'XYZ' is not an ISO 4217 currency code (such as USD, EUR, JPY, CHF)",
        "terms.toml:19: agreement[1].payment.after: Input should be 'trigger' or 'invoice'",
        "terms.toml:23: agreement[1].royalty.tier: only the last tier may leave out up_to",
    ]


def test_a_missing_key_points_at_the_table_that_lacks_it(tmp_path: Path):
    text = GOOD + '\n[[agreement]]\nid = "b"\npayer = "Roche"\ncompound = "Kadcyla"\n'
    assert _problems(tmp_path, text) == "terms.toml:7: agreement[2].payee: Field required"


def test_an_unknown_key_and_a_repeated_agreement_id_are_refused(tmp_path: Path):
    assert _problems(tmp_path, GOOD + 'royalties = 8\n') == \
        "terms.toml:6: agreement[1].royalties: Extra inputs are not permitted"
    assert _problems(tmp_path, GOOD + "\n" + GOOD) == "terms.toml:1: agreement: agreement id 'a' is used twice"


def test_a_file_that_is_not_toml_is_refused_with_the_line_tomllib_names(tmp_path: Path):
    assert _problems(tmp_path, GOOD + "amount = = 3\n") == \
        "terms.toml: not valid TOML: Invalid value (at line 6, column 10)"
