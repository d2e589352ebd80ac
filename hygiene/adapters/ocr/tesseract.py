"""`TesseractReader`: OCR with Tesseract through tesserocr (its C API), bounded, pooled and cached.

* Bounds: images per message (``max_images``), pixels per image (``max_pixels``, checked before decoding), and wall
  time per message (``time_budget_s``; Tesseract's own recognition timeout stops an image at the deadline).
* Pool: ``workers`` threads, each with its own loaded Tesseract engine (loading the five languages costs ~0.7 s, so it
  is done once per thread, not per image); Tesseract releases the GIL, so images are read in parallel.
* Cache: results keyed by the SHA-256 of the image bytes and the language set (in memory, LRU, ``cache_entries``),
  so a re-sweep does not read the same attachment twice. Only text and a confidence figure are kept, never images.
* Preprocessing: EXIF orientation, first frame of animated images, grey scale, 2x upscale of small images, and an
  orientation check (Tesseract OSD) when the first reading is poor.
* Language order: Tesseract prefers the first language's letters where two look alike. With Norwegian first it reads
  Swedish and Finnish "ä" as "å" ("Låkarintyg", "hjårtsvikt": keywords then go unseen); with Swedish first it reads
  Norwegian "æ"/"ø" as "ae"/"o". So an image whose first reading looks Swedish or Finnish (judged with "å" read
  as "ä") is read again with Swedish and Finnish first, and that reading is kept.

Language data comes from the Debian packages (``tesseract-ocr-nor`` ...); the tesserocr wheel brings the engine.
"""

from __future__ import annotations

import hashlib
import io
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any

from hygiene.domain.detect.language import guess_language
from hygiene.domain.ocr import OCR_SUFFIX, OcrOutcome, OcrText

_UPSCALE_BELOW_PX = 1600  # images whose longer side is shorter than this are read at twice their size
_POOR_CONFIDENCE = 0.8  # below this mean word confidence, check the orientation (upside-down text reads ~0.6)
_CACHEABLE = ("format:", "limit:image_pixels")
_MAX_FRAMES = 10  # pages read from one multi-page TIFF
_heif_registered = False


def _register_heif() -> None:
    """Let Pillow open HEIC/HEIF (phone photos) when pillow-heif is installed."""
    global _heif_registered
    if not _heif_registered:
        _heif_registered = True
        try:
            import pillow_heif

            pillow_heif.register_heif_opener()
        except Exception:  # noqa: S110 - without it HEIC images are reported as "format:heic"
            pass


class TesseractReader:
    """An `hygiene.domain.ocr.ImageReader` backed by the tesseract command (Debian package ``tesseract-ocr``)."""

    def __init__(
        self,
        *,
        languages: str = "nor+swe+dan+fin+eng",
        max_images: int = 20,
        max_pixels: int = 40_000_000,
        time_budget_s: float = 60.0,
        workers: int = 2,
        cache_entries: int = 4096,
    ) -> None:
        # One OpenMP thread per engine: the pool gives the parallelism; Tesseract's own threads only contend with it.
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")
        self.languages = languages
        self._sv_fi_first = _swedish_finnish_first(languages)
        self.max_images = max_images
        self.max_pixels = max_pixels
        self.time_budget_s = time_budget_s
        self.cache_entries = cache_entries
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="hygiene-ocr")
        self._cache: OrderedDict[str, tuple[str, float] | str] = OrderedDict()
        self._lock = threading.Lock()
        self._available: bool | None = None
        self._tessdata: str | None = None
        self._local = threading.local()
        self.cache_hits = 0
        self.images_read = 0

    def available(self) -> bool:
        """True when tesserocr and the language data for every configured language are installed."""
        if self._available is None:
            self._tessdata = find_tessdata(self.languages.split("+"))
            self._available = self._tessdata is not None
        return self._available

    def close(self) -> None:
        """Stop the worker threads (running readings finish first)."""
        self._pool.shutdown(wait=True, cancel_futures=True)

    def read(self, images: Sequence[tuple[str, bytes]]) -> OcrOutcome:
        """Read each image within the per-message budget; never raises."""
        if not images:
            return OcrOutcome()
        if not self.available():
            return OcrOutcome(reasons=("image not read", "ocr:unavailable"))
        reasons: list[str] = []
        todo = list(images[: self.max_images])
        if len(images) > self.max_images:
            reasons += ["image not read", "limit:images"]
        deadline = time.monotonic() + self.time_budget_s
        futures = [(where, self._pool.submit(self._read_one, data, deadline)) for where, data in todo]
        texts: dict[str, list[tuple[str, float]]] = {}
        for where, future in futures:
            try:
                result = future.result(timeout=max(0.0, deadline - time.monotonic()) + 1.0)
            except FutureTimeout:
                future.cancel()
                reasons += ["image not read", "limit:ocr_time"]
                continue
            except Exception:
                reasons += ["image not read", "ocr:error"]
                continue
            if isinstance(result, str):
                reasons += ["image not read", result]
                continue
            text, confidence = result
            if text.strip():
                texts.setdefault(where, []).append((text, confidence))
        out = tuple(
            OcrText(
                where + OCR_SUFFIX,
                "\n\n".join(text for text, _ in readings),
                sum(conf * len(text) for text, conf in readings) / max(1, sum(len(text) for text, _ in readings)),
            )
            for where, readings in texts.items()
        )
        return OcrOutcome(texts=out, reasons=tuple(dict.fromkeys(reasons)))

    # --- one image ---------------------------------------------------------------------------------------------

    def _read_one(self, data: bytes, deadline: float) -> tuple[str, float] | str:
        key = hashlib.sha256(data).hexdigest() + ":" + self.languages
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
                self.cache_hits += 1
                return cached
        result = self._ocr(data, deadline)
        if self.cache_entries and (not isinstance(result, str) or result.startswith(_CACHEABLE)):
            with self._lock:
                self._cache[key] = result
                while len(self._cache) > self.cache_entries:
                    self._cache.popitem(last=False)
        return result

    def _ocr(self, data: bytes, deadline: float) -> tuple[str, float] | str:
        from PIL import Image

        _register_heif()
        try:
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            frames = min(getattr(image, "n_frames", 1), _MAX_FRAMES) if image.format == "TIFF" else 1
        except Exception:
            return "format:heic" if data[4:12].startswith(b"ftyphei") else "format:image"
        if width * height > self.max_pixels:
            return "limit:image_pixels"
        readings: list[tuple[str, float]] = []
        for index in range(frames):  # every page of a faxed/scanned TIFF, the first frame of anything else
            try:
                image.seek(index)
                frame = self._prepared(image.copy(), width, height)
            except Exception:
                return "format:image"
            result = self._read_frame(frame, deadline)
            if isinstance(result, str):
                return result
            readings.append(result)
        self.images_read += 1
        text = "\n\n".join(t for t, _ in readings if t)
        weight = sum(len(t) for t, _ in readings)
        return text, (sum(c * len(t) for t, c in readings) / weight if weight else 0.0)

    def _prepared(self, image: Any, width: int, height: int) -> Any:
        from PIL import Image, ImageOps

        image = ImageOps.exif_transpose(image) or image
        image = image.convert("L")
        if max(width, height) < _UPSCALE_BELOW_PX and width * height * 4 <= self.max_pixels:
            image = image.resize((width * 2, height * 2), Image.Resampling.LANCZOS)
        return image

    def _read_frame(self, image: Any, deadline: float) -> tuple[str, float] | str:
        first = self._tesseract(image, deadline)
        if not isinstance(first, str) and first[1] < _POOR_CONFIDENCE:
            rotated = self._reoriented(image, deadline)
            if rotated is not None:
                second = self._tesseract(rotated, deadline)
                if not isinstance(second, str) and _score(second) > _score(first):
                    first, image = second, rotated
        if isinstance(first, str) or self._sv_fi_first is None or not _looks_swedish_or_finnish(first[0]):
            return first
        again = self._tesseract(image, deadline, self._sv_fi_first)
        return first if isinstance(again, str) else again

    def _engine(self, name: str, languages: str, psm: int) -> Any:
        engines = self._local.__dict__.setdefault("engines", {})
        if name not in engines:
            import tesserocr

            engines[name] = tesserocr.PyTessBaseAPI(path=self._tessdata, lang=languages, psm=psm)
        return engines[name]

    def _tesseract(self, image: Any, deadline: float, languages: str | None = None) -> tuple[str, float] | str:
        import tesserocr

        remaining_ms = int((deadline - time.monotonic()) * 1000)
        if remaining_ms <= 0:
            return "limit:ocr_time"
        try:
            name = "text" if languages is None else "text:" + languages
            api = self._engine(name, languages or self.languages, tesserocr.PSM.AUTO)
            api.SetImage(image)
            if not api.Recognize(timeout=remaining_ms):
                return "limit:ocr_time" if time.monotonic() >= deadline else "ocr:error"
            text = api.GetUTF8Text() or ""
            words = api.AllWordConfidences() or []
        except Exception:
            return "ocr:error"
        confidence = sum(words) / len(words) / 100.0 if words else 0.0
        return _tidy(text), confidence

    def _reoriented(self, image: Any, deadline: float) -> Any | None:
        import tesserocr

        if time.monotonic() >= deadline or "osd" not in _languages(self._tessdata):
            return None
        try:
            api = self._engine("osd", "osd", tesserocr.PSM.OSD_ONLY)
            api.SetImage(image)
            orientation = api.DetectOrientationScript() or {}
            degrees = int(orientation.get("orient_deg", 0))
        except Exception:
            return None
        return image.rotate(degrees, expand=True, fillcolor=255) if degrees else None


_TESSDATA_CANDIDATES = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
)


def _languages(path: str | None) -> set[str]:
    if not path:
        return set()
    try:
        return {p.name.removesuffix(".traineddata") for p in Path(path).glob("*.traineddata")}
    except OSError:
        return set()


def find_tessdata(languages: Sequence[str]) -> str | None:
    """The tessdata directory holding every language in ``languages`` ($TESSDATA_PREFIX first), or None.

    None also when tesserocr itself is not installed.
    """
    try:
        import tesserocr  # noqa: F401
    except ImportError:
        return None
    env = os.environ.get("TESSDATA_PREFIX")
    for candidate in ([env, str(Path(env) / "tessdata")] if env else []) + list(_TESSDATA_CANDIDATES):
        if set(languages) <= _languages(candidate):
            return candidate.rstrip("/") + "/"
    return None


def _swedish_finnish_first(languages: str) -> str | None:
    """``languages`` reordered with Swedish and Finnish first, or None when that changes nothing (neither is in the
    set, or they already lead)."""
    names = languages.split("+")
    lead = [name for name in ("swe", "fin") if name in names]
    reordered = "+".join(lead + [name for name in names if name not in lead])
    return None if not lead or reordered == languages or names[0] in lead else reordered


def _looks_swedish_or_finnish(text: str) -> bool:
    """Whether a reading made with another language first is Swedish or Finnish ("å" may stand for a misread "ä")."""
    return guess_language(text.replace("å", "ä").replace("Å", "Ä"), finnish=True) in ("sv", "fi")


def _tidy(text: str) -> str:
    """Tesseract's text with runs of blank lines collapsed."""
    lines = [line.rstrip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def _score(result: tuple[str, float]) -> float:
    text, confidence = result
    return confidence * len(text.split())
