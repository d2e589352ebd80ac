"""The per-message time budget (``[detection] time_budget_s``) stops extraction and says so (``limit:time``).

No timings are asserted: a budget that is not honoured shows as a missing ``limit:time`` reason (or as a test
killed by its timeout), not as a slow test.
"""

from __future__ import annotations

import time

import pytest

from hygiene.domain.extract import Limits, extract
from hygiene.domain.extract import html as html_module
from hygiene.domain.extract.html import html_to_text
from tests.hardening.hostile import FNR, HEAD

TIGHT = Limits(time_budget_s=0.05)


def _html_message(units: int) -> bytes:
    body = b"<p>fnr " + FNR.encode() + b"</p>" + b"<td>1&amp;</td><div>x</div>" * units
    return HEAD + b"Content-Type: text/html; charset=utf-8\r\n\r\n" + body


def test_chunked_html_conversion_reads_like_one_pass(monkeypatch):
    markup = ("<div>a&amp;b</div><td>1</td><!-- x --><p>" + "ord " * 50 + "</p>") * 30_000  # ~5 MB, 5 chunks
    chunked = html_to_text(markup)
    monkeypatch.setattr(html_module, "_CHUNK_CHARS", 1 << 40)

    assert chunked == html_to_text(markup)


def test_html_conversion_stops_at_its_deadline():
    markup = "<td>1&amp;</td>" * 400_000  # 6 MB: seconds of work without a deadline

    partial = html_to_text(markup, deadline=time.monotonic() - 1)

    assert 0 < len(partial) < len(html_to_text(markup[: 2 << 20]))


@pytest.mark.timeout(60)
def test_a_huge_html_body_ends_with_limit_time_within_the_budget():
    # Regression: the HTML body of a message was converted in one go whatever the budget (a 30 MB body: 80 s with a
    # 10 s budget); now the conversion stops at the deadline and the extraction is incomplete.
    got = extract(_html_message(300_000), TIGHT)

    assert "limit:time" in got.incomplete_reasons
    assert got.parts  # what was read before the deadline is kept


def test_a_small_message_is_not_cut_by_the_budget():
    got = extract(_html_message(10), TIGHT)

    assert got.incomplete_reasons == ()
    assert FNR in " ".join(part.text for part in got.parts)


@pytest.mark.timeout(120)
def test_classifier_marks_a_message_cut_by_the_budget_incomplete():
    detect = pytest.importorskip("hygiene.domain.detect")
    from hygiene.domain.classify import Classifier

    verdict = Classifier(detect.load_rules(), limits=TIGHT).classify(_html_message(300_000))

    assert verdict.incomplete
    assert "limit:time" in verdict.incomplete_reasons
    assert verdict.sensitive  # the ID number at the top was read before the deadline


@pytest.mark.timeout(60)
def test_a_huge_rtf_attachment_stops_at_the_deadline():
    # Regression: RTF was read token by token in Python whatever the budget (3.9 MB of groups: 20 s).
    from tests.hardening.hostile import _attachment, _multipart, _text_part

    rtf = b"{\\rtf1 fnr " + FNR.encode() + b"\\par" + b"{\\b x}" * 1_000_000 + b"}"
    raw = _multipart([_text_part(b"se vedlegg"), _attachment("big.rtf", rtf, b"application/rtf")])

    got = extract(raw, Limits(time_budget_s=1.0))  # time to parse the message, not to read all of the RTF

    assert "limit:time" in got.incomplete_reasons
    [rtf_part] = [part for part in got.parts if part.where == "attachment:big.rtf"]
    assert rtf_part.text.startswith("fnr " + FNR)
