"""Benchmark: OCR throughput per core and the time it adds to a message with images (issue 13).

Measured in one run on generated images (text rendered with Pillow: a short note, a dense page, a rotated photo):

* images/s per core (one worker thread, cold cache), and with the configured pool (default 2 workers);
* the cache: a second pass over the same images, as a speed-up ratio;
* added time per message: classify (or extract, if the detector is not installed) of a message with one image
  attachment, with OCR vs without, as a ratio and in seconds.

    python bench/ocr_speed.py [--images 12] [--workers 2]
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hygiene.adapters.ocr import TesseractReader
from hygiene.domain.extract import Limits, extract

LINES = [
    "Legeerklaering for Ola Nordmann, fodselsnummer 190619 89121.",
    "Diagnose: diabetes type 1. Sykmeldt 50 prosent i fire uker.",
    "Personnummer 19850412-1234, samordningsnummer och lakarintyg.",
    "Kontrol hos egen laege; CPR 110563-0685. Med venlig hilsen.",
]


def render(kind: int) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    size = (22, 30, 26)[kind % 3]
    rows = (3, 30, 6)[kind % 3]
    font = ImageFont.load_default(size=size)
    image = Image.new("L", (40 + size * 36, 40 + rows * size * 2), 255)
    draw = ImageDraw.Draw(image)
    for i in range(rows):
        draw.text((20, 20 + i * size * 2), f"{i + kind}. " + LINES[(i + kind) % len(LINES)], fill=0, font=font)
    if kind % 3 == 2:
        image = image.rotate(90, expand=True, fillcolor=255)
    out = io.BytesIO()
    image.convert("RGB").save(out, format="JPEG" if kind % 2 else "PNG")
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--images", type=int, default=12)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    images = [(f"attachment:img{i}.png", render(i)) for i in range(args.images)]

    single = TesseractReader(workers=1, time_budget_s=600)
    if not single.available():
        print("tesseract (with nor+swe+dan+fin+eng) is not installed; see README")
        return
    t0 = time.perf_counter()
    single.read([("warm-up", render(args.images + 1))])  # loads the engine (once per worker thread)
    print(f"engine start (5 languages, once per worker thread): {time.perf_counter() - t0:.2f} s incl. one image")
    t0 = time.perf_counter()
    for image in images:
        single.read([image])
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    single.read(images)
    warm = time.perf_counter() - t0
    single.close()
    pool = TesseractReader(workers=args.workers, time_budget_s=600, max_images=len(images))
    t0 = time.perf_counter()
    pool.read(images)
    pooled = time.perf_counter() - t0
    pool.close()
    print(f"{len(images)} generated images (notes, dense pages, rotated photos)")
    print(f"one worker, cold cache: {len(images) / cold:.2f} images/s per core ({cold / len(images):.2f} s/image)")
    print(f"{args.workers} workers, one message: {len(images) / pooled:.2f} images/s ({cold / pooled:.2f}x one worker)")
    print(f"cache hit pass: {len(images) / warm:.0f} images/s ({cold / warm:.0f}x faster than reading)")

    msg = EmailMessage()
    msg["From"] = "kari@example.no"
    msg["Subject"] = "Legeerklaering"
    msg.set_content("Hei, legeerklaeringen ligger ved.\n")
    msg.add_attachment(images[0][1], maintype="image", subtype="png", filename="legeerklaering.png")
    mime = msg.as_bytes(policy=SMTP)
    try:
        from hygiene.domain.classify import Classifier
        from hygiene.domain.detect import load_rules

        rules = load_rules()

        def run(ocr):
            return Classifier(rules, limits=Limits(), ocr=ocr).classify(mime)

        label = "classify"
    except ImportError:

        def run(ocr):
            extraction = extract(mime, Limits())
            return ocr.read(extraction.images) if ocr else extraction

        label = "extract (detector not installed)"
    t0 = time.perf_counter()
    for _ in range(20):
        run(None)
    without = (time.perf_counter() - t0) / 20
    fresh = TesseractReader(workers=args.workers, time_budget_s=600, cache_entries=0)
    t0 = time.perf_counter()
    for _ in range(3):
        run(fresh)
    with_ocr = (time.perf_counter() - t0) / 3
    fresh.close()
    print(
        f"{label} of a message with one image: {without * 1000:.1f} ms without OCR, {with_ocr * 1000:.0f} ms with "
        f"OCR ({with_ocr / without:.0f}x; +{with_ocr - without:.2f} s per message)"
    )


if __name__ == "__main__":
    main()
