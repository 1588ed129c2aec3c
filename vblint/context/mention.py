"""Mentions: training text, audit findings and supervisors' corrections that name a phrase to warn against it
("avoid terms such as 'streetwise'", "do not describe her as having put herself at risk"). A mention is not a use.
"""

from __future__ import annotations

from vblint.context.negation import new_predicate
from vblint.context.quotation import Quote
from vblint.context.view import CLAUSE_BREAKS, HYPHEN, DocView

_META_NOUNS = {"term", "terms", "phrase", "phrases", "phrasing", "wording", "language", "terminology", "expression",
               "expressions", "label", "labels", "labelling", "labeling", "vocabulary"}
_NOT_META_BEFORE = {"bad", "foul", "abusive", "body", "sign", "first", "strong", "threatening", "offensive",
                    "derogatory", "racist", "homophobic", "sexual", "explicit", "obscene",
                    # the school term: "disruptive in class all term"
                    "all", "next", "last", "school", "summer", "autumn", "spring", "previous", "half", "whole",
                    "second", "third", "current"}
_AVOID = {"avoid", "avoids", "avoiding", "challenge", "challenged", "challenging", "amend", "amended", "reword",
          "reworded", "rephrase", "rephrased", "replace", "replaced", "correct", "corrected", "remove", "removed",
          "against", "warn", "warns", "warned", "warning"}
_AVOID_OBJECTS = {"using", "use", "describing", "saying", "calling", "referring", "labelling", "labeling", "writing",
                  "recording", "the", "such", "phrases", "terms", "words", "language", "wording", "phrase", "term",
                  "'", '"', ":", "-", "this", "that", "references", "reference", "any", "to"}
_SPEECH_ACTS = {"use", "using", "describe", "describing", "described", "say", "saying", "write", "writing",
                "record", "recording", "recorded", "refer", "referring", "referred", "call", "calling", "called",
                "label", "labelling", "labelled", "suggest", "imply", "implying", "frame", "framing", "framed",
                "portray", "characterise", "characterize", "present", "word", "phrase"}
# What a reviewer removes: "take out the comments about ...", "delete the reference to ...".
_REMARKS = {"comment", "comments", "remark", "remarks", "reference", "references", "description", "descriptions",
            "mention", "mentions", "line", "lines", "wording", "words"}
_NEGATORS = {"not", "n't", "nt", "dont", "never", "avoid", "stop", "stopped", "quit", "cease"}
# "it would be wrong to say", "it is unfair to describe": a speech act the writer disowns.
_WRONG = {"wrong", "inaccurate", "unfair", "incorrect", "misleading", "inappropriate", "unhelpful"}
_SCOPE_BREAKS = {".", ";", "-", "\u2013", "\u2014", ":", "but", "because", "so"}
# A quoted phrase given as an example is being talked about: 'examples include "places herself in ..."'.
_LISTING = {"example", "examples", "include", "includes", "including", "included", "instance", "instances", "e.g",
            "eg", "like"}
_HYPHENS = {"-", HYPHEN, "\u2010", "\u2011"}
# Not counted as words between a negated speech act and its match: the pieces of "14-year-old", quote marks.
_UNCOUNTED = {"-", HYPHEN, "year", "years", "yr", "yrs", "old", "\"", "'"}
_BLAMING = {"blaming", "blame", "victim-blaming"}
# Between the items of a list of quoted terms: '"drug runner", "sex worker" or "street-wise"'.
# '... "chose to go missing", is "streetwise" or is "with her boyfriend"': a verb may repeat before each item.
_LIST_GLUE = {",", "or", "and", "/", ";", "nor", "and/or", " ", "is", "are", "was", "as"}
# Words that correct the wording just quoted or reported: '"making poor choices" - please amend'.
_CORRECTING = {"amend", "amended", "amending", "reword", "reworded", "rephrase", "rephrased", "rewrite", "rewritten",
               "remove", "removed", "delete", "deleted", "inaccurate", "inappropriate", "unacceptable", "instead",
               "incorrect", "wrong", "challenged", "challenge", "stop", "corrected", "regraded", "overridden",
               "disagree", "disagreed", "withdrawn", "retracted", "rescinded", "struck", "correction"}
# These correct only when negated: "this was not accurate", "should not appear in our records".
_CORRECTING_NEGATED = {"accurate", "appropriate", "acceptable", "appear", "used", "use", "recorded", "written",
                       "supported", "justified", "evidenced", "approach", "reason", "grounds", "basis", "factor",
                       "factors", "rationale"}
# The record whose wording a reviewer reports in order to correct it: "Earlier log describes her as ...".
_RECORDS = {"log", "logs", "entry", "entries", "record", "records", "note", "notes", "narrative", "summary", "file",
            "referral", "assessment", "report", "form", "vist", "cad", "niche", "minutes", "handler", "mum", "mum's",
            "document", "documents", "documentation", "paperwork", "statement", "intel", "intelligence", "update",
            "updates", "chart", "briefing",
            "staff", "carer", "carers", "caller", "school", "parents", "dad", "officer", "'s"}
_RECORD_VERBS = {"describes", "described", "describing", "states", "stated", "stating", "says", "said", "records",
                 "recorded", "recording", "calls", "called", "calling", "refers", "referred", "referring", "labels",
                 "labelled", "labelling", "has", "had", "notes", "noted", "description", "view", "graded", "assessed",
                 "felt", "feels", "thought", "thinks", "believed", "believes", "suggesting"}


def _is_meta(words: tuple[str, ...], i: int) -> bool:
    w = words[i]
    if w in _BLAMING:
        # "victim-blaming language" talks about words; "she only has herself to blame" blames
        return w == "victim-blaming" or (w == "blaming" and "victim" in words[max(0, i - 2):i])
    if w == "terms" and i > 0 and words[i - 1] == "in" and words[i + 1:i + 2] == ("of",):
        return False  # "in terms of risk to Tyler"
    if w in {"term", "terms"} and i > 0 and words[i - 1] in {"this", "that"} and (
            i + 1 >= len(words) or not words[i + 1].isalpha() or words[i + 1] in {"and", "at", "in", "so"}):
        return False  # "in isolation twice this term": the school term
    if w == "term" and i > 0 and words[i - 1] in {"of", "during", "until", "til", "till", "mid"}:
        return False  # "on the last day of term": the school term; a word about words takes an article
    # A hyphen before it makes a compound, not a word about words: "long-term", "half-term".
    return w in _META_NOUNS and (i == 0 or (words[i - 1] not in _NOT_META_BEFORE and words[i - 1] not in _HYPHENS))


def is_mention(view: DocView, start: int, end: int, quote: Quote | None = None,
               quotes: list[Quote] | tuple[Quote, ...] = ()) -> bool:
    """True when the sentence around ``[start, end)`` talks about the words rather than using them."""
    words = view.words
    sentence = view.sentence(start)
    outside = [i for i in sentence if not start <= i < end]
    quoted = quote is not None
    if any(_is_meta(words, i) for i in outside):
        return True
    if quote is not None and _in_list(view, quote, quotes):
        return True
    if (quoted or _reported_record(view, start, end)) and _corrected(view, end):
        return True
    if _dismissed(view, end):
        return True  # "being street smart is not a factor I can grade on"
    if sentence.start < start and words[sentence.start].endswith("ing") \
            and words[sentence.start] in _SPEECH_ACTS | {"labelling", "labeling", "calling", "using"} \
            and words[sentence.start + 1] != "as" \
            and (quoted or "as" in words[max(sentence.start, start - 3):start]):
        # 'Describing girls as "flirty" sexualises them', "Describing him as knowing the score doesn't help": the
        # gerund talks about the wording; "Recording as absent rather than missing" is the writer's own act
        return True
    if quoted:
        if any(words[i] in _LISTING for i in outside):
            return True
        # Audit prose names the problem in one sentence and quotes the examples in the next.
        if sentence.start > 0 and any(_is_meta(words, i) for i in view.sentence(sentence.start - 1)):
            return True
    for i in (j for j in outside if j < start):
        w = words[i]
        nxt = words[i + 1:i + 3]
        if w in _AVOID and nxt and nxt[0] in _AVOID_OBJECTS | {words[start]}:
            return True
        if w == "out" and quoted and i > 0 and words[i - 1] in {"take", "took", "taken", "taking"} and start - i <= 3:
            return True  # 'Take out "knows exactly what he's doing" as well'
        # "Avoid closing on 'returned safe and well' alone": the quoted words are the thing to avoid.
        if w in _AVOID and quoted and start - i <= 6:
            return True
        disowning = w in _NEGATORS or (w in _WRONG and nxt[:1] == ("to",)) \
            or (w, *nxt[:1]) in {("rather", "than"), ("instead", "of")}
        if disowning and any(x in _SPEECH_ACTS for x in words[i + 1:min(i + 5, start)]) and _in_scope(words, i, start):
            # "do not describe her as ...", "it would be wrong to say he put himself at risk", "rather than writing
            # a child up as non-compliant"
            return True
        if w in _REMARKS and any(x in _AVOID | _CORRECTING | {"out"} for x in words[max(0, i - 3):i]) \
                and _in_scope(words, i, start):
            return True  # "please take out the comments about him ... being a handful"
        if w in _REMARKS and words[i + 1:i + 2] in (("about",), ("to",), ("describing",)) and start - i <= 8 \
                and _corrected(view, end):
            return True  # "References to her being sexually active have been removed from the record"
        if (w, *nxt[:1]) in {("instead", "of"), ("rather", "than"), ("such", "as"), ("e.g",), ("eg",)} and quoted:
            return True
    return False


def _in_scope(words: tuple[str, ...], negator: int, start: int) -> bool:
    """True when a negated speech act at ``negator`` reaches the match: near it, or through a list joined by "or"
    ("pls dont describe Jordan as 'part of the Eastside lot' or say hes reaping what he sows")."""
    if any(words[k] == "and" and new_predicate(words, k) for k in range(negator + 1, start)):
        return False  # "is not willing to say where she was and chose to go back": a new predicate, a use
    if start - negator - sum(1 for k in range(negator + 1, start) if words[k] in _UNCOUNTED) <= 8:
        return True  # "do not record that a 14-year-old is going OT": the age is one word, however tokenised
    if any(words[k] in _SCOPE_BREAKS for k in range(negator + 1, start)):
        return False
    before = start - 1 - (words[start - 1] in {"a", "an", "the"})
    if words[before] == "as" and start - negator <= 20:
        return True  # "do not describe contact between a 19 year old and a 15 year old as consensual"
    return any(words[k] in {"or", "nor"} for k in range(max(negator + 1, start - 8), start))


def _in_list(view: DocView, quote: Quote, quotes: list[Quote] | tuple[Quote, ...]) -> bool:
    """True when the quote is one of a list of quoted terms: training and audit text naming phrases."""
    words = view.words
    for other in quotes:
        if other is quote:
            continue
        gap = range(other.close + 1, quote.open) if other.close < quote.open else range(quote.close + 1, other.open)
        if len(gap) <= 3 and all(words[i] in _LIST_GLUE for i in gap):
            return True
    return False


def _reported_record(view: DocView, start: int, end: int) -> bool:
    """True when a record is the subject that says the words: "Earlier log describes her as refusing to engage",
    "had been logged as absent"."""
    words = view.words
    before = []
    for i in view.before(start, 12, clause=False):
        if words[i] in CLAUSE_BREAKS - {"(", ")"} or len(before) >= 10:
            break  # a bracketed age does not end the clause: "assessment says Kayla (15) always ..."
        before.append(i)
    for i in [*range(start, end - 1), *before]:
        if words[i] in _RECORD_VERBS and any(words[j] in _RECORDS for j in range(max(0, i - 3), min(start, i + 5))):
            return True  # "log describes her as", "described in previous logs as"
        if words[i] in {"logged", "recorded", "graded", "flagged", "classed"} and words[i + 1] == "as":
            return True  # "had been logged as absent"
    return False


def _corrected(view: DocView, end: int) -> bool:
    """True when the words after the match, to the end of its sentence and the start of the next, correct it."""
    words = view.words
    if end >= len(words):
        return False
    stop = view.sent_end[end - 1]
    following = list(range(end, stop))
    if stop < len(words):
        following += list(range(stop, min(view.sent_end[stop], stop + 6)))
    return any(words[i] in _CORRECTING
               or (words[i] == "read" and words[i - 1] in {"should", "to", "must", "now"})  # '"X" should read "Y"'
               or (words[i] in _CORRECTING_NEGATED
                   and any(w in _NEGATORS | {"neither"} for w in words[max(0, i - 6):i]))
               or (words[i] == "out" and any(w in {"taken", "take", "took", "cut"} for w in words[max(0, i - 6):i]))
               for i in following)


_DISMISSING = {"factor", "factors", "reason", "rationale", "grounds", "basis", "relevant", "excuse", "explanation"}


def _dismissed(view: DocView, end: int) -> bool:
    """True when the words right after the match say it does not count: "... is not a risk factor", "... are no
    reason to lower the grading". The writer names the wording to set it aside."""
    words = view.words
    if end >= len(words):
        return False
    stop = view.sent_end[end - 1]
    # The match may be one of several things set aside together: "What she was wearing and whether she had been
    # drinking are not relevant to his offending".
    for k in range(end, min(stop, end + 12)):
        if (k > end and words[k] in CLAUSE_BREAKS - {"and", "or"}) or words[k] == ",":
            return False
        after = words[k:min(stop, k + 7)]
        if after[0] not in {"is", "are", "was", "were", "'s"}:
            continue
        # "who sent the first message is irrelevant to consent", "... is not a risk factor"
        if after[1:2] in (("irrelevant",), ("immaterial",)) or (
                any(w in {"not", "n't", "nt", "no", "never"} for w in after[1:3])
                and any(w in _DISMISSING for w in after[2:])):
            return k == end or after[0] in {"are", "were"}  # several things set aside take a plural verb
    return False

