"""The punctuation that ends sentences, and the marks that open and close quotes and brackets."""

from __future__ import annotations

# These end a sentence even with no space after them (the last is the Greek question mark).
NO_SPACE = "。！？．｡؟۔।॥։።፧፨။\u037e"
TERMS = ".!?…‼⁇⁈⁉‽" + NO_SPACE
CLOSERS = "\"'”’»)]}›“‘«‹」』》〉）】"  # after a full stop even “ and « close (German usage)
OPENERS = "\"'`“‘«‹„‚»([{¿¡「『《〈（【"
