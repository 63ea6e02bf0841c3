"""Word lists the drift detectors read names, roles and credits with: who is a person,
which words report a claim, which capitals stand for their countries.

Kept apart from the detectors so each list is defined once and read by all of them.
"""

from __future__ import annotations

PARTICLES = frozenset(
    "al el the of for and de del della di da du des la le van von bin ibn bint abu y dos das "
    "mr mrs ms miss dr sir prof professor lord lady dame rev reverend".split())
# A capital stands for its country's government ("Moscow and Tehran" = "Russia and Iran").
CAPITALS = {
    "moscow": "russia", "tehran": "iran", "ankara": "turkey", "damascus": "syria",
    "washington": "us", "london": "britain", "paris": "france", "berlin": "germany",
    "beijing": "china", "tokyo": "japan", "kyiv": "ukraine", "kiev": "ukraine",
    "riyadh": "saudi", "cairo": "egypt", "baghdad": "iraq", "kabul": "afghanistan",
    "islamabad": "pakistan", "delhi": "india", "seoul": "korea", "pyongyang": "korea",
    "jerusalem": "israel", "rome": "italy", "madrid": "spain", "brussels": "belgium",
    "ottawa": "canada", "canberra": "australia", "beirut": "lebanon", "amman": "jordan",
    "doha": "qatar", "havana": "cuba", "caracas": "venezuela", "minsk": "belarus",
    "warsaw": "poland", "athens": "greece", "dublin": "ireland", "pretoria": "africa",
}
# British copy shortens county names ("Hants" for Hampshire).
COUNTIES = {"hants": "hampshire", "oxon": "oxfordshire", "bucks": "buckinghamshire",
             "berks": "berkshire", "herts": "hertfordshire", "beds": "bedfordshire",
             "glos": "gloucestershire", "lancs": "lancashire", "notts": "nottinghamshire",
             "northants": "northamptonshire", "wilts": "wiltshire", "worcs": "worcestershire",
             "yorks": "yorkshire", "staffs": "staffordshire", "cambs": "cambridgeshire",
             "leics": "leicestershire", "lincs": "lincolnshire", "salop": "shropshire"}
COUNTIES |= {full: short for short, full in COUNTIES.items()}
COUNTRY_FORMS = {"us": ("us", "usa", "america", "american", "states"),
                  "britain": ("britain", "british", "uk", "england")}


def _capitals_of() -> dict[str, dict[str, list[str]]]:
    """Country (and its other forms) by first four letters -> its capitals, for the way
    back from "Russian" to "Moscow"."""
    out: dict[str, dict[str, list[str]]] = {}
    for capital, country in CAPITALS.items():
        for form in {country, *COUNTRY_FORMS.get(country, ())}:
            out.setdefault(form[:4], {}).setdefault(country, []).append(capital)
    return out


CAPITALS_OF = _capitals_of()
# Words before a place, not a person: a place named here is never "the same one as he".
LOCATIVE = frozenset("in at near into outside inside across".split())
PRONOUNS = frozenset("he she him her his hers they them their theirs it its".split())
# the last word of a name that is a place or an institution: "he" or "she" never stands for it
INSTITUTIONS = frozenset("court hospital school college university council station prison "
                         "church cathedral airport hotel theatre stadium".split())
_HIS, _HER = frozenset("he him his".split()), frozenset("she her hers".split())
GENDERED = {"mr": _HIS, "sir": _HIS, "lord": _HIS, "mrs": _HER, "miss": _HER, "ms": _HER,
             "lady": _HER, "dame": _HER}
# Words that say someone reports a claim ("said", "told", "the court heard").
REPORTING = frozenset("""
said says say saying told tells telling added adds claimed claims claiming alleged alleges
alleging confirmed confirms insisted insists stated argued argues heard reported announced
announces warned warns admitted admits denied denies explained explains revealed reveals
cited cites ruled testified wrote writes according fumed accused accuses submitted
insistence allegation allegations statement assertion testimony recalled recalls described
describes recounted conceded maintained suggested acknowledged disclosed noted observed
remarked replied responded retorted retorts declared declares complained complains stressed
stresses emphasised emphasized boasted urged
""".split())
GENERIC_ROLES = frozenset(("spokesperson",))  # may hold any post ("the policy officer")
BODIES = frozenset(("ministry", "agency", "embassy", "parliament", "presidency"))
DESCRIPTION = frozenset("the a an this that".split())
# Common words: a capital on them at a sentence start does not make a name.
COMMON_WORDS = frozenset("""
a an the this that these those there their they them then than his her hers its it our
ours we you your yours he she i me my mine who whom whose which what when where why how
in on at by for from with without within into onto over under after before during since
until till about above below between among amid against across along around behind
beyond despite except like near off through throughout toward towards upon via per
and but or nor so yet also still just only even already again meanwhile however
therefore thus hence moreover furthermore nevertheless although though while whereas
because if unless whether once as both either neither each every all any some many
much more most few fewer less least several various different other others another
such same own no not never none nothing nobody yes many several earlier later last next
first second third new old former latest recent previous further following according
asked speaking said says told adding added noting meanwhile instead indeed perhaps
today yesterday tomorrow tonight now here one two three four five six seven eight nine
ten is are was were be been being has have had do does did will would can could may
might must shall should let let's it's that's there's we're they're i'm
""".split())
ROLE_CLASS = {
    "minister": "minister", "ministers": "minister",
    "ministry": "ministry", "ministries": "ministry",
    "president": "president", "presidents": "president",
    "presidency": "presidency",
    "premier": "premier", "chancellor": "chancellor",
    "secretary": "secretary", "secretaries": "secretary",
    "spokesman": "spokesperson", "spokeswoman": "spokesperson",
    "spokesperson": "spokesperson", "spokesmen": "spokesperson",
    "spokeswomen": "spokesperson", "spokespeople": "spokesperson",
    "official": "official", "officials": "official",
    "authority": "official", "authorities": "official",
    "officer": "officer", "officers": "officer",
    "source": "source", "sources": "source",
    "agency": "agency", "agencies": "agency",
    "ambassador": "ambassador", "ambassadors": "ambassador",
    "envoy": "envoy", "envoys": "envoy", "embassy": "embassy",
    "governor": "governor", "mayor": "mayor",
    "commander": "commander", "commanders": "commander",
    "king": "king", "queen": "queen", "prince": "prince", "emir": "emir",
    "senator": "senator", "lawmaker": "lawmaker", "lawmakers": "lawmaker",
    "prosecutor": "prosecutor", "prosecutors": "prosecutor", "judge": "judge",
    "diplomat": "diplomat", "diplomats": "diplomat",
    "adviser": "adviser", "advisor": "adviser", "advisers": "adviser", "advisors": "adviser",
    "chairman": "chair", "chairwoman": "chair", "chairperson": "chair",
    "director": "director", "parliament": "parliament",
}
ROLE_MODIFIERS = frozenset(
    "foreign defence defense interior finance economy trade health justice energy oil "
    "prime deputy vice state security military intelligence news senior top press police "
    "home education information opposition government army navy chief".split())
RELATION_CLASS = {
    "backed": "backed", "supported": "backed", "sponsored": "backed",
    "led": "led", "based": "based", "owned": "owned", "funded": "funded",
    "run": "controlled", "controlled": "controlled", "held": "controlled",
    "allied": "allied", "aligned": "allied", "affiliated": "allied", "linked": "allied",
}
