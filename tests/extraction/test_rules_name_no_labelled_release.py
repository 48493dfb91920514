"""No rule names a compound or a company of a labelled release: rules are written for the language of the field.

Every name a gold file gives (compound groups, aliases, partners, payers and payees) is looked for as a whole
word in the rule text (the extraction package and the lexicon), in any case. Gold files are those beside this
checkout: the shared corpus and seeds, the new corpus (committed or being gathered) and the unseen fixtures.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
RULES = sorted((REPO / "tracker" / "extraction").rglob("*.py")) + [REPO / "tracker" / "lexicon.py"]
GOLD_FOLDERS = [REPO.parent.parent / "shared" / "corpus" / "gold", REPO.parent.parent / "shared" / "seeds" / "gold",
                REPO / "corpus" / "gold", Path("/work/newcorpus/gold"), REPO / "tests" / "fixtures" / "unseen" / "gold"]
_NAMED_FIELDS = ("compound", "alias", "partner", "payer", "payee", "party", "parent")


def _names() -> set[str]:
    names: set[str] = set()
    for folder in GOLD_FOLDERS:
        for path in folder.glob("*.json") if folder.is_dir() else ():
            gold = json.loads(path.read_text(encoding="utf-8"))
            for canonical, aliases in (gold.get("compounds") or {}).items():
                names.add(canonical)
                names.update(aliases)
            for event in gold.get("events", []):
                for field in _NAMED_FIELDS:
                    value = event.get(field)
                    names.update(v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str))
    return {name.strip() for name in names if len(name.strip()) >= 3}


NAMES = _names()


@pytest.mark.skipif(not NAMES, reason="no gold files beside this checkout")
@pytest.mark.parametrize("path", RULES, ids=lambda p: str(p.relative_to(REPO)))
def test_no_rule_names_a_compound_or_company_of_a_labelled_release(path: Path):
    text = path.read_text(encoding="utf-8")
    named = sorted(name for name in NAMES if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.I))
    assert named == [], f"{path.name} names {named}"
