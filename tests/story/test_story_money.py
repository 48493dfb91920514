"""The story's ledger and receivables: one line a milestone with the release that made it what it is, an upfront
received on signing, payers named or shown inferred, a royalty figure and the part of it reported apart counted
once, and every company's money totalled apart."""
from __future__ import annotations

import json

from story_support import run

M = 1_000_000


def _ledger(db: str, as_of: str) -> list[tuple]:
    lines = json.loads(run(db, "ledger", "--as-of", as_of, "--format", "json"))["lines"]
    return [(ln["payee"], ln["compound"], ln["territory"], ln["kind"], ln["status"], ln["counterparty"],
             ln["counterparty_inferred"], int(ln["amount"]), int(ln["outstanding"]), ln["source_event"]) for ln in lines]


def _receivables(db: str, as_of: str, *args: str) -> dict:
    return json.loads(run(db, "receivables", "--as-of", as_of, "--format", "json", *args))


def test_the_ledger_on_each_day_of_the_story(story, ids):
    upfront = ("Norvale", "NRV-401", None, "upfront", "received", "Castellan", True, 20 * M, 0, ids["upfront"])
    assert _ledger(story, "2011-12-31") == [upfront]
    us = ("Norvale", "velotuzumab", "US", "regulatory", "earned", "Castellan", True, 10 * M, 10 * M, ids["us_milestone"])
    ardent = ("Ardent", "quilostat", "US", "regulatory", "earned", "Castellan", False, 3 * M, 3 * M, ids["nda_milestone"])
    contingent = ("Norvale", "velotuzumab", "EU", "regulatory", "contingent", None, False, 5 * M, 5 * M,
                  ids["eu_milestone_expected"])
    assert _ledger(story, "2013-09-30") == [ardent, upfront[:1] + ("velotuzumab",) + upfront[2:], us, contingent]
    earned = contingent[:4] + ("earned",) + contingent[5:9] + (ids["eu_milestone"],)
    assert _ledger(story, "2013-12-31") == [ardent, upfront[:1] + ("velotuzumab",) + upfront[2:], us, earned]


def test_an_earned_milestone_is_one_line_whose_source_is_the_release_that_triggered_it(story, ids):
    (line,) = [ln for ln in json.loads(run(story, "ledger", "--as-of", "2013-12-31", "--format", "json"))["lines"]
               if ln["territory"] == "EU"]
    assert (line["source_file"], line["published_on"], line["triggered_on"], line["sources"]) == (
        "norvale-2013-11-20-ec-approval.txt", "2013-11-20", "2013-11-20",
        [ids["eu_milestone_expected"], ids["eu_milestone"], ids["ec_approval"]])


def test_a_royalty_figure_and_the_part_of_it_reported_apart_are_counted_once(story, ids):
    lines = [ln for ln in json.loads(run(story, "ledger", "--as-of", "2014-06-30", "--format", "json"))["lines"]
             if ln["payee"] == "Halvorsen"]
    assert [(ln["compound"], ln["period"], int(ln["amount"]), ln["reported_amount"], ln["source_event"]) for ln in lines] == [
        (None, "2014-Q1", 92 * M, "402000000", ids["royalty_revenue"]),
        ("Ostrevia", "2014-Q1", 310 * M, None, ids["ostrevia_royalty"])]
    (halvorsen,) = [t for t in _receivables(story, "2014-06-30")["currency_totals"] if t["payee"] == "Halvorsen"]
    assert (halvorsen["currency"], halvorsen["outstanding"], halvorsen["buckets"]["61-90"]) == ("DKK", "402000000", "402000000")


def test_receivables_total_each_companys_money_apart_and_one_payee_can_be_asked_for(story):
    totals = [(t["payee"], t["group"], t["currency"], t["outstanding"], t["contingent"])
              for t in _receivables(story, "2013-09-30")["currency_totals"]]
    assert totals == [("Ardent", "all", "USD", "3000000", "0"), ("Norvale", "all", "USD", "10000000", "5000000")]
    norvale = _receivables(story, "2014-06-30", "--payee", "Norvale Therapeutics, Inc.")
    assert [(r["line"][:2], r["payee"], r["territory"], r["outstanding"]) for r in norvale["receivables"]] == [
        ("L-", "Norvale", "EU", "5000000"), ("L-", "Norvale", "US", "10000000")]
    assert [(t["payee"], t["currency"], t["outstanding"]) for t in norvale["currency_totals"]] == [
        ("Norvale", "USD", "15000000")]


def test_the_totals_table_shows_one_company_at_a_time(story):
    (us,) = [r["line"] for r in _receivables(story, "2014-06-30")["receivables"]
             if (r["payee"], r["territory"]) == ("Norvale", "US")]
    output = run(story, "receivables", "--as-of", "2014-06-30")
    totals = output[output.index("Totals\n"):output.index("\nContingent")].splitlines()
    assert [row.split()[:4] for row in totals[3:]] == [
        ["Ardent", "Castellan", "USD", "3,000,000"], ["Ardent", "all", "USD", "3,000,000"],
        ["Halvorsen", "(payer", "not", "stated)"], ["Halvorsen", "all", "DKK", "402,000,000"],
        ["Norvale", "(payer", "not", "stated)"], ["Norvale", "Castellan", "USD", "10,000,000"],
        ["Norvale", "all", "USD", "15,000,000"]]
    assert output.endswith(f"- payer inferred, no sentence names it: Castellan for {us}\n")
