"""Figures that are part of a name or a reference, not claims of the text.

"Footnote 2" and "Table 3" point to another part of the document; "train no. 305-13" is an
identifier; "a Falcon 9 rocket" names a model; "© 2017 AFX News" says who owns the text;
"the 2024 general election" and "its 2017 outlook" name which election and which outlook
(the year is a label of the thing, not when something happened), and so do "the 2024
Boston Marathon" and "the 2020 Summer Olympics" (which edition of a recurring event);
"launchpad 40" and "Gate 5" name a place by its number; "951-696-3615" is a phone number;
"370 Moorabool Street" and "VIC 3220" are an address, "KIRO 7 News" a broadcaster; a
score or tally ("1-0", "won 3-1", the second no greater) is two figures read together; "in
'64" is a year clipped in speech, never a count of 64. "The two nations" and "the two
companies" refer back to things already named: the count is part of the reference (news
style spells small counts and writes "the" before those it has introduced), so it states
nothing new. None of these is a figure a fact file records, so none is drafted; a bare
"No. 6" (a throttle position, a ranking) is a value and stays, and so does a year before a
name ("the 1798 Alien Enemies Act", the year the act was passed), and "two planes" with
no "the" (a count the text states).
"""

from __future__ import annotations

import re
from typing import Final

from factcheck.extract.number_words import CARDINALS

__all__ = ["name_figure_spans"]

_WORDS: Final = "|".join(sorted(CARDINALS, key=len, reverse=True))

_NAME_FIGURES: Final = re.compile(
    # a reference to a part of the document
    r"\b(?:Footnote|Endnote|Note|Figure|Fig\.|Table|Section|Chapter|Appendix|Exhibit|"
    r"Paragraph|Clause)\s*(?P<ref>\d+(?:\.\d+)*[a-z]?)\b"
    # an identifier: a number with a hyphenated part after "no." or "#" ("no. 305-13")
    r"|(?:\b[Nn]o\.|#)\s*(?P<id>\d+(?:[-/]\w+)+)"
    # a model's name before the kind of machine it is ("Falcon 9 rocket", "Boeing 737 jet")
    r"|\b[A-Z][a-z]+\s+(?P<model>\d{1,4})\s+(?=(?:rocket|jet|jetliner|aircraft|airplane|"
    r"plane|helicopter|missile|spacecraft|capsule|engine|booster|launcher)s?\b)"
    # who owns the text
    r"|(?:\u00a9|\(c\)|\bCopyright)\s*(?P<copy>\d{4})\b"
    # a year naming which one of a series it is: "the 2024 general election"
    r"|\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Tt]his|[Tt]hat)\s+(?P<year>1\d{3}|20\d{2})"
    r"(?=\s+(?:[A-Za-z.]+\s+){0,2}(?:election|outlook|forecast|budget|season|guidance|campaign|"
    r"edition|race|census|report|survey|results?)\b)"
    # the edition of a recurring event: "the 2024 Boston Marathon", "the 2020 Atlantic
    # hurricane season"
    r"|\b[Tt]he\s+(?P<edition>1\d{3}|20\d{2})(?=\s+(?:[A-Z][a-z]+\s+){1,3}(?:[a-z]+\s+)?"
    r"(?:Olympics|Olympic|Games|Paralympics|Marathon|Cup|Championships?|Open|Grand\s+Prix|"
    r"Series|Bowl|Tour|Festival|Expo|Summit|season)\b)"
    # a place named by its number: "launchpad 40", "Gate 5", "Route 66"
    r"|\b(?:[Ll]aunch\s*pad|[Pp]ad|[Ll]aunch\s+[Cc]omplex|[Gg]ate|[Pp]latform|[Rr]unway|[Pp]ier|"
    r"[Bb]erth|[Tt]erminal|[Hh]angar|[Rr]oute|[Hh]ighway|[Ii]nterstate)\s+(?P<place>\d{1,4}[A-Z]?)\b"
    r"(?![.,]?\d|\s*%|\s*(?:percent|per\s+cent|feet|miles|meters|metres|km)\b)"
    # a phone number: "951-696-3615", "(951) 696-3615"
    r"|(?P<phone>(?<![\w-])(?:\(\d{3}\)\s?|\d{3}[-.])\d{3}[-.]\d{4}(?![\w-]))"
    # a year clipped in speech: "in '64", "in \u201964"
    r"|(?<![\w\d])['\u2019](?P<clipped>\d{2})(?!\w)"
    # a reference mark: "[1]", "[2][3]", as encyclopedias cite their sources
    r"|\[(?P<cite>\d{1,3})\]"
    # the same mark as a copy of a page's markup leaves it: "towers,\\17])", "\\[17\\]"
    r"|\\\[?(?P<cite2>\d{1,3})\\?\]"
    # one of a numbered set, named by its number: "cell number seven", "Detachment Number 9"
    # (not "a number of", "the number 5", nor a setting such as "position number 6")
    r"|\b(?!(?:[Aa]n?|[Tt]he|[Aa]ny|[Tt]his|[Tt]hat|[Tt]otal|[Ss]ame|[Rr]ecord|[Pp]osition|"
    r"[Nn]otch|[Ll]evel|[Ss]etting|[Gg]rade|[Ss]tep|[Rr]ank)\b)[A-Za-z]+\s+[Nn]umber\s+"
    rf"(?P<numbered>\d{{1,5}}|{_WORDS})\b(?![.,]\d|\s*%)"
    # an emergency line called: "calls 911", "dialled 999", "a 911 call"
    r"|\b(?:call(?:s|ed|ing)?|dial(?:s|ed|led|ing)?|phoned?|ring)\s+(?P<line>911|999|112)\b"
    r"|\b(?P<line2>911|999)\s+(?=(?:calls?|callers?|dispatch\w*|operators?|centers?|centres?)\b)"
    # an address: "370 Moorabool Street", a postcode after its state ("VIC 3220" ending
    # its line, "MD 20770")
    r"|\b(?P<street>\d{1,5}[A-Z]?)\s+(?=(?:[A-Z][a-z]+\s+){1,3}(?:Street|St\.|Avenue|Ave\.|"
    r"Road|Rd\.|Boulevard|Blvd\.|Lane|Drive|Parade|Terrace)(?!\w))"
    r"|\b(?:VIC|NSW|QLD|TAS|ACT|NT|SA|WA)\s+(?P<post>\d{4})(?=[^\S\n]*(?:\n|$|[,)]))"
    r"|\b[A-Z]{2}\s+(?P<zip>\d{5})(?:-\d{4})?\b"
    # a broadcaster's name: its call letters or network and its channel ("KIRO 7 News")
    r"|\b(?:[KW][A-Z]{2,3}(?:-TV)?|Channel|FOX|Fox|NBC|ABC|CBS)\s+(?P<channel>\d{1,2})\b"
    r"(?![.,:]?\d|\s*%)"
    # a score or a tally, the second figure no greater: "49' 1-0 B. Berisha", "won 3-1",
    # "a 5-4 ruling" (an ascending pair, "3-4 inches", is a range: see _score)
    r"|(?<![\w.,:/\u2013-])(?P<score>(?P<s1>\d{1,2})[-\u2013](?P<s2>\d{1,2}))(?![\w.,:/\u2013%-])"
    # a number word written with a capital inside a sentence, before a capitalised word, is
    # part of a name: "shares of Four Seasons Hotels" (not a headline's "With Two Dead")
    r"|(?<![A-Za-z])[a-z]+\s(?P<titled>"
    + "|".join(w.capitalize() for w in sorted(CARDINALS, key=len, reverse=True))
    + r")(?=\s+[A-Z][a-z])"
    # a count that is part of a reference back: "the two nations", "these three men"
    r"|\b(?:[Tt]he|[Tt]hese|[Tt]hose)\s+(?P<pair>two|three|four|five|six|seven|eight|nine|ten)"
    r"(?=\s+[a-z]+\b)(?!\s+(?:of|to|and|or|percent|per)\b)"
)
_GROUPS: Final = (
    "ref",
    "id",
    "model",
    "copy",
    "year",
    "edition",
    "place",
    "phone",
    "clipped",
    "cite",
    "cite2",
    "numbered",
    "line",
    "line2",
    "street",
    "post",
    "zip",
    "channel",
    "score",
    "pair",
    "titled",
)


def name_figure_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where figures that are part of a name or a reference stand in ``text[start:end]``."""
    out = []
    for m in _NAME_FIGURES.finditer(text, start, end):
        group = next(g for g in _GROUPS if m[g] is not None)
        if group == "score" and int(m["s2"]) > int(m["s1"]):
            continue  # "3-4 inches": a range, which the number reader reads
        out.append(m.span(group))
    return out
