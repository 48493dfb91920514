"""How `read_text` turns files into release text, and which files it refuses."""
from __future__ import annotations

import random
from pathlib import Path

import pytest
from fpdf import FPDF

from tracker.errors import ReleaseError
from tracker.reading.formats import read_text

PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def refusal(path: Path) -> str:
    with pytest.raises(ReleaseError) as raised:
        read_text(path)
    return str(raised.value)


def pdf_of(paragraphs: list[str], **encryption: str) -> bytes:
    document = FPDF()
    if encryption:
        document.set_encryption(**encryption)
    document.add_page()
    document.set_font("Helvetica", size=11)
    for paragraph in paragraphs:
        document.multi_cell(0, 5, paragraph, align="L", new_x="LMARGIN", new_y="NEXT")
        document.ln(5)
    return bytes(document.output())


# Plain text and its encodings


def test_a_utf8_release_reads_as_written(tmp_path):
    text = "BASEL, Switzerland, May 3, 2011 \u2013 Kadcyla\u00ae was approved.\n"
    assert read_text(write(tmp_path, "release.txt", text)) == text


def test_a_byte_order_mark_is_not_part_of_the_text(tmp_path):
    assert read_text(write(tmp_path, "release.txt", b"\xef\xbb\xbfKadcyla was approved.\n")) == "Kadcyla was approved.\n"


def test_a_utf16_release_with_its_byte_order_mark_reads_as_written(tmp_path):
    text = "Kadcyla\u00ae was approved \u2013 \u201cat last\u201d.\n"
    assert read_text(write(tmp_path, "release.txt", text.encode("utf-16"))) == text


def test_a_cp1252_release_reads_its_accents_registered_marks_and_curly_quotes(tmp_path):
    text = "PARIS, France \u2013 \u201cWe are pleased,\u201d said Dr. H\u00e9l\u00e8ne Dupont. Kadcyla\u00ae is the \u2018first\u2019.\n"
    assert read_text(write(tmp_path, "release.txt", text.encode("cp1252"))) == text


def test_a_latin1_release_with_a_single_accent_reads_it(tmp_path):
    text = "Caf\u00e9 Pharma announced results today.\n"
    assert read_text(write(tmp_path, "release.txt", text.encode("latin-1"))) == text


def test_a_shift_jis_release_is_not_mistaken_for_cp1252(tmp_path):
    text = "\u7b2c\u4e00\u4e09\u5171\u682a\u5f0f\u4f1a\u793e\u306f\u672c\u65e5\u3001\u627f\u8a8d\u3092\u53d6\u5f97\u3057\u305f\u3068\u767a\u8868\u3057\u307e\u3057\u305f\u3002" * 3
    assert read_text(write(tmp_path, "release.txt", text.encode("shift_jis"))) == text


# Files that are not readable releases


def test_an_empty_file_is_refused(tmp_path):
    path = write(tmp_path, "release.txt", b"")
    assert refusal(path) == f"{path}: empty file"


def test_a_file_of_only_white_space_is_refused(tmp_path):
    path = write(tmp_path, "release.txt", " \n\t\r\n  \n")
    assert refusal(path) == f"{path}: empty file (only white space)"


def test_png_bytes_named_txt_are_refused_as_binary(tmp_path):
    path = write(tmp_path, "release.txt", PNG_BYTES)
    assert refusal(path) == f"{path}: binary file, not a text release"


def test_random_bytes_are_refused_as_binary(tmp_path):
    path = write(tmp_path, "release.txt", random.Random(7).randbytes(4096))
    assert refusal(path) == f"{path}: binary file, not a text release"


def test_bytes_of_no_known_encoding_are_refused_as_undecodable(tmp_path):
    path = write(tmp_path, "release.txt", b"Kadcyla was approved. " + bytes(range(0x80, 0x100)) * 3)
    assert refusal(path) == f"{path}: cannot decode the text (unknown encoding)"


def test_a_file_type_without_a_reader_is_refused_naming_the_readers(tmp_path):
    path = write(tmp_path, "release.png", PNG_BYTES)
    assert refusal(path) == (
        f"{path}: unsupported file type '.png'; expected one of .htm, .html, .markdown, .md, .pdf, .txt"
    )


def test_a_50_mb_file_is_refused_from_its_size_without_being_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as sparse:
        sparse.truncate(50 * 1024 * 1024)

    def must_not_read(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", must_not_read)
    monkeypatch.setattr(Path, "read_bytes", must_not_read)
    assert refusal(path) == f"{path}: file too large for a press release (50 MB; limit 5 MB)"


def test_a_device_that_never_ends_is_refused_at_the_size_limit(tmp_path):
    path = tmp_path / "endless.txt"
    path.symlink_to("/dev/zero")
    assert refusal(path) == f"{path}: file too large for a press release (over 5 MB)"


def test_an_unreadable_file_is_refused_as_permission_denied(tmp_path, monkeypatch):
    path = write(tmp_path, "release.txt", "Kadcyla was approved.\n")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", denied)  # chmod 000 does not stop root, who runs the tests
    assert refusal(path) == f"{path}: permission denied"


def test_a_folder_passed_as_a_file_is_refused(tmp_path):
    path = tmp_path / "release.txt"
    path.mkdir()
    assert refusal(path) == f"{path}: is a folder, not a file"


def test_a_missing_file_is_refused(tmp_path):
    path = tmp_path / "gone.txt"
    assert refusal(path) == f"{path}: no such file"


def test_every_refusal_is_one_line(tmp_path):
    path = write(tmp_path, "release.txt", b"")
    assert "\n" not in refusal(path)


# HTML


def test_an_html_page_reads_without_navigation_scripts_styles_header_or_footer(tmp_path):
    page = """<!DOCTYPE html><html><head><title>News</title><style>p { color: red }</style></head><body>
    <header><a href="/">Home</a> <a href="/ir">Investors</a></header>
    <nav><ul><li><a href="/about">About</a></li></ul></nav>
    <script>var tracking = "MHLW";</script>
    <main><p>Kadcyla was approved.</p></main>
    <footer><p>Copyright 2013. <a href="/privacy">Privacy</a></p></footer>
    </body></html>"""
    assert read_text(write(tmp_path, "release.html", page)) == "Kadcyla was approved."


def test_html_paragraphs_are_separated_by_a_blank_line_and_hard_wraps_in_them_are_folded(tmp_path):
    page = "<p>ImmunoGen announced\n   results today.</p><p>Roche has rights.</p>"
    assert read_text(write(tmp_path, "release.html", page)) == "ImmunoGen announced results today.\n\nRoche has rights."


def test_html_headings_and_bullets_stand_on_lines_of_their_own(tmp_path):
    page = "<h1>ImmunoGen Announces Approval</h1><ul><li>CHMP opinion</li><li>MHLW approval</li></ul><p>Body.</p>"
    assert read_text(write(tmp_path, "release.htm", page)) == (
        "ImmunoGen Announces Approval\n\n- CHMP opinion\n- MHLW approval\n\nBody."
    )


def test_html_numbered_list_items_are_numbered(tmp_path):
    page = "<ol><li>First</li><li><p>Second</p></li></ol>"
    assert read_text(write(tmp_path, "release.html", page)) == "1. First\n2. Second"


def test_an_html_line_break_breaks_the_line(tmp_path):
    page = "<p>For Investors:<br>Carol Hausner, 781-895-0600</p>"
    assert read_text(write(tmp_path, "release.html", page)) == "For Investors:\nCarol Hausner, 781-895-0600"


def test_the_header_of_an_article_is_the_releases_headline_and_is_kept(tmp_path):
    page = "<header>Site menu</header><article><header><h1>Kadcyla Approved in Japan</h1></header><p>Body.</p></article>"
    assert read_text(write(tmp_path, "release.html", page)) == "Kadcyla Approved in Japan\n\nBody."


def test_a_table_of_contents_and_hidden_parts_are_dropped(tmp_path):
    page = """<div class="toc"><a href="#a">About ImmunoGen</a></div>
    <div style="display: none"><ix:header>dei:DocumentType 8-K</ix:header></div>
    <p hidden>Hidden.</p><div role="navigation">Menu</div><p>Body.</p>"""
    assert read_text(write(tmp_path, "release.html", page)) == "Body."


def test_an_sec_exhibit_reads_its_paragraphs_spacers_and_bullet_table(tmp_path):
    exhibit = """<html><body>
    <p style="margin-top:0pt"><font style="font-family:Times New Roman">Exhibit 99.1</font></p>
    <p>&nbsp;</p>
    <p><b>ImmunoGen Reports Results</b></p>
    <table><tr><td>&#8226;</td><td><font>Revenue of $5.2 million</font></td></tr>
    <tr><td>&#8226;</td><td><font>Kadcyla&#174; approved</font></td></tr></table>
    <p>WALTHAM, Mass., Jan. 5, 2014 &#8212; ImmunoGen, Inc. today said&nbsp;so.</p>
    </body></html>"""
    assert read_text(write(tmp_path, "ex99-1.htm", exhibit)) == (
        "Exhibit 99.1\n\nImmunoGen Reports Results\n\n\u2022 Revenue of $5.2 million\n\u2022 Kadcyla\u00ae approved\n\n"
        "WALTHAM, Mass., Jan. 5, 2014 \u2014 ImmunoGen, Inc. today said\u00a0so."
    )


def test_preformatted_html_keeps_its_line_breaks(tmp_path):
    page = "<pre>WALTHAM, Mass.\n\nKadcyla was\napproved.</pre>"
    assert read_text(write(tmp_path, "release.html", page)) == "WALTHAM, Mass.\n\nKadcyla was\napproved."


def test_a_cp1252_html_page_reads_its_accents_and_curly_quotes(tmp_path):
    page = '<html><head><meta charset="windows-1252"></head><body><p>\u201cCaf\u00e9,\u201d said Dr. H\u00e9l\u00e8ne.</p></body></html>'
    assert read_text(write(tmp_path, "release.html", page.encode("cp1252"))) == "\u201cCaf\u00e9,\u201d said Dr. H\u00e9l\u00e8ne."


def test_an_html_page_of_only_chrome_is_refused_as_without_text(tmp_path):
    path = write(tmp_path, "release.html", "<html><nav>Home</nav><script>x = 1</script></html>")
    assert refusal(path) == f"{path}: no text in the file"


def test_png_bytes_named_html_are_refused_as_binary(tmp_path):
    path = write(tmp_path, "release.html", PNG_BYTES)
    assert refusal(path) == f"{path}: binary file, not a text release"


# PDF


def test_a_pdf_reads_its_text_layer_a_paragraph_per_block(tmp_path):
    path = write(tmp_path, "release.pdf", pdf_of(["CAMBRIDGE, Mass., May 3, 2011 -- Kadcyla was approved.", "Roche has rights."]))
    assert read_text(path) == "CAMBRIDGE, Mass., May 3, 2011 -- Kadcyla was approved.\n\nRoche has rights."


def test_a_pdf_paragraph_running_over_a_page_break_stays_one_paragraph(tmp_path):
    document = FPDF()
    document.set_font("Helvetica", size=11)
    document.add_page()
    document.cell(0, 5, "The approval triggers a")
    document.add_page()
    document.cell(0, 5, "milestone payment.")
    path = write(tmp_path, "release.pdf", bytes(document.output()))
    assert read_text(path) == "The approval triggers a\nmilestone payment."


def test_a_pdf_locked_only_against_editing_is_read(tmp_path):
    path = write(tmp_path, "release.pdf", pdf_of(["Kadcyla was approved."], owner_password="owner"))
    assert read_text(path) == "Kadcyla was approved."


def test_a_password_protected_pdf_is_refused(tmp_path):
    path = write(tmp_path, "release.pdf", pdf_of(["Kadcyla was approved."], owner_password="owner", user_password="user"))
    assert refusal(path) == f"{path}: encrypted PDF (password-protected); save an unprotected copy"


def test_a_pdf_without_a_text_layer_is_refused(tmp_path):
    scan = FPDF()
    scan.add_page()
    scan.rect(10, 10, 50, 50, style="F")
    path = write(tmp_path, "release.pdf", bytes(scan.output()))
    assert refusal(path) == f"{path}: PDF has no text layer (a scanned image?); run OCR on it first"


def test_a_truncated_pdf_is_refused_as_corrupt(tmp_path):
    whole = pdf_of(["Kadcyla was approved."])
    path = write(tmp_path, "release.pdf", whole[: len(whole) // 2])
    assert refusal(path) == f"{path}: corrupt PDF (cannot be parsed)"


def test_a_text_file_named_pdf_is_refused(tmp_path):
    path = write(tmp_path, "release.pdf", "Kadcyla was approved.\n")
    assert refusal(path) == f"{path}: not a PDF (no %PDF- header)"
