"""Short nynorsk mail without "ikkje"/"eg" is told from bokmål by its other frequent forms (and the reverse)."""

from __future__ import annotations

import pytest

from hygiene.domain.detect import guess_language

# (nynorsk, bokmål): the same sentence; neither has the most frequent markers ikkje/ikke, eg/jeg.
PAIRS = [
    (
        "Han brukar Sertralin og har hatt det tungt sidan mora døydde.",
        "Han bruker Sertralin og har hatt det tungt siden moren døde.",
    ),
    (
        "Systera mi har fått påvist lymfom og byrjar på cellegift neste veke.",
        "Søsteren min har fått påvist lymfom og begynner på cellegift neste uke.",
    ),
    (
        "Den tilsette har fått førelegg, og vi må vurdere vidare oppfølging.",
        "Den ansatte har fått forelegg, og vi må vurdere videre oppfølging.",
    ),
    (
        "Rutinar for handtering av medisinar i heimetenesta er oppdaterte, sjå vedlegg.",
        "Rutiner for håndtering av medisiner i hjemmetjenesten er oppdaterte, se vedlegg.",
    ),
    (
        "Kyrkjelyden søkjer frivillige til kyrkjekaffien etter gudstenesta.",
        "Menigheten søker frivillige til kirkekaffen etter gudstjenesten.",
    ),
    (
        "Søknaden er under behandling og de får svar innan tre veker.",
        "Søknaden er under behandling og dere får svar innen tre uker.",
    ),
]


@pytest.mark.parametrize(("nynorsk", "bokmal"), PAIRS)
def test_nynorsk_and_bokmal_forms_decide_the_written_standard(nynorsk, bokmal):
    assert guess_language(nynorsk) == "nn"
    assert guess_language(bokmal) == "nb"
