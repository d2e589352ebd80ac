"""Common first names (lower case): Norwegian, Swedish, Danish, Finnish, Sami, immigrant-community and English.

Used to recognise a person where a capitalised word is otherwise indistinguishable from a noun or a place: a name as
the subject of a verb ("Noah har lige fået ...", "Dessverre er Henrik sjuk ..."), after a relation word ("vår dotter
Ebba", "my partner Daniel"). The list is data (``first_names.txt``, read once at import); names that are also
ordinary words or context cues in one of the five languages are left out of it (a miss costs a little recall, a
noun in the list would cost precision).
"""

from __future__ import annotations

from importlib import resources


def _load() -> frozenset[str]:
    text = (resources.files("hygiene.domain.detect") / "first_names.txt").read_text(encoding="utf-8")
    return frozenset(
        word for line in text.splitlines() if not line.lstrip().startswith("#") for word in line.lower().split()
    )


FIRST_NAMES: frozenset[str] = _load()
