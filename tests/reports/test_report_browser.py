"""The report in a real browser: headless Chromium opens it with no console errors, shows the figures, fits a
phone held upright without scrolling sideways, and axe-core finds no accessibility violation.

axe-core is vendored (tests/reports/vendor/axe-core, from its npm package) and injected into the page, so the
test needs no network. Each page is screenshot whole, at a desk's width and at a phone's, to the test's tmp
dir, and to the folder named by TRACKER_SCREENSHOTS when that is set, to be looked at.
"""
from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from playwright.sync_api import sync_playwright

from cli import cli

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
AXE_VERSION = "4.14.1"
DESK, PHONE = {"width": 1240, "height": 900}, {"width": 390, "height": 844}

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not CHROMIUM.exists(), reason=f"needs Chromium at {CHROMIUM} (apt-get install chromium)")]


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Chromium with a fresh profile of its own."""
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield context
        context.close()


def _write(db: str, tmp_path: Path, name: str, *args: str) -> Path:
    path = tmp_path / f"{name}.html"
    result = CliRunner().invoke(cli, ["--db", db, "report", *args, "-o", str(path)])
    assert result.exit_code == 0, result.output
    return path


def _open(browser, path: Path, viewport: dict, shot: str):
    """Open a written report at a viewport and screenshot it whole; returns (page, console errors)."""
    page = browser.new_page()
    page.set_viewport_size(viewport)
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: errors.append(f"fetched {request.url}")
            if not request.url.startswith("file://") else None)
    page.goto(path.as_uri())
    screenshot = path.parent / f"{shot}.png"
    page.screenshot(path=screenshot, full_page=True)
    if os.environ.get("TRACKER_SCREENSHOTS"):
        folder = Path(os.environ["TRACKER_SCREENSHOTS"])
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(screenshot, folder / screenshot.name)
    return page, errors


def _axe_violations(page) -> list[tuple[str, list[str]]]:
    """axe-core's violations on the page as (rule, the elements breaking it), every rule axe runs by default."""
    page.add_script_tag(path=str(AXE))
    assert page.evaluate("axe.version") == AXE_VERSION
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [(v["id"], [" ".join(node["target"]) for node in v["nodes"]]) for v in result["violations"]]


def _scrolls_sideways(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")


def _rows(page, selector: str) -> list[list[str]]:
    return [[" ".join(cell.split()) for cell in row.locator("td").all_inner_texts()]
            for row in page.locator(f"{selector} tbody tr").all()]


def _current_phases(page) -> list[tuple[str, str, str]]:
    return [(row.locator("td").nth(0).inner_text(), row.locator("td").nth(1).inner_text(),
             row.locator("td.current").inner_text()) for row in page.locator("#phase-matrix tbody tr:has(td.current)").all()]


@pytest.mark.parametrize("as_of", ["2013-09-30", "today"])
@pytest.mark.parametrize(("width", "viewport"), [("desk", DESK), ("phone", PHONE)])
def test_axe_core_finds_no_accessibility_violation_in_the_report(browser, seeded, tmp_path, as_of, width, viewport):
    path = _write(seeded, tmp_path, f"report-{as_of}", *(["--as-of", as_of] if as_of != "today" else []))
    page, errors = _open(browser, path, viewport, f"report-{as_of}-{width}")
    assert (_axe_violations(page), errors) == ([], [])


def test_axe_core_finds_no_accessibility_violation_in_the_report_of_an_empty_store(browser, tmp_path):
    nothing_yet = tmp_path / "no-releases-yet"
    nothing_yet.mkdir()
    assert CliRunner().invoke(cli, ["--db", str(tmp_path / "empty.db"), "ingest", str(nothing_yet)]).exit_code == 0
    path = _write(str(tmp_path / "empty.db"), tmp_path, "report-empty-store")
    page, errors = _open(browser, path, PHONE, "report-empty-store-phone")
    assert page.locator("main h2").inner_text() == "Nothing to report"
    assert (_axe_violations(page), errors) == ([], [])


@pytest.mark.parametrize("as_of", ["2013-09-30", "today"])
def test_at_390_px_the_page_does_not_scroll_sideways_and_shows_the_drawings_made_for_a_phone(browser, seeded, tmp_path,
                                                                                            as_of):
    path = _write(seeded, tmp_path, f"report-{as_of}", *(["--as-of", as_of] if as_of != "today" else []))
    page, errors = _open(browser, path, PHONE, f"report-{as_of}-390")
    assert (_scrolls_sideways(page), errors) == (False, [])
    kadcyla = page.locator('.chart.timeline[data-compound="trastuzumab emtansine"]')
    assert (kadcyla.locator("svg.narrow").is_visible(), kadcyla.locator("svg.wide").is_visible()) == (True, False)
    assert kadcyla.locator("svg.narrow").bounding_box()["width"] <= 390
    approved = page.locator('#phase-matrix tr[data-compound="trastuzumab emtansine"] .phase-now').first
    assert (approved.is_visible(), approved.inner_text()) == (True, "Phase: approved")
    assert page.locator("#event-log tbody tr").first.bounding_box()["width"] <= 390


def test_the_report_of_2013_09_30_opens_cleanly_and_shows_pipeline_timelines_and_aging(browser, seeded, tmp_path):
    page, errors = _open(browser, _write(seeded, tmp_path, "report", "--as-of", "2013-09-30"), DESK, "report-desk")
    assert errors == []
    assert page.title() == "Pipeline report as of 2013-09-30"
    assert not _scrolls_sideways(page)
    assert _current_phases(page) == [
        ("lorvotuzumab mertansine", "highest phase reported", "I"),
        ("SAR3419", "highest phase reported", "I/II"),
        ("trastuzumab emtansine", "HER2-positive metastatic breast cancer", "approved"),
    ]
    assert _rows(page, "#regulatory-matrix") == [
        ["trastuzumab emtansine", "positive opinion CHMP, reported 2013-09-20, date not stated",
         "approved MHLW, reported 2013-09-20, date not stated", "approved FDA, 2013"]]
    assert _rows(page, "#catalyst-table") == [
        ["2013-12-31", "trastuzumab emtansine", "EC decision (EU)", "2013-09-20 to 2013-12-31", "[1]"]]
    assert _rows(page, "#receivable-totals") == [
        ["USD", "5,000,000", "5,000,000", "0", "0", "0", "0", "0", "5,000,000"]]
    assert page.locator(".chart.timeline svg.wide").count() == 3
    kadcyla = page.locator('.chart.timeline[data-compound="trastuzumab emtansine"] svg.wide')
    assert kadcyla.bounding_box()["height"] > 200
    assert kadcyla.get_by_text("today (2013-09-30)", exact=True).count() == 1
    assert kadcyla.get_by_text("EC decision expected (by 2013-12-31)", exact=True).count() == 1
    (bar,) = page.locator(".chart.aging svg a").all()
    assert (bar.get_attribute("href"), bar.bounding_box()["height"] > 100) == ("#ev-b7a64debc339d7ae.5", True)


def test_a_figure_leads_to_its_event_and_source_sentence(browser, seeded, tmp_path):
    page, errors = _open(browser, _write(seeded, tmp_path, "report", "--as-of", "2013-09-30"), DESK, "report-link")
    page.locator('#regulatory-matrix td[data-region="JP"] a').click()
    assert page.url.endswith("#ev-b7a64debc339d7ae.4")
    entry = page.locator("tr:target")
    assert entry.locator("blockquote").inner_text().startswith("The Japanese Ministry of Health, Labor and Welfare")
    assert entry.is_visible() and errors == []


def test_a_timeline_mark_leads_to_its_event(browser, seeded, tmp_path):
    page, errors = _open(browser, _write(seeded, tmp_path, "report", "--as-of", "2013-09-30"), DESK, "report-mark")
    page.locator('.chart.timeline[data-compound="trastuzumab emtansine"] svg.wide').get_by_text(
        "MHLW approval (reported 2013-09-20)", exact=True).click()
    assert page.url.endswith("#ev-b7a64debc339d7ae.4")
    assert page.locator("tr:target").is_visible() and errors == []


def test_the_report_of_today_shows_the_milestone_long_past_due_and_the_catalysts_overdue(browser, seeded, tmp_path):
    page, errors = _open(browser, _write(seeded, tmp_path, "report"), DESK, "report-today-desk")
    assert errors == []
    assert page.title() == f"Pipeline report as of {date.today().isoformat()}"
    assert _current_phases(page)[-1] == ("trastuzumab emtansine", "HER2-positive metastatic breast cancer", "approved")
    assert [row[:3] for row in _rows(page, "#catalyst-table")] == [
        ["2013-12-31 overdue", "trastuzumab emtansine", "EC decision (EU)"],
        ["2015-12-31 overdue", "trastuzumab emtansine", "GATSBY data in gastric cancer"],
        ["2015-12-31 overdue", "trastuzumab emtansine", "submission to regulators for gastric cancer"]]
    assert _rows(page, "#receivable-totals") == [["USD", "5,000,000", "0", "0", "0", "0", "0", "5,000,000", "0"]]
    kadcyla = page.locator('.chart.timeline[data-compound="trastuzumab emtansine"] svg.wide')
    assert kadcyla.get_by_text("non-inferior PFS (reported 2014-12-19)", exact=True).count() == 1
    (bar,) = page.locator(".chart.aging svg a").all()
    assert bar.get_attribute("href") == "#ev-b7a64debc339d7ae.5"
