"""One format vocabulary on every command that prints an answer: table, md, csv, json, jsonl (ics for the calendar)."""
from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from cli_runner import REPO, run

#: Every command that prints an answer, as a user would ask it of the seeds, and the formats it offers.
QUERIES = {
    "events": (["events", "--as-of", "2013-12-31"], ("table", "md", "csv", "json", "jsonl")),
    "compounds": (["compounds", "--as-of", "2013-09-30"], ("table", "md", "csv", "json", "jsonl")),
    "status": (["status", "kadcyla", "--as-of", "2013-09-30"], ("table", "csv", "json")),
    "ledger": (["ledger", "--as-of", "2013-09-30"], ("table", "md", "csv", "json", "jsonl")),
    "receivables": (["receivables", "--as-of", "2013-09-30"], ("table", "md", "csv", "json")),
    "calendar": (["calendar", "--as-of", "2013-09-30"], ("table", "md", "csv", "json", "jsonl")),
    "explain": (["explain", "kadcyla", "regulatory", "--as-of", "2013-12-31"], ("table", "csv", "json", "jsonl")),
    "diff": (["diff", "2011-01-01", "2013-12-31", "--compound", "kadcyla"], ("table", "csv", "json")),
    "replay": (["replay", "--compound", "kadcyla", "--as-of", "2013-12-31"], ("table", "csv", "json", "jsonl")),
    "verify": (["verify"], ("table", "csv", "json")),
    "review list": (["--review-threshold", "0.7", "review", "list"], ("table", "md", "csv", "json", "jsonl")),
    "review show": (["review", "show", "832bafa56f4cb993.1"], ("table", "csv", "json")),
    "eval": (["eval", str(REPO / "tests/fixtures/unseen/gold"), "--corpus", str(REPO / "tests/fixtures/unseen/releases")],
             ("table", "md", "csv", "json")),
}
PAIRS = [(name, fmt) for name, (_, formats) in QUERIES.items() for fmt in formats]


def _answer(db: str, name: str, fmt: str) -> str:
    args, _ = QUERIES[name]
    result = run(db, *args, "--format", fmt)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip(), f"{name} --format {fmt} printed nothing"
    return result.stdout


@pytest.mark.parametrize(("name", "fmt"), PAIRS, ids=[f"{n}-{f}" for n, f in PAIRS])
def test_every_command_prints_its_answer_in_each_of_its_formats(seeds_store, name, fmt):
    text = _answer(seeds_store, name, fmt)
    if fmt == "json":
        json.loads(text)
    elif fmt == "jsonl":
        assert all(isinstance(json.loads(line), dict) for line in text.splitlines())
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(text)))
        assert len({len(row) for row in rows}) == 1, "every row has a cell for every column"
    elif fmt == "md":
        assert any(line.startswith("|---") for line in text.splitlines())


@pytest.mark.parametrize("name", [name for name, (_, formats) in QUERIES.items() if "jsonl" in formats])
def test_json_lines_are_the_items_of_the_json_array(seeds_store, name):
    array = json.loads(_answer(seeds_store, name, "json"))
    items = array["lines"] if name == "ledger" else array
    assert [json.loads(line) for line in _answer(seeds_store, name, "jsonl").splitlines()] == items


def test_a_query_command_offers_the_same_words_for_its_formats():
    from cli import cli

    offered = {}
    for name, command in cli.commands.items():
        commands = command.commands.items() if hasattr(command, "commands") and name != "record" else [(None, command)]
        for sub, each in commands:
            formats = [p for p in each.params if p.name == "fmt"]
            if formats:
                offered[f"{name} {sub}" if sub else name] = tuple(formats[0].type.choices)
    assert set(offered) == set(QUERIES)
    assert {name: formats for name, formats in offered.items() if name != "calendar"} == \
        {name: formats for name, (_, formats) in QUERIES.items() if name != "calendar"}
    assert offered["calendar"] == (*QUERIES["calendar"][1], "ics")
    assert all(formats[0] == "table" for formats in offered.values())


# ---- CSV -----------------------------------------------------------------------


def test_the_events_csv_has_a_column_for_each_field_of_the_types_asked(seeds_store):
    text = run(seeds_store, "events", "--type", "MilestoneTriggered", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == [
        "reported_on", "id", "type", "compound", "occurred_on", "payer", "payee", "amount", "currency", "payment_kind",
        "trigger", "source_release", "source_file", "source_line", "source_quote", "source_compound_as_written",
        "source_entered_by", "source_reason", "confidence", "recorded_at"]
    (row,) = rows
    assert {k: row[k] for k in ("reported_on", "type", "compound", "payer", "payee", "amount", "currency", "source_file")} == {
        "reported_on": "2013-09-20", "type": "MilestoneTriggered", "compound": "trastuzumab emtansine", "payer": "Roche",
        "payee": "ImmunoGen", "amount": "5000000", "currency": "USD", "source_file": "002_216599dac546bf8a.txt"}


def test_the_ledger_csv_writes_plain_numbers_and_iso_days(seeds_store):
    rows = list(csv.DictReader(io.StringIO(run(seeds_store, "ledger", "--as-of", "2013-09-30", "--format", "csv").stdout)))
    assert [(r["territory"], r["status"], r["amount"], r["paid"], r["outstanding"], r["due_on"], r["terms_assumed"])
            for r in rows] == [("JP", "earned", "5000000", "0", "5000000", "2013-10-20", "true"),
                               ("EU", "contingent", "5000000", "0", "5000000", "", "true")]
    assert rows[0]["counterparty"] == "Roche" and rows[0]["basis"] == "reported"


def test_the_receivables_csv_groups_its_lines_by_the_by_option(seeds_store):
    def groups(*by: str) -> list[tuple[str, str]]:
        text = run(seeds_store, "receivables", "--as-of", "2013-09-30", *by, "--format", "csv").stdout
        return [(row["section"], row["group"]) for row in csv.DictReader(io.StringIO(text))]

    assert groups() == [("receivable", "Roche"), ("contingent", "Roche")]
    assert groups("--by", "compound") == [("receivable", "trastuzumab emtansine"), ("contingent", "trastuzumab emtansine")]
    assert groups("--by", "agreement") == [("receivable", "(no agreement)"), ("contingent", "(no agreement)")]


def test_no_headers_leaves_out_the_header_row_of_a_csv_and_of_a_table(seeds_store):
    as_csv = run(seeds_store, "compounds", "--as-of", "2013-09-30", "-c", "compound,events", "--format", "csv",
                 "--no-headers").stdout
    assert as_csv == ("AVE1642,1\nAVE9633,1\nlorvotuzumab mertansine,3\nSAR3419,4\ntrastuzumab emtansine,28\n")
    table = run(seeds_store, "compounds", "--as-of", "2013-09-30", "-c", "compound", "-c", "events", "--no-headers")
    assert table.stdout == ("AVE1642                    1\n"
                            "AVE9633                    1\n"
                            "lorvotuzumab mertansine    3\n"
                            "SAR3419                    4\n"
                            "trastuzumab emtansine     28\n")


def test_chosen_columns_make_the_table_in_the_order_given(seeds_store):
    result = run(seeds_store, "ledger", "--as-of", "2013-09-30", "-c", "outstanding,territory", "-c", "line")
    assert result.stdout == ("outstanding   territory   line\n"
                             "────────────────────────────────────\n"
                             "  5,000,000   JP          L-ba54e7c8\n"
                             "  5,000,000   EU          L-af922d6d\n")


def test_a_column_the_answer_does_not_have_is_refused_with_the_columns_it_has(seeds_store):
    result = run(seeds_store, "calendar", "--as-of", "2013-09-30", "-c", "when")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: no column 'when'; the columns are: expected, expected_by, compound, kind, what, window, announced_on, event, "
        "sources, file, line, quote, overdue")


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "json", "--no-headers"], "--no-headers applies to table and csv output, not json"),
    (["--format", "md", "--no-headers"], "--no-headers applies to table and csv output, not md"),
    (["--format", "jsonl", "-c", "id"], "--column applies to table, md, csv output, not jsonl"),
])
def test_options_that_do_not_apply_to_a_format_are_refused(seeds_store, args, message):
    result = run(seeds_store, "events", *args)
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (2, f"Error: {message}")


# ---- tables --------------------------------------------------------------------


def test_amounts_and_counts_are_right_aligned_in_a_table(seeds_store):
    lines = run(seeds_store, "receivables", "--as-of", "2013-09-30").stdout.splitlines()
    totals = lines[lines.index("Totals") + 1:lines.index("Totals") + 5]
    assert totals == [
        "payee       counterparty   currency   outstanding     current   1-30   31-60   61-90   91-120   >120   contingent",
        "─────────────────────────────────────────────────────────────────────────────────────────────────────────────────",
        "ImmunoGen   Roche          USD          5,000,000   5,000,000      0       0       0        0      0    5,000,000",
        "ImmunoGen   all            USD          5,000,000   5,000,000      0       0       0        0      0    5,000,000"]


@pytest.mark.parametrize(("args", "said"), [
    (["events", "--as-of", "2000-01-01"], "No events as of 2000-01-01.\n"),
    (["events", "--as-of", "2013-12-31", "--compound", "SAR3419", "--type", "ApprovalGranted"],
     "No ApprovalGranted events about SAR3419 as of 2013-12-31.\n"),
    (["compounds", "--as-of", "2000-01-01"], "No compounds as of 2000-01-01.\n"),
    (["calendar", "--as-of", "2013-09-30", "--from", "2014-01-01"],
     "No catalysts still expected from 2014-01-01 to any day as of 2013-09-30.\n"),
    (["ledger", "--as-of", "2000-01-01", "-c", "line"], "No milestone or royalty lines as of 2000-01-01.\n"),
    (["--review-threshold", "0", "review", "list", "--as-of", "2013-09-30"],
     "Nothing to review (threshold 0.0, as of 2013-09-30).\n"),
])
def test_an_empty_answer_is_said_in_words(seeds_store, args, said):
    result = run(seeds_store, *args)
    assert (result.exit_code, result.stdout) == (0, said)


def test_an_empty_csv_is_its_header_row_and_an_empty_json_is_an_empty_array(seeds_store):
    assert run(seeds_store, "compounds", "--as-of", "2000-01-01", "--format", "csv").stdout == (
        "compound,highest_phase,approved_in,partners,aliases,events,as_of\n")
    assert run(seeds_store, "compounds", "--as-of", "2000-01-01", "--format", "json").stdout == "[]\n"


@pytest.fixture
def terminal(monkeypatch):
    """Output goes to a terminal a person watches, 80 columns wide."""
    import cli

    monkeypatch.setattr(cli, "on_terminal", lambda stream: True)
    monkeypatch.setenv("COLUMNS", "80")


@pytest.mark.parametrize("args", [["ledger", "--as-of", "2013-09-30"], ["receivables", "--as-of", "2013-09-30"],
                                  ["events", "--as-of", "2013-09-30"], ["--review-threshold", "0.7", "review", "list"]])
def test_on_a_terminal_every_table_fits_its_width(seeds_store, terminal, args):
    result = run(seeds_store, *args, env={"NO_COLOR": "1", "COLUMNS": "80"})
    assert result.exit_code == 0
    text = result.stdout.split("History\n")[0].split("Notes\n")[0]  # text, not tables: the terminal wraps it
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "5,000,000" in text or "b7a64debc339d7ae" in text or "832bafa56f4cb993" in text


def test_in_a_pipe_a_row_stays_on_one_line_however_wide(seeds_store):
    lines = run(seeds_store, "ledger", "--as-of", "2013-09-30").stdout.splitlines()
    assert [line.split()[0] for line in lines[4:6]] == ["L-ba54e7c8", "L-af922d6d"]
    assert len(lines[4]) > 80


def test_markdown_marks_the_headings_and_right_aligns_the_amounts(seeds_store):
    lines = run(seeds_store, "receivables", "--as-of", "2013-09-30", "--format", "md").stdout.splitlines()
    assert [line for line in lines if line.startswith("#")] == [
        "# Receivables as of 2013-09-30, by counterparty", "## Totals", "## Contingent (not receivable until earned)",
        "## Notes"]
    totals = lines[lines.index("## Totals") + 2:lines.index("## Totals") + 4]
    assert totals == ["| payee | counterparty | currency | outstanding | current | 1-30 | 31-60 | 61-90 | 91-120 | >120 | contingent |",
                      "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]


# ---- the answers of the audit commands as data --------------------------------------


def test_explain_as_csv_has_a_row_for_each_event_behind_a_value(seeds_store):
    text = run(seeds_store, "explain", "kadcyla", "regulatory.JP", "--as-of", "2013-12-31", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["field"], r["value"], r["role"], r["type"], r["source"]) for r in rows if r["role"] == "source"] == [
        ("regulatory.JP", "approved (MHLW, reported 2013-09-20, date not stated)", "source", "ApprovalGranted", "002_216599dac546bf8a.txt line 15")]


def test_diff_as_json_names_the_views_and_what_changed(seeds_store):
    document = json.loads(run(seeds_store, "diff", "2013-01-01", "2013-12-31", "--compound", "kadcyla",
                              "--format", "json").stdout)
    assert (document["first"]["as_of"], document["second"]["as_of"]) == ("2013-01-01", "2013-12-31")
    assert {e["source"]["file"] for e in document["new"]} == {"002_216599dac546bf8a.txt"}
    assert document["ledger"] and all(set(c) == {"field", "before", "after", "sources"} for c in document["ledger"])


def test_replay_as_jsonl_is_a_step_a_line_with_its_event_and_changes(seeds_store):
    lines = run(seeds_store, "replay", "--compound", "kadcyla", "--as-of", "2008-12-31", "--format", "jsonl").stdout
    steps = [json.loads(line) for line in lines.splitlines()]
    assert [step["day"] for step in steps] == ["2008-06-03"] * len(steps)
    assert all(set(step) == {"day", "compound", "event", "changes"} for step in steps)
    assert steps[0]["event"]["source"]["file"] == "003_22ac81d00fa8cfab.txt"


def test_verify_as_json_says_intact_with_the_count_and_the_head(seeds_store):
    document = json.loads(run(seeds_store, "verify", "--format", "json").stdout)
    table = run(seeds_store, "verify").stdout
    assert document["intact"] is True and document["breach"] is None
    assert table == f"intact: {document['events']} events, chain head {document['head']}\n"


def test_a_broken_chain_exits_1_in_every_format(seeds_copy):
    from support import edit_payload

    edit_payload(seeds_copy, 1, "ImmunoGen", "ImmunoGem")
    as_json = run(seeds_copy, "verify", "--format", "json")
    as_table = run(seeds_copy, "verify")
    assert (as_json.exit_code, json.loads(as_json.stdout)["intact"]) == (1, False)
    assert json.loads(as_json.stdout)["breach"]["event"] == 1
    assert as_table.exit_code == 1 and as_table.stderr.startswith("Error: tampered: event #1")


def test_status_csv_keeps_its_row_per_value(seeds_store):
    rows = list(csv.reader(io.StringIO(run(seeds_store, "status", "kadcyla", "--as-of", "2013-09-30",
                                           "--format", "csv").stdout)))
    assert rows[0] == ["compound", "as_of", "section", "item", "value", "detail", "date", "sources"]
    assert [row[2:5] for row in rows if row[2] == "regulatory"] == [
        ["regulatory", "EU", "opinion"], ["regulatory", "JP", "approved"], ["regulatory", "US", "approved"]]
    assert {row[1] for row in rows[1:]} == {date(2013, 9, 30).isoformat()}


def test_a_terminal_gets_plain_lines_past_the_rows_rich_can_lay_out_quickly():
    from tracker.presentation.rows import Column, Rows
    from tracker.presentation.tables import TERMINAL_ROWS, plain_table, terminal_table

    def rows(count: int) -> Rows:
        return Rows([Column("n"), Column("word")], ((i, "x") for i in range(count)))

    large = terminal_table(rows(TERMINAL_ROWS + 1), 80)
    assert large == "".join(plain_table(rows(TERMINAL_ROWS + 1))) + (
        f"({TERMINAL_ROWS + 1:,} rows, written as plain lines: a pager or --format csv reads them best)\n")
    assert "plain lines" not in terminal_table(rows(TERMINAL_ROWS), 80)
