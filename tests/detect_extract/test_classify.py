"""Classifier: extraction + the real detector + the installation's policy, ending in a Verdict."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

from hygiene.domain.extract import Limits
from tests.detect_extract.conftest import FNR, attach, make_png, message, to_bytes

detect = pytest.importorskip("hygiene.domain.detect")
if not hasattr(detect, "load_rules"):  # the identifier half (ids.py) can land before the engine
    pytest.skip("hygiene.domain.detect has no load_rules yet", allow_module_level=True)

from hygiene.domain.classify import Classifier  # noqa: E402

SMIME = (
    b"From: a@example.no\r\nSubject: Kryptert " + FNR.encode() + b"\r\nMIME-Version: 1.0\r\n"
    b'Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name="smime.p7m"\r\n'
    b"Content-Transfer-Encoding: base64\r\n\r\nMIAGCSqGSIb3DQEHA6CAMIACAQAxggE=\r\n"
)


@pytest.fixture(scope="module")
def rules():
    return detect.load_rules()


@pytest.fixture
def classifier(rules):
    return Classifier(rules, limits=Limits())


def sensitive_mail() -> bytes:
    return to_bytes(message(f"Hei, her er fødselsnummeret til sønnen min Ola: {FNR}\nHilsen Kari\n"))


def test_national_id_in_body_is_sensitive(classifier):
    verdict = classifier.classify(sensitive_mail())
    assert verdict.sensitive
    assert "national_id" in verdict.categories
    assert verdict.counts["national_id"] >= 1
    assert any(f.where == "body" and f.category == "national_id" for f in verdict.findings)
    assert FNR not in repr(verdict)
    assert verdict.language in ("nb", "nn")


def test_ordinary_mail_is_not_sensitive(classifier):
    verdict = classifier.classify(to_bytes(message("Hei! Møtet flyttes til torsdag kl. 10. Hilsen Per")))
    assert not verdict.sensitive
    assert verdict.categories == ()
    assert verdict.findings == ()


def test_encrypted_message_is_never_sensitive(classifier):
    verdict = classifier.classify(SMIME)
    assert verdict.encrypted
    assert not verdict.sensitive
    assert verdict.findings == ()


def test_disabled_category_is_ignored(rules):
    classifier = Classifier(rules, limits=Limits(), disabled=("national_id",))
    verdict = classifier.classify(sensitive_mail())
    assert "national_id" not in verdict.categories
    assert all(f.category != "national_id" for f in verdict.findings)


def test_threshold_per_category_overrides_min_confidence(rules):
    base = Classifier(rules, limits=Limits()).classify(sensitive_mail())
    top = max(f.confidence for f in base.findings if f.category == "national_id")
    if top >= 1.0:
        pytest.skip("the detector is certain; a threshold above it cannot be set")
    strict = Classifier(rules, limits=Limits(), thresholds={"national_id": min(1.0, top + 0.001)})
    assert "national_id" not in strict.classify(sensitive_mail()).categories
    lenient = Classifier(rules, limits=Limits(), min_confidence=1.0, thresholds={"national_id": 0.0})
    assert "national_id" in lenient.classify(sensitive_mail()).categories


def test_incomplete_reasons_are_carried(classifier):
    verdict = classifier.classify(to_bytes(attach(message("Se vedlegg"), make_png(), "skann.png", "image", "png")))
    assert verdict.incomplete
    assert "image not read" in verdict.incomplete_reasons
    assert not verdict.encrypted


def test_auto_reply_is_carried_and_still_classified(classifier):
    mime = to_bytes(
        message(
            f"Jeg er på ferie.\n\n-----Opprinnelig melding-----\nfnr til pasienten: {FNR}",
            subject="Automatisk svar: x",
            headers={"Auto-Submitted": "auto-replied"},
        )
    )
    verdict = classifier.classify(mime)
    assert verdict.auto_reply
    assert verdict.sensitive


@pytest.mark.parametrize("raw", [b"", b"\x00\xff" * 100, b"Content-Type: multipart/mixed\r\n\r\n--x"])
def test_bad_input_gives_a_verdict(classifier, raw):
    verdict = classifier.classify(raw)
    assert not verdict.sensitive


def test_truncated_encrypted_message_is_read_as_what_is_left(classifier):
    # Cut off before its Content-Type, the message is no longer encrypted: its readable subject holds a fnr.
    verdict = classifier.classify(SMIME[:50])
    assert not verdict.encrypted
    assert verdict.categories == ("national_id",)


def test_from_settings_uses_detection_section():
    from hygiene.settings import DetectionSettings

    settings = DetectionSettings(disabled_categories=["health"], thresholds={"national_id": 0.9}, max_depth=3)
    classifier = Classifier.from_settings(settings)
    assert classifier.disabled == frozenset({"health"})
    assert classifier.threshold("national_id") == 0.9
    assert classifier.threshold("union") == settings.min_confidence
    assert classifier.limits.max_depth == 3


def test_needs_mime_prescreen(classifier):
    assert classifier.needs_mime(subject="x", body=None, has_attachments=False)
    assert classifier.needs_mime(subject="x", body="hei", has_attachments=True)
    assert classifier.needs_mime(subject="x", body=f"fnr {FNR}", has_attachments=False)
    assert classifier.needs_mime(
        subject="x", body=f"<p>fnr 190619<span>&nbsp;</span>{FNR[6:]}</p>", has_attachments=False
    )
    assert classifier.needs_mime(subject=f"fnr {FNR}", body="", has_attachments=False)
    assert not classifier.needs_mime(subject="Lunsj", body="<p>Pizza i kantina til lunsj.</p>", has_attachments=False)
    inline = '<p>Se bildet</p><img src="cid:image001.png@01DA">'
    assert classifier.needs_mime(subject="Lunsj", body=inline, has_attachments=False)


def test_classifier_is_thread_safe(classifier):
    mails = [sensitive_mail(), to_bytes(message("Hei, ingen data her")), SMIME] * 20
    expected = [classifier.classify(m) for m in mails]
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(classifier.classify, mails)) == expected


def test_corpus_protection_and_auto_replies_match_labels(classifier, corpus_path):
    labels = [json.loads(line) for line in (corpus_path / "labels.jsonl").read_text().splitlines() if line]
    for label in labels:
        verdict = classifier.classify((corpus_path / label["file"]).read_bytes())
        assert verdict.encrypted == label["encrypted"], label["file"]
        assert verdict.auto_reply == label["auto_reply"], label["file"]
        if label["encrypted"]:
            assert not verdict.sensitive, label["file"]
