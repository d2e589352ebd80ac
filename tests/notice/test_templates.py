"""The notice texts: every language and variant renders completely; overrides are validated."""

from __future__ import annotations

import re

import pytest

from hygiene.domain import notice
from hygiene.domain.notice import HEADER, LANGUAGES, VARIANTS, Templates, choose_language, choose_variant, compose
from hygiene.errors import ConfigError
from hygiene.notices import load_templates

ORIGINAL_SUBJECT = "Sykemelding for Ola Nordmann 01017012345"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("variant", VARIANTS)
def test_every_language_and_variant_renders_every_placeholder(settings, language, variant):
    mail = compose(language=language, variant=variant, notice=settings.notice, to="ola@example.no", dedup_key="k1")
    for part in (mail.subject, mail.text, mail.html):
        assert not re.search(r"\{[a-z_]*\}", part), part
        assert ORIGINAL_SUBJECT not in part
        assert "01017012345" not in part
    assert "Vestby kommune" in mail.text
    assert "https://svarut.example.no/send" in mail.text
    assert 'href="https://svarut.example.no/send"' in mail.html
    if variant == "a":
        assert "+47 22 00 00 00" in mail.text
    else:
        assert "https://vestby.example.no/personvern" in mail.text
    assert mail.headers == {HEADER: "k1"}
    assert mail.to == "ola@example.no"


def test_subjects_are_fixed_per_language_and_distinct(settings):
    subjects = {
        compose(language=lang, variant="a", notice=settings.notice, to="a@b.no", dedup_key="k").subject
        for lang in LANGUAGES
    }
    assert len(subjects) == len(LANGUAGES)
    for lang in LANGUAGES:
        assert compose(language=lang, variant="a", notice=settings.notice, to="a@b.no", dedup_key="k").subject == (
            compose(language=lang, variant="b", notice=settings.notice, to="c@d.se", dedup_key="x").subject
        )


def test_nynorsk_and_danish_are_their_own_languages(settings):
    nn = compose(language="nn", variant="a", notice=settings.notice, to="a@b.no", dedup_key="k").text
    nb = compose(language="nb", variant="a", notice=settings.notice, to="a@b.no", dedup_key="k").text
    da = compose(language="da", variant="a", notice=settings.notice, to="a@b.dk", dedup_key="k").text
    assert "ikkje" in nn
    assert "ikke" not in nn
    assert "kome" in nn
    assert "ikkje" not in nb
    assert "e-mail" in da
    assert "e-post" not in da


def test_html_escapes_placeholder_values(settings):
    s = settings.model_copy(update={"notice": settings.notice.model_copy(update={"organisation_name": "A & <B>"})})
    mail = compose(language="en", variant="b", notice=s.notice, to="a@b.no", dedup_key="k")
    assert "A &amp; &lt;B&gt;" in mail.html
    assert "<B>" not in mail.html
    assert "A & <B>" in mail.text


def test_empty_phone_for_variant_a_names_the_setting(settings):
    s = settings.notice.model_copy(update={"phone": ""})
    with pytest.raises(ConfigError, match=r"notice\.phone"):
        compose(language="nb", variant="a", notice=s, to="a@b.no", dedup_key="k")


def test_non_http_url_is_refused(settings):
    s = settings.notice.model_copy(update={"privacy_url": "javascript:alert(1)"})
    with pytest.raises(ConfigError, match=r"notice\.privacy_url"):
        compose(language="nb", variant="b", notice=s, to="a@b.no", dedup_key="k")


# --- overrides ---------------------------------------------------------------------------------------------------
GOOD_A = "Subject: Melding fra {organisation_name}\n\nRing {phone} eller bruk {secure_channel_name}.\n"


def test_override_files_replace_the_builtin(tmp_path, settings):
    (tmp_path / "nb_a.txt").write_text(GOOD_A, encoding="utf-8")
    (tmp_path / "nb_a.html").write_text("<p>Ring <b>{phone}</b> / {secure_channel_name}</p>", encoding="utf-8")
    templates = load_templates(tmp_path)
    mail = compose(language="nb", variant="a", notice=settings.notice, to="a@b.no", dedup_key="k", templates=templates)
    assert mail.subject == "Melding fra Vestby kommune"
    assert mail.text.startswith("Ring +47 22 00 00 00 eller bruk SvarUt.")
    assert mail.html == "<p>Ring <b>+47 22 00 00 00</b> / SvarUt</p>"
    builtin = compose(
        language="sv", variant="a", notice=settings.notice, to="a@b.se", dedup_key="k", templates=templates
    )
    assert builtin.subject == notice._SUBJECTS["sv"]


def test_unknown_placeholder_names_file_and_placeholder(tmp_path):
    (tmp_path / "nn_a.txt").write_text(GOOD_A.replace("{phone}", "{phone} {telefon}"), encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_templates(tmp_path)
    assert "nn_a.txt" in str(exc.value)
    assert "{telefon}" in str(exc.value)


def test_missing_placeholder_names_file_and_placeholder(tmp_path):
    (tmp_path / "da_b.txt").write_text("Subject: Hej\n\nBrug {secure_channel_name}.\n", encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_templates(tmp_path)
    assert "da_b.txt" in str(exc.value)
    assert "{privacy_url}" in str(exc.value)


def test_html_override_is_validated_too(tmp_path):
    (tmp_path / "en_a.txt").write_text(GOOD_A, encoding="utf-8")
    (tmp_path / "en_a.html").write_text("<p>{phone}</p><script>x()</script>", encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_templates(tmp_path)
    text = str(exc.value)
    assert "en_a.html" in text
    assert "{secure_channel_name}" in text
    assert "simple HTML" in text


@pytest.mark.parametrize(
    ("name", "content", "needle"),
    [
        ("xx_a.txt", GOOD_A, "unexpected file"),
        ("nb_c.txt", GOOD_A, "unexpected file"),
        ("nb_a.txt", "Hei {phone} {secure_channel_name}\n", "Subject:"),
        ("notes.md", "x", "unexpected file"),
    ],
)
def test_bad_override_files_are_named(tmp_path, name, content, needle):
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_templates(tmp_path)
    assert name in str(exc.value)
    assert needle in str(exc.value)


def test_html_without_text_is_refused():
    with pytest.raises(ConfigError, match="nb_b.txt"):
        Templates.from_files({"nb_b.html": "<p>{secure_channel_name} {privacy_url}</p>"})


def test_missing_templates_dir_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="templates_dir"):
        load_templates(tmp_path / "nope")


# --- language and variant ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("detected", "sender", "default", "expected"),
    [
        ("nn", "a@firma.se", "nb", "nn"),
        (None, "a@firma.se", "nb", "sv"),
        (None, "a@firma.dk", "nb", "da"),
        (None, "a@firma.no", "en", "nb"),
        (None, "a@firma.no", "nn", "nn"),
        (None, "a@yritys.fi", "nb", "en"),
        (None, "a@firma.ax", "nb", "sv"),
        (None, "a@gmail.com", "da", "da"),
        (None, None, "sv", "sv"),
        ("xx", "a@gmail.com", "nb", "nb"),
    ],
)
def test_choose_language(detected, sender, default, expected):
    assert choose_language(detected=detected, sender=sender, default=default) == expected


def test_internal_senders_get_the_internal_variant(settings):
    n = settings.notice.model_copy(update={"variant": "a", "internal_variant": "b"})
    assert choose_variant(sender="per@vestby.example.no", notice=n) == "b"
    assert choose_variant(sender="per@skole.vestby.example.no", notice=n) == "b"
    assert choose_variant(sender="per@gmail.com", notice=n) == "a"
    unset = settings.notice.model_copy(update={"variant": "a", "internal_variant": ""})
    assert choose_variant(sender="per@vestby.example.no", notice=unset) == "a"
