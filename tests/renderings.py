"""A release rendered as the web and print would serve it, for tests that read every format alike."""
from __future__ import annotations

import html
import re
from pathlib import Path

import matplotlib
from fpdf import FPDF

#: A Unicode font for the PDF (dashes, curly quotes, ®), from a package the project already needs.
UNICODE_FONT = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"


def blocks_of(text: str) -> list[list[str]]:
    return [block.split("\n") for block in re.split(r"\n\s*\n", text.strip())]


def html_block(lines: list[str]) -> str:
    if all(line.startswith("- ") for line in lines):
        return "<ul>" + "".join(f"<li>{html.escape(line[2:])}</li>" for line in lines) + "</ul>"
    if len(lines) == 1 and not lines[0].endswith("."):
        return f"<h2>{html.escape(lines[0])}</h2>"
    return "<p>" + "<br>\n".join(html.escape(line) for line in lines) + "</p>"


def as_web_page(text: str) -> str:
    """The release as an IR site serves it: site header, menu, script and footer around the article."""
    article = "\n".join(html_block(lines) for lines in blocks_of(text))
    return (
        "<!DOCTYPE html><html><head><title>ImmunoGen | News</title><style>p { margin: 1em }</style></head><body>"
        '<header><a href="/">Home</a> <a href="/investors">Investors</a> <a href="/news">News</a></header>'
        '<nav><ul><li><a href="/about">About</a></li><li><a href="/pipeline">Pipeline</a></li></ul></nav>'
        "<script>window.analytics = {page: 'MHLW CHMP news'};</script>"
        f"<main><article>\n{article}\n</article></main>"
        '<footer><p>Copyright 2013 ImmunoGen, Inc. <a href="/privacy">Privacy</a></p></footer></body></html>'
    )


def as_pdf(text: str) -> bytes:
    """The release printed to PDF: lines wrapped to the page, paragraphs spaced, two pages."""
    document = FPDF()
    document.add_page()
    document.add_font("DejaVu", fname=str(UNICODE_FONT))
    document.set_font("DejaVu", size=11)
    for lines in blocks_of(text):
        for line in lines:
            document.multi_cell(0, 5, line, align="L", new_x="LMARGIN", new_y="NEXT")
        document.ln(4)
    return bytes(document.output())
