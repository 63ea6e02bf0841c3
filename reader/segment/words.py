"""Word lists for sentence boundaries, merged across languages into one set each.

Merging works because a list is consulted only for the word before a full stop, and an
abbreviation of one language is rarely a whole word of another; where it is (English "ago"
and "on", Spanish "es", Danish "det"), it is left out. Entries are lowercase and without
the final full stop.
"""

from __future__ import annotations

from reader.lexicon import MONTHS as _ENGLISH_MONTHS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Titles and other abbreviations that stand before a name and so never end a sentence
# ("Dr. Smith", "Mt. Fuji", "Sr. Pérez", "проф. Семенов").
TITLES = _words("""
    mr mrs ms mssrs messrs dr drs dra prof profs sr sra srta sres gov sen sens rep reps rev hon
    col lt sgt capt cmdr adm maj pres supt insp brig cpl pvt cdr comdr gen gens mt st ste sto sta
    mme mlle mgr msgr fr hr hrn frk skt dhr mevr ir ing dipl univ lic arq gral cnel cmte
    sig sigg sigra dott dottssa avv geom mons egr spett dir amm psicol
    av avda bd blvd boul pl ul str pgt g-n gg-da prof-ssa dhr
    проф акад доц канд ул пл пр пер просп пгт им тов гр г-н г-жа бул fa
    инж д-р арх
    mudr judr phdr rndr mvdr paeddr
    डॉ प्रो
""")

# Abbreviations that stand before a number ("No. 5", "p. 55", "Art. 3", "Rs. 500").
BEFORE_NUMBERS = _words("""
    no nos nr nrs n° nº № p pp s art arts ext tel fig figs vol vols ch chap sec sect par para pag pág ago
    núm num cap tab ref abs op rs rp kv blz párr párrf godz abb cra cll кв стр ст п рис табл гл т д тел str
""")

# Abbreviations that never end a sentence ("e.g. The", "z. B. Wasser", "vs. Bob").
NEVER_FINAL = _words("""
    e.g i.e vs cf viz approx ca resp bzw z.b d.h u.a o.ä sog vgl ggf evtl z.t
    p.es eg ie
    т.е т.к т.н напр
    napr tzn np tj tzv tzw bijv c.-à-d δηλ bzgl hhv
""")

# Abbreviations that often end a sentence ("and so on", company forms, "Jr."): a capitalized
# word after them opens a new one, unless it is in capitals too ("Co. KG").
ENDINGS = _words("""
    etc ecc usw usf osv mfl enz jr esq inc ltd co corp bros plc llc llp al др itd itp atď
""")

# Other abbreviations: they end a sentence only when a typical sentence opener follows.
ABBREVIATIONS = _words("""
    ft med doc dept mfg assn univ ave rd tue tues thu thur thurs fri
    a.m p.m ph.d b.a m.a b.sc m.sc u.s u.k u.n u.s.a e.u d.c n.y l.a
    abt abg abs anm bzw ca chr dgl dt ebd ehem eigtl einschl entspr erg evtl ff gegr geb gest ges hrsg
    inkl jh jhd kath evang kap lfd nachf orig röm allg bes bspw dez engl europ frz ital ggü
    usw zzgl zz mio mrd tsd
    pág págs núm aprox cía etc abr dic lun mié jue vie sáb ud uds vd vds
    cie éd env 
    pag pagg cfr ecc sig ca cit art prov 
    bl.a f.eks mht osv jf fx
    г гг вв др пр см ср тыс млн млрд руб коп долл
    ж жж млн
""") | {m for m in _ENGLISH_MONTHS if len(m) <= 4 and m not in ("may", "june", "july")}

# Words that typically open a sentence; after an ambiguous abbreviation ("in the U.S. They")
# they tip the balance towards a boundary.
SENTENCE_STARTERS = _words("""
    a an the i i'm i've i'll i'd he she it it's its we they you this that these those there here
    his her their our my your what when where who whom whose why how however but and so yet then
    thus also if in on at for after before while as since because although though meanwhile
    millions more most many some being did does do is are was were has have had can could will
    would should may might must not no yes one today yesterday now still instead indeed
    moreover furthermore nevertheless nonetheless otherwise later earlier besides finally
    first second third next last overall tonight tomorrow others both each every all neither
    none nothing everyone someone several such only even just
    der die das ich er sie es wir ihr dies diese dieser dann doch aber auch wie warum wer wann wo
    was wenn heute man
    el la los las yo él ella ellos ellas nosotros esto este esta pero también cómo qué quién
    cuándo dónde hoy ayer entonces después
    le les il ils elle elles nous vous je ce cette ces mais comment pourquoi qui quand où puis
    ensuite alors donc
    lo gli io lui lei noi voi loro questo questa ma come perché chi quando dove oggi ieri poi
    de het hij zij ze wij ik je dit deze maar hoe waarom wie wanneer waar wat vandaag toen
    den det han hun jeg vi hvad hvor men hvordan hvorfor hvem hvornår hvis når
    он она оно они мы вы я ты это этот эта эти но однако потом затем тогда как почему кто
    когда где что сегодня вчера
""")

# Month names: a number with a full stop before one is an ordinal date ("7. Mai", "1. mája").
MONTHS = frozenset(m for m in _ENGLISH_MONTHS if len(m) > 4 or m in ("may", "june", "july")) | _words("""
    januar februar märz april mai juni juli august september oktober november dezember jänner
    enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
    janvier février mars avril mai juin juillet août septembre octobre novembre décembre
    gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre
    januari februari maart april mei juni juli augustus september oktober november december
    marts maj
    januára februára marca apríla mája júna júla augusta septembra októbra novembra decembra
    január február marec apríl máj jún júl august september október november december
    stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia
    января февраля марта апреля мая июня июля августа сентября октября ноября декабря
""")

# Articles before which a number with a full stop is an ordinal ("im 19. Jahrhundert").
ORDINAL_CUES = _words("der die das dem den des im am zum zur vom beim ins")

# Words between two ordinals of a range ("1. bis 3.", "3. und 4.", "1. - 3.").
ORDINAL_LINKS = _words("bis und oder - –")

# Names that end in "!" mid-sentence.
EXCLAIMED_NAMES = _words("yahoo jeopardy")
