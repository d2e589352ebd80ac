"""Benchmark: detector throughput per core on .eml input, extraction vs detection, and the needs_mime prescreen.

Measured in one run, single-threaded (one core):

* messages/s and MB/s of ``Classifier.classify`` over the corpus, split into text-only messages and messages with
  attachments, and over a synthetic set (default 2000 messages: plain, HTML, quoted replies, DOCX/XLSX/PDF/CSV
  attachments, a zip, a forwarded message, a few large bodies);
* the share of time spent in extraction vs detection, and within detection the identifier and special-category
  searches (the rest is the language guess and the Classifier's own work);
* the cost of the ``needs_mime`` prescreen (subject + body as Graph's delta returns them) relative to a full
  ``classify`` of the same message, as a ratio.

    python bench/detect_speed.py [CORPUS_DIR] [--synthetic 2000] [--repeat 3] [--cpu]

``--cpu`` times with the process's CPU time instead of the wall clock: on a machine shared with other work the wall
clock counts the time other processes hold the core, CPU time only this one's (per-core throughput either way).
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import time
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hygiene.domain.classify import Classifier
from hygiene.domain.detect.ids import find_ids
from hygiene.domain.detect.language import guess_language
from hygiene.domain.detect.special import find_special
from hygiene.domain.extract import Extraction, Limits, extract

WORDS = (
    "hei takk for sist vi har mottatt søknaden din og vil behandle den så snart som mulig møte torsdag kommunen "
    "skole barnehage rektor elev foresatte vedtak klage frist dokument vedlegg hilsen med vennlig hälsningar tack "
    "för ansökan ärendet beslut venlig hilsen kommune borger thank you for your message regarding the invoice"
).split()


_clock = time.perf_counter  # main() switches to time.process_time with --cpu


def _find_corpus(explicit: str | None) -> Path | None:
    if explicit:
        return Path(explicit)
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "shared" / "corpus"
        if (candidate / "labels.jsonl").is_file():
            return candidate
    return None


def _fnr(rng: random.Random) -> str:
    while True:
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(0, 99)
        digits = [int(c) for c in f"{day:02d}{month:02d}{year:02d}{rng.randint(500, 999):03d}"]
        k1 = 11 - sum(w * d for w, d in zip((3, 7, 6, 1, 8, 9, 4, 5, 2), digits, strict=True)) % 11
        k1 = 0 if k1 == 11 else k1
        if k1 == 10:
            continue
        digits.append(k1)
        k2 = 11 - sum(w * d for w, d in zip((5, 4, 3, 2, 7, 6, 5, 4, 3, 2), digits, strict=True)) % 11
        k2 = 0 if k2 == 11 else k2
        if k2 == 10:
            continue
        return "".join(map(str, digits)) + str(k2)


def _prose(rng: random.Random, words: int) -> str:
    lines = []
    for start in range(0, words, 12):
        lines.append(" ".join(rng.choice(WORDS) for _ in range(min(12, words - start))).capitalize() + ".")
    return "\n".join(lines)


def _attachments(rng: random.Random) -> dict[str, bytes]:
    import docx
    import openpyxl
    from fpdf import FPDF

    document = docx.Document()
    for _ in range(20):
        document.add_paragraph(_prose(rng, 40))
    document.add_paragraph(f"Fødselsnummer {_fnr(rng)}")
    out_docx = io.BytesIO()
    document.save(out_docx)
    book = openpyxl.Workbook()
    for i in range(200):
        book.active.append([f"Elev {i}", _fnr(rng) if i % 50 == 0 else rng.randint(10**5, 10**6), "klasse 5B"])
    out_xlsx = io.BytesIO()
    book.save(out_xlsx)
    pdf = FPDF()
    for _ in range(3):
        pdf.add_page()
        pdf.set_font("helvetica", size=10)
        for line in _prose(rng, 300).encode("latin-1", "replace").decode("latin-1").splitlines():
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    csv = "\n".join(f"{i};{rng.choice(WORDS)};{rng.randint(1000, 9999)}" for i in range(500)).encode()
    return {
        "notat.docx": out_docx.getvalue(),
        "liste.xlsx": out_xlsx.getvalue(),
        "brev.pdf": bytes(pdf.output()),
        "eksport.csv": csv,
    }


def synthetic(count: int, seed: int = 7) -> list[bytes]:
    """A reproducible mix of realistic messages (about a quarter with attachments)."""
    rng = random.Random(seed)
    files = _attachments(rng)
    out: list[bytes] = []
    for i in range(count):
        msg = EmailMessage()
        msg["From"] = f"person{i}@example.no"
        msg["To"] = "postmottak@kommune.example.no"
        msg["Subject"] = " ".join(rng.choice(WORDS) for _ in range(5))
        body = _prose(rng, rng.choice((40, 120, 400)))
        if i % 7 == 0:
            body += f"\nFødselsnummeret er {_fnr(rng)}.\n"
        if i % 11 == 0:
            body += "\n\n-----Opprinnelig melding-----\n" + "> " + _prose(rng, 200).replace("\n", "\n> ")
        if i % 97 == 0:
            body += "\n" + _prose(rng, 60_000)  # ~400 KB
        msg.set_content(body)
        if i % 3 == 0:
            msg.add_alternative(
                "<html><body>" + "".join(f"<p>{line}</p>" for line in body.splitlines()) + "</body></html>",
                subtype="html",
            )
        kind = i % 8
        if kind in (1, 5):
            name = rng.choice(list(files))
            msg.add_attachment(files[name], maintype="application", subtype="octet-stream", filename=name)
        elif kind == 3:
            import zipfile

            archive = io.BytesIO()
            with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
                zf.writestr("notat.docx", files["notat.docx"])
                zf.writestr("eksport.csv", files["eksport.csv"])
            msg.add_attachment(archive.getvalue(), maintype="application", subtype="zip", filename="pakke.zip")
        out.append(msg.as_bytes(policy=SMTP))
    return out


def _graph_fields(extraction: Extraction) -> tuple[str, str | None, bool]:
    """What Graph's delta gives the worker: subject, body (HTML if there is one), hasAttachments."""
    parts = {part.where: part.text for part in extraction.parts}
    has_attachments = any(where.startswith("attachment:") for where in parts) or bool(extraction.images)
    return parts.get("subject", ""), parts.get("body", parts.get("html")), has_attachments


def measure_extraction(label: str, mails: list[bytes], limits: Limits, repeat: int) -> None:
    """Extraction alone (used when the detector is not installed)."""
    mb = sum(len(m) for m in mails) / 1e6
    best = float("inf")
    for _ in range(repeat):
        t0 = _clock()
        for mime in mails:
            extract(mime, limits)
        best = min(best, _clock() - t0)
    print(
        f"{label:<28} {len(mails):>6} msgs {mb:>8.2f} MB | extraction {len(mails) / best:>8.0f} msg/s "
        f"{mb / best:>7.1f} MB/s"
    )


def measure(label: str, mails: list[bytes], classifier: Classifier | None, repeat: int) -> dict[str, float]:
    if not mails:
        return {}
    if classifier is None:
        measure_extraction(label, mails, Limits(), repeat)
        return {}
    total_bytes = sum(len(m) for m in mails)
    extractions = [extract(m, classifier.limits) for m in mails]
    best_extract = best_detect = best_full = best_pre = best_ids = best_special = best_language = float("inf")
    fields = [_graph_fields(e) for e in extractions]
    for _ in range(repeat):
        t0 = _clock()
        for mime in mails:
            extract(mime, classifier.limits)
        best_extract = min(best_extract, _clock() - t0)
        t0 = _clock()
        for extraction in extractions:
            classifier.classify_extraction(extraction)
        best_detect = min(best_detect, _clock() - t0)
        t0 = _clock()
        for mime in mails:
            classifier.classify(mime)
        best_full = min(best_full, _clock() - t0)
        t0 = _clock()
        for subject, body, has_attachments in fields:
            classifier.needs_mime(subject=subject, body=body, has_attachments=has_attachments)
        best_pre = min(best_pre, _clock() - t0)
        t0 = _clock()
        for extraction in extractions:
            for part in extraction.parts:
                find_ids(part.text, part.where, classifier.rules.ids, "nb")
        best_ids = min(best_ids, _clock() - t0)
        t0 = _clock()
        for extraction in extractions:
            for part in extraction.parts:
                find_special(part.text, part.where, classifier.rules, "nb")
        best_special = min(best_special, _clock() - t0)
        t0 = _clock()
        for extraction in extractions:  # the message's guess, and each long part's own (as detect does)
            classifier._language(extraction.parts)
            for part in extraction.parts:
                if len(part.text) >= 400:
                    guess_language(part.text[:3000])
        best_language = min(best_language, _clock() - t0)
    needed = sum(classifier.needs_mime(subject=s, body=b, has_attachments=a) for s, b, a in fields)
    mb = total_bytes / 1e6
    print(
        f"{label:<28} {len(mails):>6} msgs {mb:>8.2f} MB | full {len(mails) / best_full:>8.0f} msg/s "
        f"{mb / best_full:>7.1f} MB/s | extraction {best_extract / (best_extract + best_detect):>4.0%} "
        f"detection {best_detect / (best_extract + best_detect):>4.0%} | needs_mime/classify time "
        f"{best_pre / best_full:.3f} ({needed}/{len(mails)} need MIME) | identifiers {best_ids / best_detect:>4.0%} "
        f"special categories {best_special / best_detect:>4.0%} language {best_language / best_detect:>4.0%} "
        "of detection"
    )
    return {"full_s": best_full, "extract_s": best_extract, "detect_s": best_detect, "pre_s": best_pre}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", help="corpus directory (default: ../shared/corpus)")
    parser.add_argument("--synthetic", type=int, default=2000, help="synthetic messages (0 = none)")
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs")
    parser.add_argument("--cpu", action="store_true", help="time with process CPU time (a shared, loaded machine)")
    args = parser.parse_args()
    global _clock
    if args.cpu:
        _clock = time.process_time

    try:
        from hygiene.domain.detect import load_rules
    except ImportError:
        print("hygiene.domain.detect is not installed: measuring extraction only")
        classifier = None
    else:
        classifier = Classifier(load_rules(), limits=Limits())
    print("single thread (one core); best of", args.repeat, "runs", "(CPU time)" if args.cpu else "(wall clock)")
    corpus = _find_corpus(args.corpus)
    if corpus is not None:
        paths = (
            sorted((corpus / "messages").glob("*.eml"))
            if (corpus / "messages").is_dir()
            else sorted(corpus.rglob("*.eml"))
        )
        mails = [p.read_bytes() for p in paths]
        with_att = [m for m in mails if any(p.where.startswith("attachment:") for p in extract(m, Limits()).parts)]
        text_only = [m for m in mails if m not in with_att]
        measure("corpus: all", mails, classifier, args.repeat)
        measure("corpus: text-only", text_only, classifier, args.repeat)
        measure("corpus: with attachments", with_att, classifier, args.repeat)
    else:
        print("corpus not found (pass CORPUS_DIR)")
    if args.synthetic:
        t0 = time.perf_counter()
        mails = synthetic(args.synthetic)
        print(f"(built {len(mails)} synthetic messages in {time.perf_counter() - t0:.1f} s)")
        measure("synthetic", mails, classifier, args.repeat)


if __name__ == "__main__":
    main()
