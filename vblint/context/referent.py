"""Who a match is about: a child, or an adult (a suspect, a parent, an officer, an organisation).

There is no parser in the pipeline, so this reads the words a note-writer puts next to the phrase: the subject
just before it ("DS Adams chose to delay", "the suspect (34) is a known drug dealer", "Jade (15) chose to"), the
noun just after it ("a manipulative male", "a streetwise lad"), and ages ("(34)", "15yo", "aged 14"). When nothing
says otherwise the referent is taken to be the child the note is about: that is who police notes about children
are mostly about, and a missed adult referent costs less than a missed blaming phrase.
"""

from __future__ import annotations

import re

from vblint.context.people import (
    ADULT_AGE,
    ADULT_ANY,
    ADULT_FEMALE,
    ADULT_MALE,
    AGE_TOKEN,
    APPROX,
    CHILD,
    FEMALE_WORDS,
    FUNCTION_WORDS,
    MALE_WORDS,
    MORE_PREPOSITIONS,
    OBJECT_PREPOSITIONS,
    PLURAL_PERSONS,
    PREPOSITIONS,
    PRONOUNS,
    SKIP,
    TITLES,
    Referent,
    age_after,
    age_at,
    age_in_brackets,
    bracket_open,
    by_age,
    cast,
    could_be_name,
    looks,
    other_gender,
    word_at,
    words_name,
)
from vblint.context.view import CLAUSE_BREAKS, DocView

_HEADER_NOUNS = {"update", "updates", "note", "notes", "review", "comment", "comments", "entry", "report", "log",
                 "summary", "rationale", "assessment", "feedback", "endorsement", "decision"}
_TIME = re.compile(r"^\d{3,4}(hrs|hours|h)?$")
_REPORTING = {'"', "'", ':', 'added', 'advised', 'advises', 'alleged', 'alleges', 'assessed',
              'assesses', 'aware', 'believe', 'believed', 'believes', 'claimed', 'claims', 'concerned',
              'confirmed', 'confirms', 'considered', 'considers', 'described', 'describes', 'disclosed',
              'discloses', 'explained', 'explains', 'feel', 'feels', 'felt', 'know', 'knows', 'note',
              'noted', 'notes', 'recorded', 'records', 'report', 'reported', 'reports', 'said', 'say',
              'says', 'stated', 'states', 'suspected', 'tells', 'that', 'think', 'thinks', 'thought',
              'told', 'worried', 'writes', 'wrote', 'state', 'advise', 'inform', 'informs',
              'insists', 'insisted', 'reckoned', 'flagged', 'flags',
              'informed', 'indicate', 'indicates', 'indicated', 'suggest', 'suggests', 'suggested', 'reckon',
              'reckons', 'mention', 'mentions', 'mentioned', 'add', 'adds', 'describe', 'claim', 'consider',
              'find', 'finds', 'deem', 'deems', 'deemed', 'regard', 'regards', 'regarded', 'see', 'sees', 'view',
              'views', 'viewed', 'rate', 'rates', 'rated', 'class', 'classes', 'classed', 'label', 'labels'}
# Verbs by which a record rather than a person reports: "intel suggests he is ...", "records show he ...".
_EVIDENTIAL = {"suggest", "suggests", "suggested", "indicate", "indicates", "indicated", "shows", "show", "showed",
               "confirms", "confirmed", "says", "states"}
_RECORD_SOURCES = {"intel", "intelligence", "enquiries", "records", "checks", "pnc", "niche", "cctv", "footage",
                   "evidence", "information", "research", "it", "this", "which"}
_NAME_BEFORE = {"that", ",", "and", ";", ":", "-", "but", "so", "as", "because", "although", "while", "whilst",
                "then", "when", "if", "unless", "since", "though", "report", "reports", "reported", "says", "said",
                "feel", "feels", "felt", "think", "thinks", "believe", "believes", "note", "notes", "noted", "states",
                "stated"}
_OBSERVING = _REPORTING | {"describe", "describes", "call", "calls",
                           "asked", "asks", "raised", "concern", "concerns", "concerned", "worried", "report",
                           "believe", "believes", "feel", "feels", "about", "re", "regarding", "heard", "saw", "seen",
                           "found", "noticed", "told", "observed", "fear", "fears"}
CLAUSE_BREAKS_HERE = CLAUSE_BREAKS - {"(", ")"}
_REFLEXIVE = {"herself", "himself"}
_NOMINATIVE = {"she", "he", "they", "we", "i"}
_FINITE = {"will", "would", "wo", "is", "was", "has", "had", "does", "did", "can", "could", "ca", "may", "might",
           "must", "should", "shall"}
# "after school", "outside the club": the place or time, not a person acting.
_PLACE_PREPOSITIONS = {"after", "before", "during", "outside", "inside", "near", "behind", "since", "until"}
_SUSPECTS = {"suspect", "susp", "male", "man", "offender", "nominal", "defendant", "accused", "perpetrator"}
# People a note finds at a scene, named by what they are there: "Occupant Jordan NEALE (29) was drunk. He has ...".
_AT_THE_SCENE = {"occupant", "driver", "tenant", "householder", "homeowner", "keyholder"}
_SUBJECT_OPENERS = {"the", "a", "an", "this", "nominal", "named", "another", "one", "other", "update", ":", "-"}
# Words inside a noun phrase between a preposition and its person: "with the two older males", "by her mum".
_NOUN_PHRASE = {"the", "a", "an", "two", "three", "four", "several", "some", "older", "adult", "adults", "known",
                "his", "her", "their", "my", "our", "unknown", "other", "young", "male", "female", "local", "school",
                "(", ",", "both", "same", "named", "many", "various", "multiple", "attending", "arresting",
                "investigating", "responding", "reporting", "duty", "aged"} | APPROX
# How far back in its clause the subject of a match may be: "IP (15) was a willing participant in the earlier
# meetings and is not a credible witness".
_CLAUSE_REACH = 20
# Adjective-like person words that modify the noun a match opens with: "adult drug dealers", "male associates".
_ADULT_ADJECTIVES = {"adult", "adults", "male", "female", "grown", "older"}
_SUBORDINATORS = {"unless", "if", "when", "because", "as", "since", "so", "while", "whilst", "until", "once",
                  "whether", "though", "although"}
_QUANTIFIERS = {"most", "some", "all", "many", "none", "one", "each", "few", "several", "both", "any", "half", "two",
               "three", "majority", "rest", "lots", "lot", "number", "either", "neither"}
_COERCION = {"made", "make", "makes", "making", "forced", "forcing", "force", "forces", "coerced", "coercing",
             "coerce", "coerces", "pressured", "pressuring", "pressurised", "pressurising", "pressurized", "groomed",
             "grooming", "manipulated", "manipulating", "persuaded", "persuading", "incited", "inciting", "blackmailed",
             "blackmailing", "threatened", "threatening", "told", "telling", "tells", "ordered", "ordering",
             "instructed", "instructing", "encouraged", "encouraging", "compelled", "tricked", "bribed", "used",
             "bullied", "bullying", "roped", "lured", "luring", "enticed", "enticing", "conned", "pressganged",
             "demanded", "demanding", "demands", "demand",
             "uses", "using", "recruit", "recruits", "recruited", "recruiting", "exploit", "exploits", "exploited",
             "exploiting", "target", "targets", "targeted", "targeting", "trafficked", "trafficking"}
_USING = {"used", "uses", "using"}
_ADULT_NOUNS = {"male", "males", "man", "men", "adult", "adults", "suspect", "suspects", "offender", "offenders",
                "nominal", "nominals", "female", "females", "woman", "women", "olders", "elders", "associates"}
# What may stand between the adult's verb and the child's act: the child, an age, "into", "to", "that he".
_COERCED_GAP = {"her", "him", "them", "into", "to", "that", "he", "she", "they", "the", "child", "ip", "yp", "girl",
                "boy", "victim", "girls", "boys", "children", "(", ",", "been", "being", "was", "has", "had", "is",
                "for", "young", "people", "kids", "local", "vulnerable", "younger"}
_HAVE = {"has", "have", "had", "having"}
# Person words a possessor's name owns ("Nash's girlfriend", "Leanne's little brother", "Tiny's main man").
_POSSESSED_PERSONS = {"brother", "sister", "son", "daughter", "cousin", "nephew", "niece", "boyfriend", "girlfriend",
                      "fella", "partner", "ex", "mate", "mates", "friend", "friends", "pal", "man", "lad", "girl",
                      "boy", "runner", "runners", "associate", "associates", "stepson", "stepdaughter", "grandson",
                      "granddaughter", "kid", "kids", "child", "children"}
_POSSESSED_ADJECTIVES = {"little", "older", "younger", "big", "main", "best", "new", "latest", "current", "kid",
                         "baby", "step", "-", "right", "hand", "youngest", "eldest", "oldest"}
# Whom a child tells things: after "told", these are the hearers, not a child made to act.
_TOLD_NOT_THE_CHILD = {"friends", "friend", "mates", "mate", "pals", "peers", "classmates", "staff", "teachers",
                       "teacher", "carers", "carer", "mum", "mam", "dad", "parents", "police", "officers", "school",
                       "everyone", "people", "someone", "anyone", "nan", "sister", "brother", "family", "us", "me"}
# Agencies and bodies: people in the note's grammar, but never "she" or "he".
_ORGANISATIONS = {"cps", "csc", "mash", "council", "force", "team", "service", "services", "agency", "agencies",
                  "school", "police", "ocg", "group", "gang", "yot", "camhs", "nhs", "court", "unit", "home"}
# Verbs whose object is the one spoken to: "advised caller ...", "told mum ...".
_ADDRESSING = {"advised", "advise", "advises", "told", "tell", "tells", "informed", "inform", "informs", "reassured",
               "reassure", "warned", "asked", "updated", "update"}
_PARTICLES = {"out", "up", "off", "round", "over", "in", "down", "back", "around", "about"}
_CONJUNCTIONS = {"and", "or", "but", "then"}
_ARTICLES = {"a", "an", "the"}
_QUOTE_MARKS = {'"', "'", "\u2018", "\u2019", "\u201c", "\u201d"}  # a nickname: "local male 'Uncle Tony' (50)"
_WH = {"what", "that", "who", "whom", "which", "how", "why", "where", "when", "whether"}
_CHILD_NOUNS = (CHILD - PRONOUNS.keys()) - {"victim", "victims", "ip", "resident", "misper", "mispers", "mfh"}
_BE = {"is", "was", "are", "were", "been", "being", "be", "get", "gets", "got", "getting", "'s"}
# "'s" is left out: "Leon's birth father" is a possession, not "Leon is".
_AUXILIARIES = (_BE - {"'s"}) | _HAVE | {"will", "would", "'ll", "'d", "can", "could", "may", "might", "keeps", "kept",
                              "starts", "started", "continues", "continued", "often", "always", "also", "still"}
_COERCED_PERSON = {"her", "him", "them", "he", "she", "they", "child", "ip", "yp", "girl", "boy", "victim", "girls",
                   "boys", "children", "people", "kids"}


def _passive(words: tuple[str, ...], i: int) -> bool:
    """ "is described as", "has been assessed as": the subject is the one described, not an observer."""
    return i > 0 and words[i - 1] in {"is", "was", "are", "were", "been", "being", "be", "'s", "get", "gets", "got"} \
        and (words[i].endswith(("ed", "en")) or words[i] in {"seen", "thought", "told", "felt", "known", "said"})


def _noun_of(words: tuple[str, ...], i: int) -> int | None:
    """The person word at ``i``, or, when ``i`` closes an age in brackets, the noun the age belongs to ("the suspect
    (22)"); None for a bracket with no opening."""
    if words[i] != ")":
        return i
    opening = bracket_open(words, i)
    return None if opening is None else opening - 1


def _object_of_preposition(words: tuple[str, ...], i: int, floor: int) -> bool:
    """True when the person at token ``i`` is the object of a preposition ("with the suspect (22)", "reported by
    mum", "for the males"): the other party in the clause, not its subject."""
    if words[i] in _NOMINATIVE:
        return False  # "as per, she cries wolf": "she" is never a preposition's object
    if i + 1 < len(words) and words[i + 1] in _FINITE:
        return False  # "police NFA as Harvey (15) will not support": a subject, its verb after it
    noun = _noun_of(words, i)  # for an age, the noun it belongs to: "with the suspect (22)"
    if noun is None:
        return False
    j = noun - 1
    steps = 0
    while j >= floor and steps < 6:
        w = words[j]
        if w == "of" and j > floor and words[j - 1] in _QUANTIFIERS:
            # "most of the staff" opens a subject; "with a number of older males" is still an object
            j -= 2
            while j >= floor and words[j] in _ARTICLES:
                j -= 1
            return j >= floor and words[j] in OBJECT_PREPOSITIONS
        if w in OBJECT_PREPOSITIONS or w in _PLACE_PREPOSITIONS or w in MORE_PREPOSITIONS:
            return True
        if w == "off" and (words[i] == ")" or could_be_name(words[i])) and words[i] not in PRONOUNS:
            return True  # "a new phone off Jay Marsden (20)": got from him; but "goes off his own back"
        if w in {"and", "or", "&"} and j > floor and words_name(words[j - 1]) is not None:
            j -= 1  # "warnings from aunt and school": both are the preposition's objects
            steps += 1
            continue
        if w not in _NOUN_PHRASE and w not in _QUOTE_MARKS and not w.isdigit() and AGE_TOKEN.match(w) is None \
                and not could_be_name(w) and words_name(w) is None:
            return False
        j -= 1
        steps += 1
    return False


def _coerced(view: DocView, start: int) -> bool:
    """True when an adult's act governs the match: "coercing Ruby (13) into sending images", "made her bring younger
    girls", "told him he owed them". The words then say what was done to the child, not what she chose."""
    words = view.words
    floor = view.sent_start[start] if start < len(words) else 0
    j = start - 1
    steps = 0
    person = False  # the child must stand between the verb and the act: "made her bring", not "continues to make"
    steps_named = False  # one bare name at most: "told Jade to"
    known = False  # a pronoun, a child word, an age or a name the note gives an age to: surely a person
    while j >= floor and steps < 6:
        w = words[j]
        if w in _COERCION:
            if w in _USING and person and not known:
                return False  # "she uses ODs to get her own way": what is used is a thing, not a child
            # "made her bring", or the passive "was forced to hold", "is being used to run", "groomed into"
            return person or (j > floor and words[j - 1] in _BE and steps > 0)
        if w == ")":
            opening = bracket_open(words, j)
            if opening is None:
                return False
            j = opening - 1
            person = known = True
            continue
        if words_name(w) is Referent.ADULT:
            k = j - 1
            while k > floor and (words[k] in _ARTICLES | _QUANTIFIERS or words[k] in _ADULT_ADJECTIVES):
                k -= 1
            if k > floor and words[k] == "by":
                j = k - 1  # "is being used by older males to clear a debt": the passive's agent stands between
                steps += 1
                continue
        if w in _TOLD_NOT_THE_CHILD and j > floor and words[j - 1] in {"told", "tells", "telling", "tell"}:
            return False  # "has told friends she is sexually active": the child told them; no one coerced her
        known = known or w in _COERCED_PERSON or w in cast(view)
        name = could_be_name(w) and not steps_named
        steps_named = steps_named or name
        if w not in _COERCED_GAP and not name:
            return False
        person = person or name or w in _COERCED_PERSON
        j -= 1
        steps += 1
    return False


def _resolve_pronoun(view: DocView, pronoun_at: int, gender: str, match_start: int | None = None) -> Referent:
    """A pronoun stands for the nearest earlier person in its sentence whose gender fits; else the child."""
    words = view.words
    objective = words[pronoun_at] in {"her", "him", "his"}
    if words[pronoun_at] in {"she", "he"}:
        # "She's sleeping with one of them, Liam (21), and she's no angel": a subject pronoun repeated in its
        # sentence is the same person, whoever was named between the two.
        earlier = next((i for i in range(view.sent_start[pronoun_at], pronoun_at - 1) if words[i] == words[pronoun_at]
                        and (i == view.sent_start[pronoun_at] or words[i - 1] not in _REPORTING)), None)
        if earlier is not None:
            return _resolve_pronoun(view, earlier, gender, match_start)
    after = words[pronoun_at + 1] if pronoun_at + 1 < len(words) else "."
    # "him", or "her" before no noun: an object, never the subject of its own verb ("mum grounded her and ...").
    object_ = words[pronoun_at] == "him" or (words[pronoun_at] == "her" and (after in FUNCTION_WORDS
                                                                             or not after.isalpha()))
    for i in range(pronoun_at - 1, view.sent_start[pronoun_at] - 1, -1):
        w = words[i]
        if objective and w in PRONOUNS and PRONOUNS[w] == gender and w not in _REFLEXIVE:
            return _resolve_pronoun(view, i, gender)  # "took her phone off her": both are the same person
        if object_ and pronoun_at - i <= 2 and words_name(w) is Referent.ADULT and w not in PLURAL_PERSONS:
            continue
        if w in _ORGANISATIONS:
            continue  # "CSC to lead; ... as she wont support": an agency is never "she" or "he"
        if w == ";":
            # "Jordan K (22) charged and remanded; he is a known dealer": the pronoun continues the clause's opening
            # subject when that is the only person the clause names.
            opener = _lone_opening_subject(view, view.sent_start[pronoun_at], i)
            return opener if opener is not None else Referent.CHILD
        if (w in _REPORTING or w in _OBSERVING) and match_start is not None and i >= match_start:
            continue  # the match's own verb ("knows his way home") reports nothing: its subject stands before it
        if w in _EVIDENTIAL and i > 0 and words[i - 1] in _RECORD_SOURCES:
            continue  # "intel suggests he is a known dealer": a record, not a person, speaks; "he" reaches further
        if w in {"view", "opinion"} and i > 0 and words[i - 1] in {"my", "our"}:
            continue  # "In my view he ...": the writer's view says nothing about whom
        if w in _REPORTING or w in _OBSERVING or w in CLAUSE_BREAKS_HERE or w == "whether":
            # "Mum said she ...", "OIC to establish whether she ..." / "the suspect told police that she ...": in a
            # note about a child, the reported clause's pronoun is far more often the child than the speaker. But a
            # suspect who "claimed he" speaks of himself: "In interview Penn (52) claimed he doesn't need the money".
            if words[pronoun_at] == "he" and w in _CLAIMING and _suspect_speaks(view, i):
                return Referent.ADULT
            return Referent.ADULT if _only_an_adult_so_far(view, pronoun_at, gender) else Referent.CHILD
        if w in CHILD and w not in PRONOUNS:
            return Referent.CHILD
        if words_name(w) is Referent.ADULT and w not in _NOMINATIVE and i > 0 and _addressed(words, i - 1):
            # "Advised caller he'll wander back", "Told mum she'll likely be off with the boyfriend": told to the
            # adult, about the child
            return Referent.CHILD
        if _object_of_preposition(words, i, view.sent_start[pronoun_at]):
            continue
        named = cast(view).get(w)
        if named is not None:
            return by_age(named)
        age = age_at(words, i) if w not in {")"} else age_in_brackets(words, i)
        if age is not None and not other_gender(words, i, gender):
            return by_age(age)
        if w in {"lady", "woman", "man"} and i > 0 and words[i - 1] == "young":
            return Referent.CHILD  # "a very sexualised young lady and ... her": the child, described as older
        fits = w in ADULT_ANY or (w in ADULT_MALE if gender == "m" else w in ADULT_FEMALE)
        if fits and i + 1 < len(words) and words[i + 1] not in PRONOUNS and (
                words[i + 1] in (MALE_WORDS if gender == "f" else FEMALE_WORDS)):
            continue  # "adult males messaging her on Glimmr, she ...": the word says whom the noun after it names
        if fits and (w in PLURAL_PERSONS or _complement(words, i, view.sent_start[pronoun_at])):
            continue  # "the olders pay him and he ...", "is nearly an adult and this is her ...": not the antecedent
        named = word_at(view, i)
        if named is Referent.CHILD:
            return Referent.CHILD  # "a difficult young person who ... and she"
        if fits and named is not None and w not in {"they", "i", "we"}:
            after = age_after(words, i)
            return by_age(after) if after is not None else Referent.ADULT
    start = view.sent_start[pronoun_at]
    if start > 0 and (pronoun_at - start <= 1 or all(w in _ADVERBIAL_OPENERS for w in words[start:pronoun_at])):
        # "The male (19) was arrested ... He is a known runner", "... In interview he refused": a sentence opening
        # with a pronoun continues the previous sentence's subject when that was an adult suspect of the same gender
        # (not a parent, whose sentences are usually about the child).
        prev = view.sentence(start - 1)
        if any(words[x] in {"her", "him"} and PRONOUNS[words[x]] == gender
               and (words[x] == "him" or _object_her(words, x)) for x in prev):
            return Referent.CHILD  # "Suspect (31) no further contact with her. She ...": "she" is the one he harmed
        for i in range(prev.start, min(prev.start + 6, prev.stop)):
            if words[i] not in PRONOUNS and person_at(view, i) is Referent.CHILD:
                break  # "IP 14, suspect 19. She ...": the child opened the sentence
            if words[i] in _AT_THE_SCENE:
                age = _bracketed_age_after(words, i)
                if age is not None:
                    return by_age(age)  # "Occupant Jordan NEALE (29)", but "Driver lad (17)" is a child
                continue
            if words[i] in _SUSPECTS and (gender == "m" or words[i] in {"suspect", "offender", "nominal"}):
                after = age_after(words, i)
                return by_age(after) if after is not None else Referent.ADULT
    return Referent.CHILD


_NOT_PARENTS = {"man", "male", "men", "bloke", "suspect", "nominal", "offender", "driver", "gentleman", "woman",
                "female", "lady"}


def _only_an_adult_so_far(view: DocView, pronoun_at: int, gender: str) -> bool:
    """True when the note, up to the pronoun, names no child and names an adult of the pronoun's gender who is no
    parent: "Complaint about a man (50) living in a campervan. Spoken to: he says ..."."""
    words = view.words
    adult = False
    for i in range(pronoun_at):
        age = age_in_brackets(words, i) if words[i] == ")" else age_at(words, i)
        if (age is not None and age < ADULT_AGE) or (words[i] not in PRONOUNS and word_at(view, i) is Referent.CHILD):
            return False
        if words[i] in _NOT_PARENTS and (words[i] in ADULT_MALE) == (gender == "m") \
                and ((age_after(words, i) or 0) >= ADULT_AGE or words[i - 1:i] in (("a",), ("the",), ("adult",))):
            adult = True
    return adult


def _bracketed_age_after(words: tuple[str, ...], i: int) -> int | None:
    """The age in the first brackets within four words after ``i``: "Occupant Jordan NEALE (29)"."""
    for j in range(i + 1, min(i + 5, len(words))):
        if words[j] in {".", ";", "\n"}:
            return None
        if words[j] == "(":
            close = next((k for k in range(j + 1, min(j + 7, len(words))) if words[k] == ")"), None)
            return age_in_brackets(words, close) if close is not None else None
    return None


# Short openers before a sentence's pronoun subject: "In interview he", "In my view he", "At court she".
_ADVERBIAL_OPENERS = {"in", "at", "on", "during", "after", "later", "today", "yesterday", "tonight", "then", "my",
                      "our", "the", "interview", "view", "opinion", "custody", "court", "clearly", "also", "again",
                      "honestly", "frankly", "however", ","}


def _object_her(words: tuple[str, ...], i: int) -> bool:
    """ "her" as an object ("no further contact with her."), not a possessive ("breach of her SHPO")."""
    after = words[i + 1] if i + 1 < len(words) else "."
    return after in _NOT_POSSESSED or not after.isalpha()


# Words after an object "her" that are not what she owns: "no contact with her since bail", "saw her again".
_NOT_POSSESSED = FUNCTION_WORDS | MORE_PREPOSITIONS | _PLACE_PREPOSITIONS | {
    "since", "again", "today", "tonight", "yesterday", "now", "anymore", "recently", "either", "too", "once", "twice",
    "home", "back", "alone"}


def _addressed(words: tuple[str, ...], i: int) -> bool:
    """True when the words ending at ``i`` address the person after them: "advised", "told the", "told her"."""
    if words[i] in {"the", "her", "his", "their"} and i > 0:
        i -= 1  # "the daughter told the OIC she had gone ...": the OIC is told, the daughter tells
    return words[i] in _ADDRESSING


_CLAIMING = {"claimed", "claims", "said", "says", "stated", "states", "insisted", "insists", "maintained",
             "maintains", "denied", "denies", "admitted", "admits", "accepted", "accepts"}


def _suspect_speaks(view: DocView, verb: int) -> bool:
    """True when the one speaking at ``verb`` is a suspect: a suspect word, or a name the note gives an adult age
    with no family role beside it ("Penn (52)", "Ryder")."""
    words = view.words
    i = verb - 1
    if i >= 0 and words[i] == ")":
        opening = bracket_open(words, i)
        age = age_in_brackets(words, i)
        if opening is None or age is None:
            return False
        if age < ADULT_AGE:
            return False
        i = opening - 1
    if i < 0:
        return False
    w = words[i]
    if w in _SUSPECTS or w in {"defendant", "accused", "dp", "detainee"}:
        return True
    age = cast(view).get(w)
    return age is not None and age >= ADULT_AGE and not any(
        words[j] in ADULT_FEMALE or words[j] in {"dad", "father", "stepdad", "carer", "foster", "uncle", "grandad"}
        for j in range(max(0, i - 3), i))


def _lone_opening_subject(view: DocView, begin: int, stop: int) -> Referent | None:
    """Who opens ``[begin, stop)`` when it names no one else: a name with an adult or child age, or a role word."""
    words = view.words
    people = [i for i in range(begin, stop) if words[i] not in PRONOUNS and words[i] not in {"they", "we", "i"}
              and words[i] not in _ORGANISATIONS
              and (word_at(view, i) is not None or (words[i] == ")" and age_in_brackets(words, i) is not None))]
    if not people or people[0] - begin > 5:
        return None
    first = person_at(view, people[0])
    if any(person_at(view, i) != first for i in people[1:]):
        return None  # "Jade (14) declined the CSE worker; she ...": two people, the pronoun stays the child's
    return first


def referent(view: DocView, start: int, end: int, *, object_follows: bool = False) -> Referent:
    """Who the match ``[start, end)`` is about, read from its subject, the noun after it and ages; when they say
    nothing, the child the note is about, if the sentence names no adult ("Also a bit of a liar per previous
    reports." in a note about Jade (15)). ``object_follows``: the person after the match is its object ("seeing
    BLAKE (26)"), never the one it describes."""
    if _names_only_an_institution(view, start, end):
        return Referent.UNKNOWN  # "We found delays, and little supervisory direction": the words are about practice
    found = _referent(view, start, end, object_follows)
    if found is Referent.UNKNOWN and (_thing_subject(view, start) or _opens_with_a_thing(view, start)):
        return found  # "It also makes it more difficult for the constabulary": no person is the subject
    if found is Referent.UNKNOWN and not _names_an_adult(view, view.sentence(start), range(start, end)) \
            and (_about_a_child(view, start)
                 or (_subjectless(view, start) and _previous_subject(view, start) is Referent.CHILD)):
        return Referent.CHILD
    return found


_THINGS = {"it", "this", "which"}
# A match that ends on these names the people it acts on: "recruiting younger girls (13-14)".
_GROUPS_OF_CHILDREN = {"children", "girls", "boys", "kids", "ones", "pupils", "peers", "youngsters", "teenagers"}
_BETWEEN_SUBJECT_AND_VERB = {"also", "still", "just", "clearly", "often", "always", "really", "then", "only", "further",
                             "therefore", "in", "turn", "itself", "alone"}


def _thing_subject(view: DocView, start: int) -> bool:
    """True when the words just before the match are a subject that is no person: "It also makes it harder"."""
    words = view.words
    floor = view.sent_start[start]
    j = start - 1
    while j >= floor and words[j] in _BETWEEN_SUBJECT_AND_VERB:
        j -= 1
    return j >= floor and words[j] in _THINGS and (j == floor or words[j - 1] in {",", ";", "and", "but", "so"})


# Things that are the subjects of professional prose: "Effective decisions on the response to known risks need to be
# considered", "Supervision of these cases needs to improve".
_THING_NOUNS = {"decision", "decisions", "action", "actions", "record", "records", "check", "checks", "plan", "plans",
                "response", "responses", "enquiries", "system", "systems", "policy", "policies", "procedure",
                "procedures", "process", "processes", "assessment", "assessments", "review", "reviews",
                "arrangements", "practice", "supervision", "information", "activity", "recording", "referrals",
                "referral", "training", "guidance", "approach", "approaches", "investigations", "investigation"}
# Things only after a determiner: "Both these issues are missing", but "Credibility issues" judges a child.
_THING_NOUNS_AFTER_A_DETERMINER = {"issue", "issues", "gaps", "areas", "delays", "priorities"}
_DETERMINERS = {"these", "those", "both", "the", "such", "this", "that"}


# What inspection reports and reviews say organisations do or lack: a match that is only a noun phrase ending on one
# of these ("little supervisory direction", "limited oversight") describes practice, whoever the sentence is about.
_INSTITUTIONAL = {"direction", "supervision", "oversight", "leadership", "scrutiny", "governance", "management",
                  "planning", "strategy", "performance", "resourcing", "capacity", "recording", "guidance", "training",
                  "procedures", "policies", "processes", "arrangements"}


def _names_only_an_institution(view: DocView, start: int, end: int) -> bool:
    """True when the match is a noun phrase about practice: it ends on a word for it and names no person."""
    words = view.words
    return words[end - 1] in _INSTITUTIONAL and all(
        w.isalpha() and w not in PRONOUNS and word_at(view, k) is None and w not in cast(view)
        for k, w in enumerate(words[start:end], start))


def _opens_with_a_thing(view: DocView, start: int) -> bool:
    """True when the match opens its sentence with a noun phrase whose head is a thing, not a person."""
    words = view.words
    if start != view.sent_start[start]:
        return False
    for k in range(start, min(start + 3, len(words))):
        if words[k] in _THING_NOUNS or (words[k] in _THING_NOUNS_AFTER_A_DETERMINER and k > start
                                        and words[k - 1] in _DETERMINERS):
            return True
        if words[k] in PRONOUNS or not words[k].isalpha() or word_at(view, k) is not None or words[k] in cast(view):
            return False
    return False


# How many sentences back a subjectless sentence ("Likes to party.", "Has been associating with ...") may reach for
# the subject it continues.
_SUBJECT_REACH = 6


_OPENS_PREDICATE = {":", "-", ";", "and", ",", "honestly", "also", "still", "just", "clearly", "again", "now",
                    "often", "always", "really", "frankly", "apparently", "obviously", "then", "currently",
                    "possibly", "probably", "likely", "maybe", "seemingly", "reportedly", "presumably", "evidently"}


def _subjectless(view: DocView, start: int) -> bool:
    """True when the match opens a clause with no subject of its own: "Likes to party.", "School view: cries wolf",
    "No comment in interview and not interested in helping himself"."""
    words = view.words
    i = start - 1
    while i >= view.sent_start[start] and (words[i] in SKIP or words[i] in _AUXILIARIES) \
            and words[i] not in _OPENS_PREDICATE:
        i -= 1
    return i < view.sent_start[start] or words[i] in _OPENS_PREDICATE


def _previous_subject(view: DocView, start: int) -> Referent | None:
    """The subject the note was last writing about before the sentence at ``start``: the person that opens the
    nearest earlier sentence with one ("Jade (15) ...", "She ...", "Socials show her ..."). Notes drop the subject
    of sentence after sentence about the same person ("Kicked mum. Seen at skate park w/ older males. Likes to
    party."); a sentence opening with a verb or a thing is passed over, one opening with an adult stops the search."""
    words = view.words
    begin = view.sent_start[start]
    for _ in range(_SUBJECT_REACH):
        if begin == 0:
            return None
        sentence = view.sentence(begin - 1)
        begin = sentence.start
        # A heading's colon opens a sentence of its own: "Info share from school: Harley (13)."
        for head in [i + 1 for i in reversed(sentence) if words[i] == ":"] + [sentence.start]:
            found = _opening_person(view, range(head, sentence.stop))
            if found is not None:
                return found
    return None


def _opening_person(view: DocView, sentence: range) -> Referent | None:
    """The person ``sentence`` opens with, if any: a name, an age, a role, or a pronoun among its first words."""
    words = view.words
    opening = [i for i in range(sentence.start, min(sentence.start + 5, sentence.stop))
               if words[i] not in _SUBJECT_OPENERS and not words[i].isdigit() and not _TIME.match(words[i])]
    if not opening:
        return None
    first = opening[0]
    found = person_at(view, first) if words[first] not in {"they", "we", "i"} else Referent.ADULT
    if found is None and words[first].isalpha():
        age = age_after(words, first)  # "Skye 15yo located at ..."
        found = by_age(age) if age is not None else None
    if found is not None:
        return found
    # "Socials show her with older males": a pronoun among the opening words is who the sentence is about.
    return next((person_at(view, i) for i in opening[1:4] if words[i] in {"she", "he", "her", "him"}), None)


def _about_a_child(view: DocView, start: int) -> bool:
    """True when the note, in this sentence or the two before it, names a child: a word for one ("YP", "misper",
    "the girl") or a name or person under 18. Near, because a long report or handout is about no one child."""
    words = view.words
    begin = view.sent_start[start]
    for _ in range(2):
        if begin > 0:
            begin = view.sent_start[begin - 1]
    children = {w for w, age in cast(view).items() if age < ADULT_AGE}
    for i in range(begin, view.sent_end[start]):
        w = words[i]
        if (w in CHILD and w not in PRONOUNS) or w in children:
            return True
        if w == "age" and i > 1 and words[i - 1] in {"his", "her", "their"} and words[i - 2] == "for":
            return True  # "very mature for his age": said only of the young
        if w[:1].isdigit() or w == ")":
            age = age_in_brackets(words, i) if w == ")" else age_at(words, i)
            if age is not None and age < ADULT_AGE:
                return True
    return False


def _names_an_adult(view: DocView, sentence: range, match: range) -> bool:
    """True when an adult stands in the sentence before the match, or after it in its clause, other than as a
    prepositional object ("to officers") or as the source of what is said ("Caller says"). The match's own words
    are what is said, not who: "KNOWN GANG NOMINAL PER OFFICER"."""
    words = view.words
    # After the match, only in its own clause: "every time mam grounds her", ", mum calmer by end of call" and
    # "re the male in the car" name someone else in another clause; "The recruiter here is Curtis (30)" does not.
    stop = next((j for j in range(match.stop, sentence.stop) if words[j] in _CLAUSE_ENDS), sentence.stop)
    for i in (*range(sentence.start, match.start), *range(match.stop, stop)):
        if words[i] in {"they", "we", "i"} or word_at(view, i) is not Referent.ADULT:
            continue
        if i > sentence.start and words[i - 1] in _ADDRESSING:
            continue  # "Advised caller ...": the one spoken to
        if not _object_of_preposition(words, i, sentence.start) and not _source(words, i, match.start) \
                and not _likened(words, i, sentence.start):
            return True
    return False


def _likened(words: tuple[str, ...], i: int, floor: int) -> bool:
    """True when the person at ``i`` is only what someone is likened to: "acts like a hardened adult offender",
    "more like a grown man than a child"."""
    j = i - 1
    while j > floor and i - j <= 3 and words[j] not in _ARTICLES:
        if not words[j].isalpha():
            return False
        j -= 1
    return j > floor and words[j] in _ARTICLES and words[j - 1] in {"like", "than"}


_SAYING = {"say", "says", "said", "state", "states", "stated", "report", "reports", "reported", "describe", "describes",
           "described", "view", "feel", "feels", "felt", "think", "thinks", "thought", "believe", "believes",
           "reckon", "reckons", "told", "tell", "tells", "advise", "advises", "advised", "claim", "claims", "claimed",
           "consider", "considers", "note", "notes", "noted", "explain", "explains", "explained", "added", "adds",
           "mention", "mentions", "mentioned", "call", "calls", "called", "have"}
_CLAUSE_ENDS = (CLAUSE_BREAKS_HERE - {":", "-"}) | {",", "every", "when", "whenever", "if", "until", "since", "once",
                                                     "re", "cos", "after", "before", "so", "because", "but"}


def _source(words: tuple[str, ...], i: int, stop: int) -> bool:
    """True when the adult at ``i`` is the source of what follows, not its subject: "Staff say ...", "Caller says
    they're ...", "Guard states the little sod ...", "CSC knowledge: ...", "school describe her as ..."."""
    for j in range(i + 1, min(stop, i + 3)):
        if words[j] in _SAYING or words[j] in {":", "-"}:
            return True
        if words[j] not in {"also", "have", "has", "had", "both", "all", "knowledge", "views"}:
            return False
    return False


def _referent(view: DocView, start: int, end: int, object_follows: bool = False) -> Referent:
    words = view.words
    sentence = view.sentence(start)
    if words[start] == "in" and start + 2 < end and words[start + 1] in {"return", "exchange"} \
            and words[start + 2] == "for" and _child_in_clause(view, start, sentence.start):
        # "Ty (19) sends her money in return for pics", "'sorting out' males ... in return for weed": what is given
        # in return is the child's, whoever else the clause names nearer the phrase.
        return Referent.CHILD
    # The noun a label modifies: "manipulative male", "streetwise lad", "dealer (34)". Not after a verb phrase
    # that ends in a preposition ("associates with males"), where the noun is the other party.
    if end < sentence.stop and not object_follows \
            and not any(w in PREPOSITIONS for w in words[max(start, end - 3):end]) \
            and words[end - 1] not in _WH:  # "knew full well what the male (34) wanted": the noun is another's
        age = age_after(words, end - 1)
        if age is not None and not _bracket_names_one_of(words, end, range(start, end)) \
                and not (words[end - 1] in _GROUPS_OF_CHILDREN and end - start > 1):
            return by_age(age)  # but "grooming local children aged 13-16": the ages are the object's
        if words[end] in {"called", "named", "nicknamed"}:
            return Referent.ADULT  # "a dealer called Bazza": another person, named; the child is named otherwise
        found = word_at(view, end) if words[end] not in FUNCTION_WORDS else None  # "choices we would not want"
        if found is not None:
            return found
    # An age inside the match names its referent ("young woman (15)", "15yo young man"), unless it follows a
    # preposition or an object's article and so belongs to the other party ("sex with a 24-year-old", "has been
    # seeing a 21yo male").
    for i in range(start, end):
        if words[i] in PREPOSITIONS or (i > start and words[i] in {"a", "an", "the"}):
            break
        age = age_in_brackets(words, i) if words[i] == ")" else age_at(words, i)
        if age is not None and not looks(words, i):  # "dressed up to look 18" is not an age
            return by_age(age)
    # A child noun the match says the subject is: "she's a sensible girl", "he is a streetwise lad". Whoever the
    # pronoun might otherwise reach back to ("mam's happy enough and she's ..."), the words name a child.
    if words[start] in PRONOUNS and any(words[i] in _CHILD_NOUNS and _complement(words, i, start)
                                        for i in range(start + 1, end)):
        return Referent.CHILD
    if _coerced(view, start):
        return Referent.ADULT
    inner = next((i for i in range(start, end) if words[i] in PRONOUNS and words[i] not in _REFLEXIVE), None)
    if words[start] in PRONOUNS and words[start] not in _REFLEXIVE:
        inner = start  # the match opens with its subject: "she uses cannabis"
    # Only a subordinate clause that opens the match gives it its subject: "unless she helps herself"; in "will
    # track him if he leaves" the subject stands before the match.
    subject = start + 1 if start + 1 < end and words[start + 1] in {"she", "he"} and words[start] in _SUBORDINATORS \
        else None
    if inner is not None and subject is not None and inner != start:
        inner = subject  # "unless she helps herself": the match holds its own subject
    if inner is not None and (inner in (start, subject)
                              or (inner <= start + 1 and words[inner] in {"her", "his"})):
        # The match names its own person: "her risk-taking", "off her face", "is her own worst enemy".
        return _resolve_pronoun(view, inner, PRONOUNS[words[inner]], start)
    i = start - 1
    while i >= sentence.start and words[i] in SKIP and words[i] not in {"who", "whom"}:
        i -= 1
    if i < sentence.start:
        return Referent.UNKNOWN
    w = words[i]
    if w in {"who", "whom"} and i > sentence.start:
        # A relative clause is about the noun before it: "police time for a kid who always comes home"
        j = i - 2 if words[i - 1] == "," and i - 1 > sentence.start else i - 1  # "Dwayne (22), who is a known"
        antecedent = person_at(view, j)
        if antecedent is not None:
            return antecedent
        if could_be_name(words[j]) and j > sentence.start:
            # "pulled from the water by PC Treloar, who put himself at risk": the title names the antecedent
            titled = word_at(view, j - 1)
            if titled is None and words[j - 1] in TITLES:
                titled = Referent.ADULT
            if titled is not None:
                return titled
        i, w = j, words[j]
    if w == ")" and age_in_brackets(words, i) is None:
        # "the 2 suspects (both from Leeds) who knew": the bracket says nothing; the noun before it may.
        opening = bracket_open(words, i)
        if opening is None or opening <= sentence.start:
            return Referent.UNKNOWN
        i = opening - 1
        w = words[i]
    # A person word right before the match modifies it ("by adult drug dealers"); further back, a prepositional
    # object is the other party ("reported by mum to have been ...").
    premodifier = i == start - 1 and w in _ADULT_ADJECTIVES and words[start] not in PREPOSITIONS | FUNCTION_WORDS
    # "Intel links to older males dealing from a flat": a participle right after a noun says what that noun does,
    # even when the noun is a preposition's object.
    premodifier = premodifier or (i == start - 1 and words[start].endswith("ing") and w in _ADULT_NOUNS)
    other_party = not premodifier and _other_party(view, i, sentence.start)
    found = None if other_party else person_at(view, i)
    if found is Referent.ADULT and _paired_with_child(view, i, sentence.start):
        return Referent.CHILD  # "Amelia and the male have been seeing each other": the pair includes the child
    if found is not None:
        return found
    if w == ")":
        # The other party's age: the subject stands further back ("The male (34) met Jade (15) and is ...").
        return _fallback(view, sentence, start) if other_party else Referent.UNKNOWN
    if w in _REPORTING:
        # "Supervisor notes her risk-taking": the speaker is not the subject of what is reported.
        return _fallback(view, sentence, start)
    if w == "," and i > sentence.start and not _other_party(view, i - 1, sentence.start):
        # "The suspect, aged 27, absconded", "Kane (24), a known dealer"; not "wanted for offences against two
        # girls aged 14, absconded", where the age is the other party's.
        age = age_in_brackets(words, i - 1) if words[i - 1] == ")" else age_at(words, i - 1)
        if age is not None:
            return by_age(age)
    if could_be_name(w) and i > sentence.start:
        # A name after a title or a role: "PC Smith", "suspect Jones", "the girl Jade".
        prev = words[i - 1]
        titled = word_at(view, i - 1)
        if (titled is not None or prev in TITLES) and _object_of_preposition(words, i - 1, sentence.start):
            # "Per carers Sophie has been ...": the role is the source, the name after it the clause's subject,
            # and in notes about children an unnamed-role name is the child's.
            return Referent.CHILD
        if titled is not None:
            return titled  # "the girl Jade", "FEMALE LD" after "15YO FEMALE"
        if prev in TITLES:
            return Referent.ADULT
    if i - 2 >= sentence.start and words[i - 1] == ",":
        age = age_at(words, i - 2)  # "The suspect, aged 53, dresses ..."
        if age is not None:
            return by_age(age)
    if could_be_name(w) and (i == sentence.start or words[i - 1] in _NAME_BEFORE
                             or (words[i + 1] in _FINITE and words[i - 1].isalpha()
                                 and words[i - 1] not in FUNCTION_WORDS | _ADDRESSING
                                 # "Youth leader at Kingdom Life has offered": a place after an adult's role
                                 and not (i - 3 >= sentence.start and words[i - 2] in OBJECT_PREPOSITIONS
                                          and words_name(words[i - 3]) is Referent.ADULT))):
        # A bare word standing as the subject of its clause ("Tia once again was ...", "report Leah is ...") is a
        # name; in notes about children an unnamed-role name is the child's (adults come with a role or title).
        return Referent.CHILD
    return _fallback(view, sentence, start)


def _child_in_clause(view: DocView, start: int, floor: int) -> bool:
    """True when the clause before ``start`` names a child: an age under 18, a child word or a pronoun for one."""
    words = view.words
    for i in range(start - 1, floor - 1, -1):
        if words[i] in CLAUSE_BREAKS_HERE:
            return False
        if person_at(view, i) is Referent.CHILD:
            return True
    return False


def _paired_with_child(view: DocView, i: int, floor: int) -> bool:
    """True when the person at ``i`` is the second of a pair joined by "and" whose first is a child: "Ruby and her
    boyfriend have been seeing each other", "Mia (16) and the male (24) were drinking". What the pair does is said of
    the child too."""
    words = view.words
    j = _noun_of(words, i)
    if j is None:
        return False
    j -= 1
    while j > floor and words[j] in _ARTICLES | {"her", "his", "their", "older", "adult", "new"}:
        j -= 1
    if j <= floor or words[j] != "and":
        return False
    first = j - 1
    if words[first] != ")" and not could_be_name(words[first]) and word_at(view, first) is None:
        return False
    return person_at(view, first) is Referent.CHILD and not _other_party(view, first, floor)


def _bracket_names_one_of(words: tuple[str, ...], at: int, match: range) -> bool:
    """True when a bracket opening at ``at`` names a person the match names: "is Kwame's wifey (Kwame ROSS 24)" gives
    Kwame's age, not the subject's."""
    if at >= len(words) or words[at] != "(":
        return False
    inside = set(words[at + 1:min(len(words), at + 6)])
    return any(words[i].removesuffix("'s") in inside for i in match if could_be_name(words[i].removesuffix("'s")))


def person_at(view: DocView, i: int) -> Referent | None:
    """Who token ``i`` names, if anyone: an age ("(15)", "15yo"), a pronoun, or a word for a child or an adult."""
    words = view.words
    w = words[i]
    age = age_in_brackets(words, i) if w == ")" else age_at(words, i)
    if age is not None:
        return by_age(age)
    if w in PRONOUNS:
        return _resolve_pronoun(view, i, PRONOUNS[w])
    return word_at(view, i)


def _fallback(view: DocView, sentence: range, start: int) -> Referent:
    """When the words next to the match say nothing: the nearest person named earlier in the clause ("she has a
    history of making things up", "Lacey (13) is no angel and winds staff up"), else the sentence's subject."""
    words = view.words
    i = start - 1
    while i >= max(sentence.start, start - _CLAUSE_REACH):
        w = words[i]
        if w in CLAUSE_BREAKS_HERE:
            break
        if w in _OBSERVING and not _passive(words, i):
            return Referent.UNKNOWN  # "Staff feel it is ...": the observer is not the subject
        skip = _other_party(view, i, sentence.start) or (w in {"we", "i"} and i > 0 and words[i - 1] in _SUBORDINATORS)
        found = None if skip else person_at(view, i)  # "all over him when we pulled up, well oiled": not "we"
        if found is not None:
            return found
        opening = bracket_open(words, i) if w == ")" and skip else None
        # The other party's bracket and name go together: "loves Dean (30)" is skipped whole, not read as "30".
        i = opening - 2 if opening is not None else i - 1
    return _sentence_subject(view, sentence, start)


def _other_party(view: DocView, i: int, floor: int) -> bool:
    """True when the person at ``i`` stands in the clause as someone other than its subject: a prepositional or verb
    object, a complement, a possession, or the possessor of the person the clause is about."""
    words = view.words
    return _object_of_preposition(words, i, floor) or _complement(words, i, floor) or _possessed(words, i, floor) \
        or _object_of_verb(view, i, floor) or _possessor(words, i) \
        or (i > floor and words[i - 1] in _ADDRESSING and words[i] not in _NOMINATIVE)  # "advised caller ..."


def _possessor(words: tuple[str, ...], i: int) -> bool:
    """True when the name at ``i`` owns the person word after it: "Declan (17), Leanne's brother, a known dealer"
    is about Leanne's brother, whatever Leanne's age. Only before a word for a person, since "Leanne's been" is
    "Leanne has"."""
    j = i + 2
    if j >= len(words) or words[i + 1] not in {"'s", "’s"}:
        return False
    while j < len(words) - 1 and words[j] in _POSSESSED_ADJECTIVES:
        j += 1
    return words[j] in _POSSESSED_PERSONS


def _complement(words: tuple[str, ...], i: int, floor: int) -> bool:
    """True when the person at ``i`` is what the subject is said to be, not the subject: "Alfie (16) is a prolific
    offender and a bad influence", "is to all intents an adult", "is the banker for the operation"."""
    j = i - 1
    while j >= floor and i - j <= 3 and words[j] not in _ARTICLES:
        if not words[j].isalpha() or words[j] in _BE:
            return False
        j -= 1
    if j <= floor or words[j] not in _ARTICLES:
        return False
    # The verb may stand a few words before the article: "is to all intents an adult", "is now basically a".
    # A likeness is said of the subject too: "acts like a hardened adult offender", "more like a man than a boy".
    for k in range(j - 1, max(floor, j - 5) - 1, -1):
        if words[k] in _BE | {"become", "became", "becomes", "like", "than"}:
            return True
        if not words[k].isalpha() or words[k] in CLAUSE_BREAKS_HERE or words[k] in _CONJUNCTIONS:
            return False
    return False


def _possessed(words: tuple[str, ...], i: int, floor: int) -> bool:
    """True when the person at ``i`` is what the subject has: "she has multiple sexual partners and has been ...",
    "has an older boyfriend". The one had is the other party, not the subject of what follows."""
    j = i - 1
    while j >= floor and i - j <= 4:
        w = words[j]
        if w in _HAVE:
            return True
        if not w.isalpha() or w in _BE or w in CLAUSE_BREAKS_HERE or w in PRONOUNS or w in _CONJUNCTIONS:
            return False
        j -= 1
    return False


def _object_of_verb(view: DocView, i: int, floor: int) -> bool:
    """True when the person at ``i`` is the object of a verb with a person as its subject: "she loves Dean (30) and
    wants to marry him", "The male (34) met Jade (15) and is". The clause after "and" goes on with the subject."""
    words = view.words
    j = _noun_of(words, i)
    if j is None:
        return False
    head = j
    j -= 1
    while j >= floor and head - j <= 4 and (words[j] in _ARTICLES | _QUANTIFIERS | {"older", "adult", "local", "known",
                                                                                    "this", "unknown", "other"}
                                             or words[j].isdigit()):
        j -= 1  # "met two older males (19 and 21)", "met a local man"
    if j > floor and words[j] in _PARTICLES and words[j - 1].isalpha() and words[j - 1] not in FUNCTION_WORDS:
        j -= 1  # a phrasal verb: "sorting out males", "picking up girls"
    if j <= floor or not words[j].isalpha() or words[j] in FUNCTION_WORDS or words[j] in _BE | _HAVE \
            or words[j] in _REPORTING or words_name(words[j]) is not None:
        return False
    k = j - 1
    while k > floor and j - k <= 3 and words[k] in _AUXILIARIES:
        k -= 1  # "she has been sorting out males": the subject stands before the auxiliaries
    if words[k] == ")":
        return age_in_brackets(words, k) is not None  # "The male (34) met Jade (15) and ..."
    if words[k] in {",", "and"}:
        # "She went willingly, knew the men from Snapchat and ...": a verb in a list of verbs shares their subject.
        return any(words[x] in {"she", "he", "they"} or (x == floor and could_be_name(words[x]))
                   or (words[x] == ")" and person_at(view, x) is Referent.CHILD) for x in range(max(floor, k - 6), k))
    subject = words[k]
    return subject in {"she", "he", "they"} or subject in cast(view) or words_name(subject) is not None


def _sentence_subject(view: DocView, sentence: range, start: int) -> Referent:
    """The subject a sentence opens with, when the words next to the match say nothing: "The male (38) has a
    history of ...", "Nominal Doyle (43) left ...". Unknown when the opening says nothing either."""
    words = view.words
    for i in range(sentence.start, min(sentence.start + 4, sentence.stop)):
        w = words[i]
        if w in _SUBJECT_OPENERS or w.isdigit() or _TIME.match(w):
            continue  # "1744 IP named as ...", "0140hrs call from ..."
        if i + 1 < sentence.stop and words[i + 1] in _HEADER_NOUNS:
            return Referent.UNKNOWN  # "OFFICER UPDATE -", "Supervisor review:": a heading, not the subject
        found = word_at(view, i) if w not in PRONOUNS else None
        if found is None and w in TITLES:
            found = Referent.ADULT
        if found is None and w.isalpha():
            # "Skye 15yo located at ...": a name with an age.
            age = age_after(words, i)
            return by_age(age) if age is not None else Referent.UNKNOWN
        if found is None or any(words[x] in _OBSERVING and not _passive(words, x) for x in range(i + 1, start)):
            # "Staff feel it is ...", "School report sexting ...": the opener observes, it is not the subject.
            return Referent.UNKNOWN
        after = age_after(words, i)
        return by_age(after) if after is not None else found
    return Referent.UNKNOWN
