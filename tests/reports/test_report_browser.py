"""The report in a real browser: headless Chromium opens it with no console errors and shows the figures.

Each run saves a screenshot of the whole page to the test's tmp dir, and to
the folder named by TRACKER_SCREENSHOTS when that is set, to be looked at.
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
        "--disable-component-update", "--no-first-run"]

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not CHROMIUM.exists(), reason=f"needs Chromium at {CHROMIUM} (apt-get install chromium)")]


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def _open(browser, seeded: str, tmp_path: Path, name: str, *as_of: str):
    """Write the report with the CLI, open it, and screenshot it; returns (page, console errors)."""
    path = tmp_path / f"{name}.html"
    result = CliRunner().invoke(cli, ["--db", seeded, "report", *as_of, "-o", str(path)])
    assert result.exit_code == 0, result.output
    page = browser.new_page(viewport={"width": 1240, "height": 900})
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: errors.append(f"fetched {request.url}")
            if not request.url.startswith("file://") else None)
    page.goto(path.as_uri())
    page.screenshot(path=tmp_path / f"{name}.png", full_page=True)
    if os.environ.get("TRACKER_SCREENSHOTS"):
        folder = Path(os.environ["TRACKER_SCREENSHOTS"])
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(tmp_path / f"{name}.png", folder / f"{name}.png")
    return page, errors


def _rows(page, selector: str) -> list[list[str]]:
    return [[" ".join(cell.split()) for cell in row.locator("td").all_inner_texts()]
            for row in page.locator(f"{selector} tbody tr").all()]


def _current_phases(page) -> list[tuple[str, str, str]]:
    return [(row.locator("td").nth(0).inner_text(), row.locator("td").nth(1).inner_text(),
             row.locator("td.current").inner_text()) for row in page.locator("#phase-matrix tbody tr").all()]


def test_the_report_of_2013_09_30_opens_cleanly_and_shows_pipeline_timelines_and_aging(browser, seeded, tmp_path):
    page, errors = _open(browser, seeded, tmp_path, "report-2013-09-30", "--as-of", "2013-09-30")
    assert errors == []
    assert page.title() == "Pipeline report as of 2013-09-30"
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
    assert page.locator(".chart.timeline svg").count() == 3
    kadcyla = page.locator('.chart.timeline[data-compound="trastuzumab emtansine"] svg')
    assert kadcyla.bounding_box()["height"] > 200
    assert kadcyla.get_by_text("today (2013-09-30)").count() == 1
    assert kadcyla.get_by_text("EC decision expected (by 2013-12-31)").count() == 1
    (bar,) = page.locator(".chart.aging svg a").all()
    assert (bar.get_attribute("xlink:href"), bar.bounding_box()["height"] > 100) == ("#ev-b7a64debc339d7ae.5", True)


def test_a_figure_leads_to_its_event_and_source_sentence(browser, seeded, tmp_path):
    page, errors = _open(browser, seeded, tmp_path, "report-2013-09-30-link", "--as-of", "2013-09-30")
    page.locator('#regulatory-matrix td[data-region="JP"] a').click()
    assert page.url.endswith("#ev-b7a64debc339d7ae.4")
    entry = page.locator("tr:target")
    assert entry.locator("blockquote").inner_text().startswith("The Japanese Ministry of Health, Labor and Welfare")
    assert entry.is_visible() and errors == []


def test_the_report_of_today_shows_the_milestone_long_past_due_and_the_catalysts_overdue(browser, seeded, tmp_path):
    page, errors = _open(browser, seeded, tmp_path, "report-today")
    assert errors == []
    assert page.title() == f"Pipeline report as of {date.today().isoformat()}"
    assert _current_phases(page)[-1] == ("trastuzumab emtansine", "HER2-positive metastatic breast cancer", "approved")
    assert [row[:3] for row in _rows(page, "#catalyst-table")] == [
        ["2013-12-31 overdue", "trastuzumab emtansine", "EC decision (EU)"],
        ["2015-12-31 overdue", "trastuzumab emtansine", "GATSBY data in gastric cancer"],
        ["2015-12-31 overdue", "trastuzumab emtansine", "submission to regulators for gastric cancer"]]
    assert _rows(page, "#receivable-totals") == [["USD", "5,000,000", "0", "0", "0", "0", "0", "5,000,000", "0"]]
    kadcyla = page.locator('.chart.timeline[data-compound="trastuzumab emtansine"] svg')
    assert kadcyla.get_by_text("non-inferior PFS (reported 2014-12-19)").count() == 1
    (bar,) = page.locator(".chart.aging svg a").all()
    assert bar.get_attribute("xlink:href") == "#ev-b7a64debc339d7ae.5"
