"""From a file on disk to the text of a release, whatever its format and encoding.

Each format has one reader: `.txt` and `.md` are text; `.html` and `.htm`
(wire pages, IR pages, SEC exhibits) are laid out as plain text without the
page's chrome; `.pdf` is its text layer. A file that is empty, binary, too
large or undecodable is refused with a `ReleaseError` naming it.
"""
from __future__ import annotations

import codecs
import io
import re
from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, PageElement, Tag
from bs4.element import PreformattedString
from charset_normalizer import from_bytes
from pdfminer.high_level import extract_text as pdf_layout_text
from pdfminer.pdfdocument import PDFEncryptionError

from tracker.errors import ReleaseError

#: A press release is a few pages; anything far larger is not one.
MAX_BYTES = 5 * 1024 * 1024

#: Releases in a legacy encoding are almost always Windows-1252 (Latin-1 plus
#: curly quotes), but the detector ranks single-byte code pages poorly on
#: English text: it reads cp1252's curly quotes as Baltic cp775. So cp1252
#: wins whenever the detector finds it plausible at all.
LEGACY_ENCODING = "cp1252"


def decode(path: Path, data: bytes) -> str:
    """Bytes to text: UTF-16 by its BOM, UTF-8 (with or without BOM), else cp1252 if plausible, else the detected encoding."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Windows' "Unicode" text, full of NULs
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ReleaseError(path, "cannot decode the text (broken UTF-16)") from None
    if b"\x00" in data[:8192]:
        raise ReleaseError(path, "binary file, not a text release")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    candidates = from_bytes(data)
    if any(LEGACY_ENCODING in match.could_be_from_charset for match in candidates):
        return data.decode(LEGACY_ENCODING)
    best = candidates.best()
    if best is None:
        raise ReleaseError(path, "cannot decode the text (unknown encoding)")
    return str(best)


def _plain_text(path: Path, data: bytes) -> str:
    return decode(path, data)


_CHROME_TAGS = {"head", "script", "style", "noscript", "template", "nav", "aside", "form", "iframe", "svg",
                "button", "select", "object", "embed", "map"}
_CHROME_ROLES = {"navigation", "banner", "contentinfo", "search", "menu", "menubar", "complementary"}
#: Class or id names sites give their menus and tables of contents; matched whole, never as parts.
_CHROME_NAMES = {"nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "toc", "table-of-contents",
                 "sidebar", "skip-link", "share", "social-share", "cookie-banner"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_PARAGRAPH_TAGS = {"html", "body", "main", "article", "section", "header", "footer", "div", "p", "h1", "h2", "h3",
                   "h4", "h5", "h6", "blockquote", "pre", "address", "figure", "figcaption", "table", "ul", "ol",
                   "dl", "hr", "center"}
_LINE_TAGS = {"br", "tr", "dt", "dd", "caption"}
_CELL_TAGS = {"td", "th"}
_HTML_WHITE_SPACE = re.compile(r"[ \t\n\r\f]+")
_ENDS_SENTENCE = re.compile(r"""[.!?:;]["')\]]*$""")


class _Closing(str):
    """The line breaks an element owes the text when it closes."""


def _is_page_chrome(tag: Tag) -> bool:
    """Navigation, scripts, site headers and footers, tables of contents, hidden parts: not the release.

    A `<header>` or `<footer>` inside an `<article>` is the release's own (its
    headline, its contacts), so only the site's are dropped.
    """
    if tag.name in _CHROME_TAGS or tag.has_attr("hidden") or _HIDDEN_STYLE.search(str(tag.get("style") or "")):
        return True
    if tag.name in ("header", "footer"):
        return tag.find_parent("article") is None
    if str(tag.get("role", "")).lower() in _CHROME_ROLES:
        return True
    names = [*tag.get_attribute_list("class"), tag.get("id")]
    return any(isinstance(name, str) and name.lower() in _CHROME_NAMES for name in names)


def _list_marker(item: Tag) -> str:
    """`- ` for a bullet, `3. ` for the third item of a numbered list, as plain-text releases write them."""
    if item.parent is not None and item.parent.name == "ol":
        return f"{len(item.find_previous_siblings('li')) + 1}. "
    return "- "


def _breaks_around(tag: Tag) -> tuple[str, str]:
    """The text an element puts before and after its content."""
    if tag.name in _PARAGRAPH_TAGS:
        return "\n\n", "\n\n"
    if tag.name == "li":
        return "\n" + _list_marker(tag), ""
    if tag.name in _LINE_TAGS:
        return "\n", ""
    if tag.name in _CELL_TAGS:
        return " ", " "
    return "", ""


def _layout(root: Tag) -> str:
    """The page's text with its block structure as line breaks (iterative: pages nest deeply)."""
    pieces: list[str] = []
    pending: list[PageElement | _Closing] = [root]
    while pending:
        node = pending.pop()
        if isinstance(node, _Closing):
            pieces.append(node)
        elif isinstance(node, NavigableString):
            if not isinstance(node, PreformattedString):  # comments, doctype, CDATA
                pieces.append(str(node) if node.find_parent("pre") else _HTML_WHITE_SPACE.sub(" ", node))
        elif isinstance(node, Tag) and not _is_page_chrome(node):
            opening, closing = _breaks_around(node)
            pieces.append(opening)
            pending.append(_Closing(closing))
            pending.extend(reversed(node.contents))
    return "".join(pieces)


def _tidy(text: str) -> str:
    """Lines stripped and their runs of spaces folded, at most one blank line in a row, list markers beside their item."""
    lines = [re.sub(r" {2,}", " ", line.strip()) for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return re.sub(r"^(-|\d+\.)\n+(?=\S)", r"\1 ", text, flags=re.M).strip()


def _html_text(path: Path, data: bytes) -> str:
    """The words of a wire page, IR page or SEC exhibit, laid out as a plain-text release.

    Paragraphs and headings are separated by blank lines, list items and table
    rows stand on lines of their own, so sentences split as they do in text.
    """
    return _tidy(_layout(BeautifulSoup(decode(path, data), "html.parser")))


def _pdf_text(path: Path, data: bytes) -> str:
    """The PDF's text layer, a paragraph per text box of pdfminer's layout analysis."""
    if b"%PDF-" not in data[:1024]:
        raise ReleaseError(path, "not a PDF (no %PDF- header)")
    try:
        text = pdf_layout_text(io.BytesIO(data))
    except PDFEncryptionError:
        raise ReleaseError(path, "encrypted PDF (password-protected); save an unprotected copy") from None
    except Exception:  # pdfminer fails on damaged files in many ways: its own errors, KeyError, struct.error...
        raise ReleaseError(path, "corrupt PDF (cannot be parsed)") from None
    if not text.strip():
        raise ReleaseError(path, "PDF has no text layer (a scanned image?); run OCR on it first")
    return _tidy(_join_pages([_unwrap(page) for page in text.split("\f")]))


_BULLET_START = re.compile(r"^\s*(?:[-*\u2022\u25cf\u2013\u2014]|\(\d+\)|\d+\.)\s")


def _unwrap(page: str) -> str:
    """Wrapped lines of a text box joined: a PDF breaks a line where the column ran out, not where the text did.

    A line that stops well short of the box's widest line was broken on purpose (an address, a contact
    block) and stays; so do bullets, and text boxes stay paragraphs.
    """
    paragraphs = []
    for box in re.split(r"\n\s*\n", page):
        lines = [line.strip() for line in box.split("\n") if line.strip()]
        full_width = max((len(line) for line in lines), default=0)
        joined: list[str] = []
        for previous, line in zip([""] + lines, lines):
            if joined and len(previous) >= 0.75 * full_width and not _BULLET_START.match(line):
                joined[-1] += " " + line
            else:
                joined.append(line)
        paragraphs.append("\n".join(joined))
    return "\n\n".join(paragraphs)


def _join_pages(pages: list[str]) -> str:
    """The pages' text, a paragraph running on over a page break kept as one paragraph."""
    text = ""
    for page in filter(None, (page.strip() for page in pages)):
        if text:
            text += "\n\n" if _ENDS_SENTENCE.search(text) else "\n"
        text += page
    return text


READERS: dict[str, Callable[[Path, bytes], str]] = {
    ".txt": _plain_text,
    ".md": _plain_text,
    ".markdown": _plain_text,
    ".html": _html_text,
    ".htm": _html_text,
    ".pdf": _pdf_text,
}


def _read_at_most(path: Path, limit: int) -> bytes:
    with path.open("rb") as stream:
        return stream.read(limit)


def is_release_file(path: Path) -> bool:
    return path.suffix.lower() in READERS


def read_text(path: Path) -> str:
    """The text of the release at `path`, refusing what is not a readable release."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ReleaseError(path, f"unsupported file type {path.suffix or '(none)'!r}; expected one of {', '.join(sorted(READERS))}")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ReleaseError(path, f"file too large for a press release ({size / 1_048_576:.0f} MB; limit {MAX_BYTES // 1_048_576} MB)")
        data = _read_at_most(path, MAX_BYTES + 1)
        if len(data) > MAX_BYTES:  # a file that grew, or a device or pipe whose size stat cannot tell
            raise ReleaseError(path, f"file too large for a press release (over {MAX_BYTES // 1_048_576} MB)")
    except PermissionError:
        raise ReleaseError(path, "permission denied") from None
    except IsADirectoryError:
        raise ReleaseError(path, "is a folder, not a file") from None
    except FileNotFoundError:
        raise ReleaseError(path, "no such file") from None
    except OSError as error:
        raise ReleaseError(path, f"cannot read: {error.strerror or error}") from None
    if not data:
        raise ReleaseError(path, "empty file")
    if not data.strip():
        raise ReleaseError(path, "empty file (only white space)")
    text = reader(path, data)
    if not text.strip():
        raise ReleaseError(path, "no text in the file")
    printable = sum(ch.isprintable() or ch in "\n\r\t" for ch in text[:8192])
    if printable < 0.9 * min(len(text), 8192):
        raise ReleaseError(path, "binary file, not a text release")
    return text
