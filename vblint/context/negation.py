"""Negation and modality before a match: "she is not streetwise", "a 13yo cannot consent", "even if it appears
consensual". Like medspaCy's ConText, a trigger looks forward over a short scope that ends at a clause break."""

from __future__ import annotations

from vblint.context.people import could_be_name
from vblint.context.view import CLAUSE_BREAKS, DocView
from vblint.inflect import inflections_of_verb, is_finite_verb

# "nt" is what spaCy leaves of an unapostrophised "isnt", "didnt", "wasnt".
TRIGGERS = {"not", "n't", "nt", "no", "never", "cannot", "nor", "neither", "without", "unable", "incapable", "nothing",
            "none", "nobody", "cant", "dont", "doesnt", "isnt", "wasnt", "didnt", "wont", "shouldnt", "couldnt",
            "arent", "werent", "deny", "denies", "denied", "denying", "unlikely", "whether", "lack", "lacks"}
# Words that open a two-word trigger: "even if it appears consensual", "regardless of", "irrespective of".
PAIRED = {("even", "if"), ("even", "where"), ("even", "when"), ("even", "though"), ("regardless", "of"),
          ("irrespective", "of"), ("as", "if"), ("rather", "than"), ("instead", "of")}
# Look like negation but are not: "not only", "no doubt she is streetwise", "no longer engaging".
# "can't rule out she's making it up" asserts the possibility.
_RULE_OUT = {"rule", "exclude", "discount", "discounted", "excluded", "ruled"}
PSEUDO_NEXT = {"not": {"only", "just", "least", "always", "sure", "yet", "much"} | _RULE_OUT,
               "no": {"doubt", "longer", "question", "stranger"}, "n't": {"only", "just", "doubt"} | _RULE_OUT,
               "nt": {"only", "just", "doubt"} | _RULE_OUT, "cannot": _RULE_OUT, "cant": _RULE_OUT,
               "without": {"doubt"}, "nothing": {"but"}, "never": {"mind"}}
# "doesn't help herself", "didn't do himself any favours": a blaming idiom that holds its own negation.
_SELF_HELP = {("help", "herself"), ("help", "himself"), ("help", "themselves"), ("help", "themself"),
              ("do", "herself"), ("do", "himself"), ("do", "themselves")}
# A question that opens the match: "what did she expect".
_ASKING = {("did",), ("does",), ("do",), ("was",), ("were",), ("is",)}
# "and" starts a new predicate when followed by one of these ("did not attend and is streetwise").
_NEW_PREDICATE = {"is", "was", "are", "were", "has", "had", "have", "she", "he", "they", "it", "will", "would",
                  "can", "could", "does", "did", "appears", "seems", "keeps", "continues", "then", "also", "wo",
                  "ca", "do", "goes", "went", "gets", "got", "says", "said", "refuses", "declines", "fails",
                  "chose", "chooses", "left", "leaves", "ran", "runs", "took", "takes", "made", "makes", "came",
                  "comes", "knew", "knows", "sent", "sends", "kept"}
_CONCEDED = {"says", "said", "claims", "claimed", "thinks", "thought", "insists", "insisted", "states", "stated"}
# Words that follow a verb as its object: "plays Mum up", "winds staff up", "gives them grief".
_OBJECTS = {"her", "him", "them", "me", "us", "mum", "mam", "dad", "staff", "carers", "everyone", "people", "the",
            "his", "their"}
_PROGRESSIVE = {"is", "was", "are", "were", "'s", "am", "be", "been"}
_NOUN_NEGATORS = {"no", "nothing", "none", "nobody", "without"}
_NOT_VERBS = {"being", "thing", "nothing", "anything", "something", "everything"}
DEFAULT_SCOPE = 8
# A clause opening with these has a negation before it in another clause.
_OPENS_CLAUSE = {"unless", "until", "if", "when", "whenever", "because", "every", "each"}
# Verbs of bearing or going on: a negation before them is about the adults, and what follows is their object.
_BEARING = {"manage", "cope", "tolerate", "handle", "stand", "deal", "keep", "control", "contain", "afford"}
# "There is no suggestion that anything that happened in that car was consensual": a denial of evidence governs the
# whole clause it introduces, however long.
_EVIDENCE = {"suggestion", "evidence", "indication", "basis", "sign", "signs", "suggest", "suggests", "indicate",
             "indicates", "reason"}
_WIDE_SCOPE = 20
# A negation before these governs another clause: "not a credible witness given her previous lies".
_SCOPE_ENDS = {"given", "due", "after", "before", "until", "unless", "whereas", "which"}
# An age or bracket between a negation and its phrase does not use up the scope: "no suggestion Skye (14) is".
_FREE = {"(", ")", "aged", "yo", "yrs"}


def is_negated(view: DocView, start: int, end: int, scope: int = 0) -> bool:
    """True when a negation or hypothetical trigger governs the match ``[start, end)``."""
    words = view.words
    if words[start] in _OPENS_CLAUSE or (words[start] == "what" and words[start + 1:start + 2] in _ASKING):
        # "Nothing more we can do unless she helps herself", "Riding with no lid ... what did he expect": the
        # negation is another clause's
        return False
    for i in _scope(view, start, scope or DEFAULT_SCOPE):
        w = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if w == "and" and (new_predicate(words, i) or (i + 1 == start and nxt in TRIGGERS)):
            return False  # "will not support a prosecution and declined to ...": a new predicate
        if w in _BEARING:
            return False  # "can't manage his lying", "can't keep deploying every time she ...": what is negated
            # is the adults' bearing it, not what the child does
        if w in _NOUN_NEGATORS and "," in words[i + 1:start]:
            continue  # "NO CONCERNS, LAD WILL TURN UP": "no" negates its noun, not the clause after the comma
        if w == "," and nxt in _CONTRAST:
            return False  # "Not a trafficking case IMO, more a family employment matter": what follows is asserted
        if w == "," and (words[start] in TRIGGERS or new_predicate(words, i)):
            return False  # "not home, no major worries", "NOT HOME SINCE 1600, DOES THIS ALL THE TIME"
        if w == "nothing" and i >= 2 and words[i - 2:i] in {("next", "to"), ("all", "but")}:
            continue  # "wearing next to nothing"
        if w in {"not", "n't", "nt"} and words[i + 1:i + 3] in {("the", "first"), ("for", "the")}:
            continue  # "it's not the first time she's cried wolf", "not for the first time": it has happened
        if (w in {"no", "nothing"} and words[i + 1:i + 3] == ("more", "than")) or (w, nxt) == ("no", "different"):
            continue  # "nothing more than teenage misadventure", "no different to any other 16yo": it minimises
        if w in TRIGGERS and words[i + 1:i + 3] in _SELF_HELP and "," in words[i + 3:start]:
            return False  # "She doesn't help herself, posting her location": the idiom's "not" is its own
        if w == "no" and nxt == "question" and words[i + 2:i + 3] == ("of",):
            return True  # "no question of a consensual relationship"; but "no question she is streetwise" asserts
        if w in TRIGGERS and nxt not in PSEUDO_NEXT.get(w, ()):
            if "," in words[i + 1:start] and _in_subordinate_clause(words, i, view.sent_start[start]):
                return False  # "when he doesn't get his own way, classic attention seeking": the comma closes it
            if nxt.endswith("ing") and i + 1 < start and nxt not in _NOT_VERBS \
                    and not (i > 0 and words[i - 1] in _PROGRESSIVE):
                # "her reasons for not attending are not credible": the trigger negates "attending"; but "she is
                # not making a lifestyle choice" negates the clause
                continue
            return True
        if (w, nxt) in PAIRED:
            return True
        if w == "whatever" and words[i + 2:i + 3] and words[i + 2] in _CONCEDED:
            return True  # "whatever she says about wanting the money": the writer concedes, not asserts
    return _evidence_denied(view, start) or _not_because(view, start)


# After a negation and a comma, these set what is asserted against what was denied: "not X, just Y".
_CONTRAST = {"more", "just", "rather", "instead", "simply", "merely", "only", "but"}
# Words that open a subordinate clause, which a comma closes: "when he doesn't get his way, ...".
_SUBORDINATE = {"when", "whenever", "if", "unless", "because", "cos", "until", "once", "while", "whilst", "although",
                "though", "after", "before"}


def _in_subordinate_clause(words: tuple[str, ...], trigger: int, floor: int) -> bool:
    """True when the negation at ``trigger`` stands in a subordinate clause opened a few words before it."""
    for j in range(trigger - 1, max(floor, trigger - 6) - 1, -1):
        if words[j] in _SUBORDINATE:
            return True
        if words[j] in CLAUSE_BREAKS or words[j] == ",":
            return False
    return False


def _evidence_denied(view: DocView, start: int) -> bool:
    """ "no suggestion that ...", "nothing to indicate ...", "does not suggest ...", further back than the scope."""
    words = view.words
    for i in _scope(view, start, _WIDE_SCOPE):
        w = words[i]
        if w == "and" and new_predicate(words, i):
            return False
        if w in _EVIDENCE and (any(x in TRIGGERS for x in words[max(0, i - 3):i])
                               or words[max(0, i - 4):i - 2] == ("none", "of")):  # "none of the data suggests"
            return True
    return False


def new_predicate(words: tuple[str, ...], i: int) -> bool:
    """ "and" at ``i`` opens a new predicate: "and declined", "and is", "and tbh she'd", "and at 15 is"."""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if (nxt.endswith("ed") and len(nxt) > 4) or (nxt.isalpha() and is_finite_verb(nxt)):
        return True  # "is no angel and gives as good as she gets"
    if could_be_name(nxt) and _verb_follows(words, i + 2):
        return True  # "and Jade (14) has since gone": a new subject and its verb
    after = words[i + 2] if i + 2 < len(words) else ""
    if nxt.endswith("s") and nxt.isalpha() and inflections_of_verb(nxt) and (
            after in _OBJECTS or (could_be_name(after) and after not in _NEW_PREDICATE)):
        return True  # "and plays Mum up", "and winds staff up": a verb that may be a noun, with its object
    return any(w in _NEW_PREDICATE for w in words[i + 1:i + 4])


# Adverbs between a subject and its verb: "as Lacey always turns up".
_FREQUENCY = {"always", "usually", "often", "normally", "generally", "typically", "sometimes", "still", "already",
              "just", "also", "probably"}


def _verb_follows(words: tuple[str, ...], i: int) -> bool:
    """True when the word at ``i`` (after a name, perhaps its bracketed age) is a verb: the name opens a clause."""
    adverb = False
    while i < len(words) and (words[i] in {"(", ")"} | _FREE | _FREQUENCY or words[i].isdigit()):
        adverb = adverb or words[i] in _FREQUENCY
        i += 1
    w = words[i] if i < len(words) else ""
    if adverb and w.isalpha() and inflections_of_verb(w):
        return True  # "as Lacey always turns up": after an adverb, "turns" is the verb
    return w in _NEW_PREDICATE or (w.isalpha() and is_finite_verb(w)) or w in {"'s", "'ll", "'d", "'ve"}


def _not_because(view: DocView, start: int) -> bool:
    """ "not because she is crying wolf": "not" before "because" denies the reason the clause gives."""
    words = view.words
    for i in range(start - 1, view.sent_start[start] - 1, -1):
        if words[i] in CLAUSE_BREAKS:
            return words[i] == "because" and i > 0 and words[i - 1] in {"not", "n't", "nt"}
    return False


def _scope(view: DocView, start: int, limit: int) -> list[int]:
    """Tokens before ``start`` in its clause, nearest first: ``limit`` words, not counting an age in brackets."""
    words = view.words
    out: list[int] = []
    counted = 0
    i = start - 1
    floor = view.sent_start[start] if start < len(words) else 0
    while i >= floor and counted < limit:
        w = words[i]
        if w == ")" and "(" in words[max(floor, i - 3):i] and any(x.isdigit() for x in words[max(floor, i - 3):i]):
            # "(14)", "(aged 14)", "(14 yo)": skip the bracketed age whole.
            j = i - 1
            while j >= floor and words[j] != "(":
                j -= 1
            i = j - 1
            continue
        if w in CLAUSE_BREAKS or w in _SCOPE_ENDS or (w in {"as", "so", "since"} and (
                words[i + 1] in {"she", "he", "they", "it", "we", "both"} or (could_be_name(words[i + 1])
                                                                       and _verb_follows(words, i + 2)))):
            break  # "as Jade is 15", not "treated as typical teenage behaviour"
        if w == "by" and i > floor and words[i - 1] in {"herself", "himself", "themselves", "themself", "help",
                                                        "matters", "things"}:
            break  # "did not help herself by going off to meet ...", "didn't help by winding him up": asserted
        out.append(i)
        if w not in _FREE and not w.isdigit():
            counted += 1
        i -= 1
    return out
