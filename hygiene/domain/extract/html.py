"""HTML to plain text without a browser: fast, bounded, linear in the input.

Scripts, styles, the document head and comments are dropped; block elements and ``<br>`` become line breaks and table
cells become tabs, so that numbers split over tags (``120485<span>&nbsp;</span>12345``) join up while separate
paragraphs stay separate. Entities are decoded and no-break spaces become plain spaces, which is how a reader sees them.
"""

from __future__ import annotations

import html as _html
import re
import time

# Elements whose content is never shown to the reader. Found with str.find, so an unclosed one costs one scan.
_HIDDEN = ("script", "style", "head", "template", "noscript", "xml")
_HIDDEN_OPEN = re.compile(r"<(script|style|head|template|noscript|xml)\b", re.IGNORECASE)

# Tags are `<` + a letter, `/` or `!` up to the next `>`, never crossing another `<`: linear, no backtracking.
_BLOCK = re.compile(
    r"<(?:br|/?p|/?div|/?tr|/?li|/?ul|/?ol|/?h[1-6]|/?table|/?blockquote|/?pre|/?section|/?article|/?header|"
    r"/?footer|/?dt|/?dd|/?dl|/?hr|/?address|/?center|/?title|/?caption|/?form|/?fieldset)\b[^<>]*>",
    re.IGNORECASE,
)
_CELL = re.compile(r"<(?:td|th)\b[^<>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[a-zA-Z/!?][^<>]*>")
# Runs of spaces and space-like characters become one plain space (see _collapse_spaces).
_SPACE_LIKE = ("\r", "\f", "\v", "\u00a0", "\u2007", "\u202f")  # each run of these and spaces becomes one space
_SPACE_RUN = re.compile("  +")
_BLANKS = re.compile(r"\n\s*\n+")
_CHUNK_CHARS = 1 << 20


def _drop_hidden(markup: str) -> str:
    """Remove comments and hidden elements with plain scans (no regex spanning their content).

    The next comment and the next hidden element are each searched for once and only searched again when the scan
    has passed them, so that many comments before one hidden element (or the reverse) stay linear.
    """
    lower = markup.lower()
    out: list[str] = []
    pos = 0
    n = len(markup)
    comment = -2  # -2: not searched yet from pos; -1: none left
    match: re.Match[str] | None = None
    hidden = -2
    while pos < n:
        if comment == -2 or 0 <= comment < pos:
            comment = lower.find("<!--", pos)
        if hidden == -2 or 0 <= hidden < pos:
            match = _HIDDEN_OPEN.search(markup, pos)
            hidden = match.start() if match else -1
        if comment < 0 and hidden < 0:
            out.append(markup[pos:])
            break
        if hidden < 0 or (0 <= comment < hidden):
            out.append(markup[pos:comment])
            end = lower.find("-->", comment + 4)
            pos = n if end < 0 else end + 3
            continue
        assert match is not None
        out.append(markup[pos:hidden])
        name = match.group(1).lower()
        close = lower.find("</" + name, match.end())
        if close < 0:
            pos = n
        else:
            gt = lower.find(">", close)
            pos = n if gt < 0 else gt + 1
        out.append("\n")
    return "".join(out)


def _collapse_spaces(text: str) -> str:
    """Every run of spaces and space-like characters (``\\r``, form feed, vertical tab, no-break spaces) as one space.

    A regex over the space class tries a match at every gap between words; str.replace of each space-like character
    that occurs, then one regex for runs of two or more plain spaces, gives the same text about five times faster.
    """
    for char in _SPACE_LIKE:
        if char in text:
            text = text.replace(char, " ")
    return _SPACE_RUN.sub(" ", text) if "  " in text else text


def html_to_text(markup: str, *, deadline: float | None = None) -> str:
    """The text a reader of ``markup`` sees, with block boundaries kept as line breaks.

    Linear time in ``len(markup)``; never raises on malformed HTML (unclosed tags and comments included). Large
    markup is converted in chunks of about a megabyte, cut just before a ``<`` (no tag or entity spans one); past
    ``deadline`` (`time.monotonic` seconds) no further chunk is started and the text so far is returned, so that the
    caller's time budget holds for a 50 MB body too (the caller sees that its deadline passed).
    """
    if "<" not in markup and "&" not in markup:
        return markup
    text = _drop_hidden(markup)
    pieces: list[str] = []
    pos = 0
    n = len(text)
    while pos < n:
        if pieces and deadline is not None and time.monotonic() > deadline:
            break
        end = text.find("<", pos + _CHUNK_CHARS) if n - pos > _CHUNK_CHARS else -1
        end = n if end < 0 else end
        chunk = _BLOCK.sub("\n", text[pos:end])
        chunk = _CELL.sub("\t", chunk)
        pieces.append(_html.unescape(_TAG.sub("", chunk)))
        pos = end
    text = _collapse_spaces("".join(pieces))
    text = _BLANKS.sub("\n\n", text)
    return text.strip()
