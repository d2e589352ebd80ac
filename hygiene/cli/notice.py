"""`hygiene notice preview`: print the sender's notice as it would be sent with the configured settings."""

from __future__ import annotations

import typer

from hygiene.cli.common import state
from hygiene.domain.notice import LANGUAGES, VARIANTS, compose
from hygiene.errors import ConfigError
from hygiene.notices import load_templates

group = typer.Typer(help="The notice sent to the sender of a handled message.", no_args_is_help=True)

_PREVIEW_TO = "sender@example.invalid"
_PREVIEW_KEY = "preview"


@group.command("preview")
def preview(
    ctx: typer.Context,
    lang: str | None = typer.Option(
        None, "--lang", "--language", help=f"Language ({', '.join(LANGUAGES)}). Default: [notice] default_language."
    ),
    variant: str | None = typer.Option(None, "--variant", help="Variant a or b. Default: [notice] variant."),
    fmt: str = typer.Option("text", "--format", help="text (subject + plain text) or html (the HTML body)."),
) -> None:
    """Render the notice with the configured organisation, phone, secure channel and override templates.

    Exit 2 when the language, variant or format is unknown, or the notice settings or templates are invalid.
    """
    settings = state(ctx).settings()
    language = lang or settings.notice.default_language
    chosen = variant or settings.notice.variant
    problems = []
    if language not in LANGUAGES:
        problems.append(f"--lang must be one of {', '.join(LANGUAGES)}, not {language!r}")
    if chosen not in VARIANTS:
        problems.append(f"--variant must be a or b, not {chosen!r}")
    if fmt not in ("text", "html"):
        problems.append(f"--format must be text or html, not {fmt!r}")
    if problems:
        raise ConfigError(problems)
    mail = compose(
        language=language,
        variant=chosen,
        notice=settings.notice,
        to=_PREVIEW_TO,
        dedup_key=_PREVIEW_KEY,
        templates=load_templates(settings.notice.templates_dir),
    )
    if fmt == "html":
        typer.echo(mail.html or "", nl=False)
        return
    typer.echo(f"Subject: {mail.subject}")
    for name, value in mail.headers.items():
        typer.echo(f"{name}: {value}")
    typer.echo("")
    typer.echo(mail.text, nl=False)


def register(app: typer.Typer) -> None:
    """Add the `notice` group to the root app."""
    app.add_typer(group, name="notice")
