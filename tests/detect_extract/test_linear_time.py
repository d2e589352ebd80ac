"""Adversarial inputs for the extraction regexes and scanners: each must finish in linear time.

Inputs are ~200k characters; a quadratic pattern would need minutes on them, a linear one milliseconds. The
per-test timeout turns a regression into a failure without asserting on timings.
"""

from __future__ import annotations

import pytest

from hygiene.domain.extract import Limits, extract, formats
from hygiene.domain.extract.html import html_to_text

N = 100_000

HTML_CASES = [
    "<" * N,
    "<a" * N,
    "<!--" * N,
    "<script" * N,
    "<script>" + "x" * N,
    "<p" + " a=b" * N,
    "&" * N + "&#" * N,
    "<td>" * N,
    "<" + "/" * N,
]


@pytest.mark.timeout(30)
@pytest.mark.parametrize("markup", HTML_CASES, ids=range(len(HTML_CASES)))
def test_html_to_text_adversarial(markup):
    html_to_text(markup)


@pytest.mark.timeout(30)
@pytest.mark.parametrize(
    "rtf",
    [
        b"{\\rtf1" + b"\\" * N,
        b"{\\rtf1" + b"{" * N,
        b"{\\rtf1" + b"\\'" * N,
        b"{\\rtf1" + b"\\u" * N,
        b"{\\rtf1 " + b"a" * N,
    ],
)
def test_rtf_adversarial(rtf):
    formats.read_rtf(rtf)


@pytest.mark.timeout(30)
@pytest.mark.parametrize(
    "xml",
    ["<" * N, "<w:p" * N, "</w:p>" * N, "<c " * N, "<c r='A1'>" * N, "<row>" * N, "<si>" + "<t>" * N, "<f>" * N],
)
def test_office_xml_adversarial(xml):
    formats._docx_xml(xml)
    formats._odf_xml(xml)
    formats._pptx_xml(xml)
    formats._xlsx_sheet(xml, formats._xlsx_shared(xml))


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "raw",
    [
        b"Subject: " + b"=?utf-8?q?" * N + b"\r\n\r\nx",
        b"Subject: automatic " * N + b"\r\n\r\nx",
        b"Content-Type: text/plain\r\n\r\n" + b"fortrolig " * N,
        b"Content-Type: multipart/mixed; boundary=b\r\n\r\n" + b"--b\r\n" * N,
        b"Content-Type: multipart/mixed; boundary=b\r\n\r\n" + b"--bx" * N,
        b"Content-Type: multipart/mixed; boundary=b\r\n\r\n" + b"\n--bx" * N,
        b"Content-Type: text/html\r\n\r\n" + b"<td>1</td>" * N,
    ],
    ids=range(7),
)
def test_extract_adversarial_messages(raw):
    extract(raw, Limits())
