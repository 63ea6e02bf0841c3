"""segment: one small made-up case per rule family (the properties are in test_segment.py)."""

from __future__ import annotations

import pytest

from reader.segment import split_text


def texts(t: str, lines: bool = True) -> list[str]:
    return [s.text for s in split_text(t, lines=lines)]


def case(*sentences: str) -> tuple[str, list[str]]:
    return " ".join(sentences), list(sentences)


FAMILIES = {
    "terminal punctuation": [
        case("It rained.", "Was it cold?", "Yes!", "Really?!", "Oh!!", "Fine."),
    ],
    "lowercase after punctuation runs on": [
        case("She said “fine.” and went on."),
        case("He shouted Help! at the crowd and ran."),
        case("They work at Yahoo! Research in the city."),
        case("What now? asked nobody in particular."),
    ],
    "titles never end a sentence": [
        case("Dr. Okafor met Prof. Lind near Mt. Kenya."),
        case("La Sra. Gómez habló con el Dr. Ruiz."),
        case("Il Dott. Ferri e l'Avv. Conti sono arrivati."),
        case("Parla l'avv. Neri.", "Tutti ascoltano."),
        case("Уважаемый проф. Орлов пришёл."),
    ],
    "abbreviations before numbers": [
        case("See p. 12 and No. 4 of the list."),
        case("Das steht auf S. 7 im Heft."),
        case("The rent is Rs. 900 a month."),
    ],
    "other abbreviations end a sentence before a sentence opener (or any word after etc.)": [
        case("They bought paint, brushes, etc.", "Then they left."),
        case("She sold it to Acme Corp.", "It paid well."),
        case("She sold it to Acme GmbH & Co. KG in May."),
        case("Bring pens, paper, etc.", "Mary brings the rest."),
        case("He moved to the U.S.", "They followed him."),
        case("He joined the U.S. Navy and sailed."),
        case("Wir brauchen Brot, Milch usw.", "Dann gehen wir."),
        case("Die Firma, z. B. Bauer, baut Häuser."),
        case("Он прочитал книги, журналы и т.д.", "Потом он ушёл."),
        case("Он жил в г. Самара давно."),
    ],
    "what may open a sentence": [
        case("Sales rose.", "iPhone demand was high."),
        case("A player from Tech (Ga.) High scored."),
        ("It was fine.”The next day was not.", ["It was fine.”", "The next day was not."]),
        ("It rained all day.The roads flooded.", ["It rained all day.", "The roads flooded."]),
        case("He used Node.JS and got a Ph.D in it."),
        case("彼は「行きます。」と言った。"),
    ],
    "initials": [
        case("A poem by T. S. Moore was read."),
        case("The prize went to you and I.", "Did anyone object?"),
        case("Л. Н. Орлов написал письмо."),
        case("Viajó a los EE. UU. el mes pasado."),
    ],
    "times": [
        case("The bus left at 7 a.m.", "Most riders were late."),
        case("The bus left at 7 a.m. sharp."),
        case("It starts at 9.30pm tonight."),
    ],
    "numbers": [
        case("Growth was 3.5 percent.", "Sales hit 2,400,000 units."),
        case("I counted 400.", "How many did you count?"),
        case("Er kam am 3. Oktober an."),
        case("Das geschah im 19. Jahrhundert."),
        case("Sie zahlte 1.250,50 Euro."),
        case("Die Mauer stammt aus dem 2.-4. Jahrhundert."),  # a range of ordinals
        case("Die Mauer stammt aus dem 2. -4. Jahrhundert."),
        case("Die Funde reichen vom 2. bis 4. Jahrhundert."),
        case("Es fror bei -4.", "Dann kam Schnee."),  # a negative number is no ordinal
    ],
    "ellipses": [
        case("He paused...", "Then he spoke."),
        case("He paused... and then spoke."),
        case("It was . . . strange, she said."),
        case("The text [...] goes on here."),
        case("It ended.", ". . . The next one began."),  # a full stop, then an ellipsis
    ],
    "quotes and brackets are never cut open": [
        case("He said, “We won. We are happy,” and smiled."),
        case("“We won.”", "The crowd cheered."),
        case("She wrote (it was late. very late.) a letter."),
        case("Er sagte: „Das ist gut.“", "Dann ging er."),
        case("«On a gagné. C'est fini», dit-il."),
        case('She began, "If you please, sir--"', "The man ran off."),  # speech broken off
        case("He said “wait—” and stopped."),
        case("他说：「我们走吧。快点。」", "然后走了。"),
        case("I'm sure it's Sam's.", "Don't ask.", "It's 5'11\" tall."),
    ],
    "lists": [
        case("1. Mix the flour", "2. Add the eggs", "3. Bake it"),
        case("a) one thing", "b) another", "c) a third"),
        case("(i) first part.", "(ii) second part."),
        case("Pay for 1. above and for 2. above, not more."),
    ],
    "bullets": [
        case("• Eggs and milk", "• Flour", "• Sugar"),
    ],
    "urls and e-mail addresses": [
        case("Write to ana.lee@example.org.", "She replies fast."),
        case("See https://example.net/a.b/c.html for more.", "It is free."),
    ],
    "footnote marks stay with their sentence": [
        case("The river floods often.[3]", "Farmers adapt."),
        case("The river floods often.12", "Farmers adapt."),
    ],
    "other scripts": [
        case("यह घर है।", "वह स्कूल है।"),
        case("یہ گھر ہے۔", "وہ اسکول ہے۔"),
        case("هل أنت بخير؟", "نعم، شكرا."),
        case("Τι ώρα είναι;", "Είναι αργά."),
        case("Սա տուն է։", "Նա դպրոց է:"),
        case("Հարցերը շատ են...:", "Պատասխանը չկա:"),
        case("ဒါ အိမ်ပါ။", "ဟိုဟာ ကျောင်းပါ။"),
        case("ይህ ቤት ነው።", "ምን ትፈልጋለህ፧", "እሺ።"),
        ("これは本です。あれは鉛筆です！", ["これは本です。", "あれは鉛筆です！"]),
    ],
}


@pytest.mark.parametrize("text,expected", [c for cs in FAMILIES.values() for c in cs],
                         ids=[f"{k}-{i}" for k, cs in FAMILIES.items() for i in range(len(cs))])
def test_rule_families(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("This line was\nwrapped in the middle.", ["This line was\nwrapped in the middle."]),
    ("A cold \nnight fell", ["A cold \nnight fell"]),
    ("It reached 400 yd \n(366 m).", ["It reached 400 yd \n(366 m)."]),
    ("Trophy\n(Picture Coming Soon)", ["Trophy", "(Picture Coming Soon)"]),
    ("apples\npears and plums\nfigs", ["apples", "pears and plums", "figs"]),
    ("Title Line\nThe body starts here.", ["Title Line", "The body starts here."]),
    ("One paragraph.\n\nAnother one", ["One paragraph.", "Another one"]),
    ("これは\n本です。", ["これは\n本です。"]),
    ("Call us for prices\n.\n\nOpening hours", ["Call us for prices\n.", "Opening hours"]),
    ("He wrote “see you soon\n”", ["He wrote “see you soon\n”"]),  # punctuation alone is no sentence
    ("Read on.\n\n?", ["Read on.", "?"]),  # ... but a paragraph of its own is no wrapped line
    ("Contents\nIntroduction ........ 3\nMethods . . . . . . 12",  # dot leaders, page numbers
     ["Contents", "Introduction ........ 3", "Methods . . . . . . 12"]),
    ("He waited.... 5 minutes later it came.", ["He waited....", "5 minutes later it came."]),
    ('He shouted "Stop. Wait.\n\nShe left. "Fine. Good." he said.',  # quotes close in their paragraph
     ['He shouted "Stop.', "Wait.", "She left.", '"Fine. Good." he said.']),
    ("This line was\r\nwrapped in the middle.", ["This line was\r\nwrapped in the middle."]),  # CRLF
    ('He shouted "Stop. Wait.\r\n\r\nShe left. "Fine. Good." he said.',
     ['He shouted "Stop.', "Wait.", "She left.", '"Fine. Good." he said.']),
])
def test_line_breaks(text, expected):
    assert texts(text) == expected


def test_line_breaks_are_spaces_in_rejoined_paragraphs():
    text = "A wire story wrapped\nBefore a name and\nended here. Next one."
    assert texts(text, lines=False) == ["A wire story wrapped\nBefore a name and\nended here.",
                                        "Next one."]
    assert len(texts(text)) == 3
