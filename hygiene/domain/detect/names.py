"""Common first names in Norway, Sweden, Denmark and the UK (lower case).

Used only to recognise a person opening a sentence ("Oliver har nøtteallergi", "Noah har lige fået ..."), where a
capitalised word is otherwise indistinguishable from a noun or a place ("Boka er ...", "Norge har ..."). The list
is deliberately the frequent names only: a miss costs a little recall, a noun in the list would cost precision.
"""

from __future__ import annotations

FIRST_NAMES = frozenset(
    """
    aaron adam adrian agnes aksel albert alba alexander alfred alice alma amalie amanda amelia anders andrea andreas
    andrew ane anette ann anna anne anneli anton arne arthur astrid august aurora axel ben benjamin berit bjørn
    birgitta bo bodil brian camilla carl caroline casper cecilie charlie charlotte chloe christian christina clara
    daniel david dorthe ebba edith edvard elias elin elisabeth ella ellen ellie elsa elias emil emilia emilie emily
    emma erik erika espen eva even filip freja frida fredrik freya gabriel george geir gunnar gustav hanna hannah
    hans harald harry hedda heidi helena helene henrik henry hilde hugo ida ines ingrid isabel isabella isak isla
    jack jacob jakob james jan jens jesper jessica joakim johan johanna johannes john jonas jonathan josefine joseph
    julia julie jørgen kaja kari karin karl kasper katrine kevin klara kristian kristine lars laura lea leah lena
    leo liam lilly lily lina linda linn linnea lisa liv louise lucas lucy ludvig luna lukas magnus maja malin malthe
    marcus maria marie martin mathias matilda matteo max maya mette mia michael mikkel milla mohammed mona nathalie
    nikolai nils noah noel nora oliver olivia oscar oskar ola olav ole peter petter pernille rasmus rebecca ronja
    rose ruby sander sara sarah sebastian selma signe sigrid silje simon siri sofia sofie sophia sophie stine sven
    theo theodor thomas tilde tobias tom tone tor tove trine ulrik vera victor viktor viktoria vilde vilma william
    wilma ylva yusuf zara
    """.split()
)
