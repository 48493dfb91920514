"""Currency codes: ISO 4217's, the one check wherever a currency enters the tracker.

Terms files, exchange-rate files and the `record` commands all take a currency
through `currency_code` (or the `Currency` type of the files' models), so that
"XYZ" is refused the same way everywhere and a ledger never holds a currency
no one can pay in. The list is ISO 4217's current one as the `pycountry`
package keeps it (Debian's iso-codes), less the two codes that name no money.
"""
from __future__ import annotations

from functools import cache
from typing import Annotated

from pydantic import AfterValidator

#: Listed by ISO 4217 but no money: XTS is reserved for testing, XXX means "no currency involved".
NOT_MONEY = frozenset({"XTS", "XXX"})


@cache
def iso_4217() -> frozenset[str]:
    """The current ISO 4217 codes that name money."""
    import pycountry  # loaded only when a currency is checked

    return frozenset(currency.alpha_3 for currency in pycountry.currencies) - NOT_MONEY


def currency_code(text: str) -> str:
    """`text` as an ISO 4217 code, in capitals ("usd" is USD), or a ValueError saying it is not one."""
    code = text.strip().upper()
    if code not in iso_4217():
        raise ValueError(f"{text!r} is not an ISO 4217 currency code (such as USD, EUR, JPY, CHF)")
    return code


#: A currency field of a file's model: checked and put in capitals by `currency_code`.
Currency = Annotated[str, AfterValidator(currency_code)]
