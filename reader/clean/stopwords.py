"""Stopword lists for the line classifier, a few dozen of the commonest words per language.

Running prose is full of function words; menus, share bars and link lists are not.
The share of stopwords in a line is therefore a language-general signal of "this is
text someone wrote to be read", once the page's language is known. Languages
without a list (Korean, Japanese, Chinese...) fall back to length features.
"""

from __future__ import annotations

_LISTS = {
    "en": """a about after all also an and any are as at be because been but by can could
        did do does for from had has have he her his how i if in into is it its just
        more most my no not of on one or our out over she so some than that the their
        them then there these they this to up was we were what when where which while
        who will with would you your""",
    "de": """aber alle als am an auch auf aus bei bis das dass dem den der des die doch
        du durch ein eine einem einen einer es für hat hatte ich ihr im in ist ja kann
        mit nach nicht noch nur oder schon sich sie sind so um und uns von vor war wie
        wir wird wurde zu zum zur über""",
    "fr": """au aux avec ce ces cette dans de des du elle en est et été il ils je la le
        les leur lui mais me même ne nous on ont ou par pas plus pour qu que qui sa se
        ses son sont sur un une vous était être à""",
    "es": """a al como con de del el ella en entre era es esta este fue ha hay la las le
        lo los más no o para pero por que se sin sobre son su sus también un una y ya""",
    "pt": """a ao aos as com como da das de do dos e ela ele em entre era está foi há isso
        mais mas na nas no nos não o os ou para pela pelo por que se sem seu sua são
        também um uma à é""",
    "it": """a al alla anche che ci come con da dal della delle di e ed gli ha i il in
        la le lo ma nei nel non per più si sono su tra un una è""",
    "nl": """aan als bij dat de den der die dit een en er had heeft het hij in is je maar
        met naar niet nog of om ook op over te tot uit van voor was wat we werd wordt
        zijn ze zich""",
    "ru": """а без бы был была были в во вы да для до его ее если есть еще же за и из
        или им их к как ко когда ли мы на над не нет но о об он она они от по при
        с со так то только у уже что это я""",
}

STOPWORDS: dict[str, frozenset[str]] = {lang: frozenset(words.split())
                                        for lang, words in _LISTS.items()}
