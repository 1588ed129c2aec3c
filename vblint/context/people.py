"""Who a word in a note names: the words for children and adults, ages in the forms notes write them ("(15)",
"15yo", "APPROX 14/15", "(both 30s)", "Kerry, 38,"), names, and the note's own cast and roles (a name or role the
note gives an age to keeps it). The referent module decides from these who a match is about.
"""

from __future__ import annotations

import re
from enum import Enum

from vblint.context.view import HYPHEN, DocView


class Referent(Enum):
    CHILD = "child"
    ADULT = "adult"
    UNKNOWN = "unknown"


ADULT_MALE = {"suspect", "suspects", "susp", "susps", "perpetrator", "perpetrators", "offender", "offenders",
              "nominal", "nominals",
              "male", "males", "man", "men", "father", "dad", "stepdad", "stepfather", "grandfather", "grandad",
              "uncle", "husband", "mr", "gentleman", "boyfriend", "elders", "olders", "associate", "associates",
              "abuser", "abusers", "groomer", "groomers", "driver", "drivers", "landlord", "landlords",
              "tenant", "brother-in-law", "gangmaster", "gangmasters", "punter", "punters"}
ADULT_FEMALE = {"mother", "mum", "mam", "mom", "stepmother", "stepmum", "grandmother", "nan", "nana", "aunt",
                "auntie", "wife", "mrs", "ms", "woman", "women", "female", "females", "lady", "ladies", "sister-in-law"}
ADULT_ANY = {"adult", "adults", "parent", "parents", "carer", "carers", "foster", "officer", "officers", "pc", "dc",
             "ds", "di", "dci", "ps", "sgt", "sergeant", "insp", "inspector", "constable", "detective", "supt",
             "police", "staff", "worker", "workers", "sw", "teacher", "teachers", "oic", "nurse", "doctor", "gp",
             "manager", "supervisor", "i", "we", "force", "team", "service", "services", "agency", "agencies",
             "school", "cps", "council", "csc", "mash", "ocg", "group", "gang", "partner", "partners", "dr", "they",
             "neighbour", "neighbours", "owner", "caller", "callers", "rp", "informant", "witness", "witnesses",
             "practitioner", "professional", "professionals",
             "investigator", "analyst", "colleague", "colleagues", "dvo", "sio", "isva", "pcso", "pcsos",
             "occupant", "occupants", "people", "person", "individual", "individuals", "nominal's", "defendant",
             "accused", "prisoner", "inmate", "mp", "solicitor", "social", "operator", "operators", "dispatcher",
             "leader", "leaders", "coach", "coaches", "pastor", "vicar", "priest", "imam", "chaplain", "warden",
             "wardens", "instructor", "instructors", "lifeguard", "lifeguards"}
CHILD = {"child", "children", "girl", "girls", "boy", "boys", "misper", "mispers", "mfh", "yp", "yps", "cyp",
         "teenager", "teenagers", "teen", "daughter", "son", "victim", "victims", "ip", "pupil", "student",
         "resident", "baby", "toddler", "infant", "juvenile", "minor", "kid", "kids", "lad", "lass", "youth",
         "youngster", "sibling", "siblings", "niece", "nephew", "grandson", "granddaughter", "stepson",
         "stepdaughter", "she", "he", "her", "him", "his", "herself", "himself", "youths", "juveniles", "minors",
         "youngsters", "pupils", "students", "teens", "yp's", "cyps"}
PRONOUNS = {"she": "f", "her": "f", "herself": "f", "he": "m", "him": "m", "his": "m", "himself": "m"}
# Words between a subject and the phrase about it ("the suspect is also clearly a known ...").
SKIP = {"shown", "showed", "shows", "displayed", "displays",
         "used", "treated", "regarded", "viewed", "labelled", "labeled", "classed", "perceived", "identified",
         "named", "is", "was", "are", "were", "be", "been", "being", "has", "have", "had", "'s", "a", "an", "the",
         "very",
         "really", "quite", "clearly", "also", "again", "once", "repeatedly", "known", "described", "as", "seen",
         "now", "still", "extremely", "highly", "so", "considered", "deemed", "believed", "thought", "to",
         "appears", "seems", "appear", "seem", "become", "became", "becomes", "continues", "continued", "keeps",
         "kept", "just", "always", "often", "frequently", "actively", "deliberately", "then", "previously",
         "regularly", "willingly", "persistently", "constantly", "consistently", "who", "that", "which",
         "reportedly", "apparently", "likely", "may", "might", "will", "would", "can", "could", "must", "should",
         "probably", "possibly", "definitely", "certainly", "generally", "usually", "sometimes", "recently",
         "currently", "initially", "later", "since", "all", "both", "most", "some", "other", "another", "more"}
TITLES = {"pc", "dc", "ds", "di", "dci", "ps", "sgt", "insp", "mr", "mrs", "ms", "dr", "suspect", "nominal",
           "offender", "defendant", "accused", "supt", "pcso", "sw", "cpl", "officer"}
AGE_TOKEN = re.compile(r"^(\d{1,2})(yos?|yrs?|y/o|yr/o|years?|yoa)$")
AGE_RANGE = re.compile(r"^(\d{1,2})[/-]\d{1,2}$")  # "14/15", "13-15": an estimate, the lower bound decides
DECADE = re.compile(r"^([1-9])0s$")  # "(both 30s)", "males in their 20s"
APPROX = {"approx", "approximately", "about", "around", "c", "circa", "roughly", "est", "aged", "age", "age:"}
APPEARANCE = {"looks", "look", "looked", "looking", "pass", "passes", "passed", "passing", "appears", "appear",
               "appeared", "seems", "seemed", "older", "younger", "dressed", "dresses"}
AGE_UNITS = {"yo", "yrs", "yr", "y/o", "years", "year", "yoa"}
ADULT_AGE = 18
NOT_A_NAME = {"search", "interview", "visit", "meeting", "day", "weather", "situation", "case", "address", "house",
               "car", "vehicle", "job", "task", "call", "log", "review", "process", "area", "night", "evening", "it",
               "this", "that", "there", "which", "what", "who", "everything", "nothing", "something", "risk",
               "grading", "plan", "strat", "update", "referral", "report", "incident", "episode", "enquiries",
               "cctv", "phone", "account", "statement", "evidence", "placement", "unit", "home", "school", "room",
               "behaviour", "presentation", "conduct", "weekend", "morning", "afternoon", "today", "yesterday",
               "tonight", "now", "then", "here", "also", "again", "once", "still", "never", "always"}
PREPOSITIONS = {"with", "to", "for", "by", "at", "into", "on", "from", "of", "about", "around", "towards", "in"}
# Only person words are tested, so "to" here is never an infinitive: "known to police", "according to the adults".
OBJECT_PREPOSITIONS = PREPOSITIONS | {"per", "than", "like", "as", "alongside", "against", "towards", "onto", "via"}
MORE_PREPOSITIONS = {"against", "through", "across", "behind", "beside", "between", "during", "within", "among",
                      "near", "inside", "outside", "along", "beyond", "despite", "except", "upon", "toward", "amongst",
                      "round"}
FUNCTION_WORDS = {"and", "or", "but", "with", "for", "from", "into", "onto", "of", "in", "on", "at", "by", "to",
                   "per", "than", "then", "so", "as", "if", "not", "no", "nor", "yet", "until", "after", "before",
                   "over", "under", "about", "up", "down", "out", "off", "its", "our", "your", "my", "their", "we",
                   "you", "us", "me", "i", "it", "this", "that", "these", "those", "there", "here", "where", "when",
                   "what", "why", "how", "who", "whom", "whose", "which", "total", "x", "yrs", "years", "yo", "age",
                   "she", "he", "they", "them", "her", "him", "his", "hers", "theirs", "herself", "himself",
                   "themselves", "itself", "someone", "anyone", "everyone", "nobody", "somebody", "everybody"}
# Collective nouns name people only as a whole with an article ("the gang chose"), not as a modifier.
COLLECTIVE = {"gang", "gangs", "group", "groups", "team", "teams", "ocg", "crew"}
NEEDS_ARTICLE = {"gang", "gangs", "group", "groups", "team", "teams", "crew"}
ARTICLES = {"the", "a", "this", "that", "these", "those", "his", "her", "their", "rival", "same", "whole", "local"}
COMPOUNDED = {"member", "members", "affiliated", "affiliation", "related", "associated", "involved", "involvement",
               "nominal", "nominals", "crime", "culture", "activity", "activities", "violence", "rivalry", "lifestyle",
               "business", "stuff", "beef", "tag", "tags", "name", "-", HYPHEN, "work", "life", "colours", "associate",
               "associates", "affiliate", "affiliates"}
# Names custody and investigation notes use for the same detained person.
CUSTODY_ROLES = {"suspect", "dp", "detainee", "defendant", "accused", "prisoner"}
# Words that say a person's gender (not roles such as "suspect", which the male set also holds for "he").
MALE_WORDS = {"male", "males", "man", "men", "father", "dad", "stepdad", "stepfather", "grandfather", "grandad",
               "uncle", "husband", "mr", "gentleman", "boyfriend", "brother", "son", "boy", "lad", "he", "him",
               "fella", "bloke", "nephew", "grandson", "stepson"}
FEMALE_WORDS = ADULT_FEMALE | {"girlfriend", "sister", "daughter", "girl", "lass", "she", "her", "niece",
                                "granddaughter", "stepdaughter"}
ROLE_NOUNS = {"suspect", "suspects", "susp", "offender", "detainee", "dp", "defendant", "accused", "nominal", "person",
               "individual", "occupant", "passenger", "driver", "rp", "caller", "informant", "witness"}
LIKENING = {"nearly", "almost", "practically", "basically", "virtually", "like", "as", "effectively", "essentially"}
YOUNG_NOUNS = {"offender", "offenders", "person", "people", "persons", "man", "men", "woman", "women", "lady",
                "ladies", "adult", "adults"}


# Who an age written after "believed", "thought" or "reportedly" may belong to: "Female believed 15".
_PERSON_BEFORE_AGE = {"female", "male", "girl", "boy", "yp", "child", "misper", "mfh", "ip", "lad", "lass", "youth",
                      "f", "m", "kid", "teenager", "juvenile"}


def age_at(words: tuple[str, ...], i: int) -> int | None:
    """An age written at token ``i``: "15yo", "15 yo", "aged 15", "15-year-old"."""
    w = words[i]
    m = AGE_TOKEN.match(w) or DECADE.match(w)
    if m:
        return int(m[1]) * (10 if w.endswith("0s") else 1)
    prev = words[i - 1] if i > 0 else ""
    m = AGE_RANGE.match(w)
    if m and (prev in APPROX or prev == "("):
        return int(m[1])
    if w.isdigit() and len(w) <= 2:
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if looks(words, i):
            return None  # "looks about 18", "could pass for 20": how the child appears, not her age
        before = words[i - 2] if i > 1 else ""
        if (prev in _AGE_LEAD and before in _PERSON_BEFORE_AGE) or (prev == "," and before in {"withheld", "redacted"}):
            return int(w)  # "Female believed 15", "DOB withheld, 14"
        if nxt in AGE_UNITS or prev in APPROX or (nxt in {"-", HYPHEN} and i + 2 < len(words)
                                                                     and words[i + 2] in AGE_UNITS):
            return int(w)
        if words[i + 1:i + 4] in {("y", "/", "o"), ("yr", "/", "o"), ("y", "/", "old")}:
            return int(w)  # "12 y/o", which the tokeniser splits
        if prev in {"-", HYPHEN, "to"} and i > 2 and words[i - 2].isdigit() and words[i - 3] in APPROX:
            return int(words[i - 2])  # the top of "aged 13-15", split by the tokeniser: the lower bound decides
    return None


def looks(words: tuple[str, ...], i: int) -> bool:
    return any(w in APPEARANCE for w in words[max(0, i - 3):i])


def age_in_brackets(words: tuple[str, ...], close: int) -> int | None:
    """"(34)", "(34yo)", "(aged 14)", "(both 30s)", "(Dean, 25yrs)" ending at the ``)`` token ``close``."""
    opening = bracket_open(words, close)
    if opening is None or words[opening + 1] in {"now", "currently", "today"}:
        return None  # "Tasha (now 28)": her age today, not at the time the record is about
    for i in range(close - 1, opening, -1):
        w = words[i]
        if w.isdigit() and len(w) <= 2 and (i == close - 1 or (i == opening + 1 and words[i + 1] == ",")):
            return int(w)  # "(34)", "(Dean, 25)", "(16, ADHD, LAC)"; not "(3 males)"
        age = age_at(words, i)
        if age is not None:
            return age
    return None


def bracket_open(words: tuple[str, ...], close: int) -> int | None:
    """The ``(`` of a short bracket closing at ``close``."""
    for i in range(close - 1, max(-1, close - 9), -1):
        if words[i] == "(":
            return i
        if words[i] == ")":
            return None
    return None


def other_gender(words: tuple[str, ...], i: int, gender: str) -> bool:
    """True when the age at ``i`` belongs to a person of the other gender: "boyfriend (approx 20) who she ..."."""
    head = i
    for j in range(i, max(-1, i - 6), -1):  # inside or closing a bracket: the age belongs to the noun before it
        if words[j] == "(":
            head = j - 1
            break
        if words[j] == ")" and j != i:
            break
    w = words[head] if head >= 0 else ""
    return (gender == "f" and w in MALE_WORDS) or (gender == "m" and w in FEMALE_WORDS)


def by_age(age: int) -> Referent:
    return Referent.ADULT if age >= ADULT_AGE else Referent.CHILD


_SCHOOL_THINGS = {"refuser", "refusers", "refusal", "avoider", "avoidance", "friend", "friends", "mate", "mates",
                  "uniform", "bag", "gates", "trip", "holidays", "holiday", "run", "age", "pupil", "pupils", "kids",
                  "children", "girl", "girls", "boy", "boys", "work", "day", "days", "hours", "bus", "shoes"}


def word_at(view: DocView, i: int) -> Referent | None:
    """Who token ``i`` names by its word, or by the name the note gave an age to ("Kerry (38)" ... "Kerry")."""
    words = view.words
    w = words[i]
    if w in COLLECTIVE and ((i + 1 < len(words) and words[i + 1] in COMPOUNDED)
                             or (w in NEEDS_ARTICLE and (i == 0 or words[i - 1] not in ARTICLES))):
        return None  # "gang affiliated", "a gang member": a modifier, not the gang as a person
    if w in YOUNG_NOUNS and i > 0 and words[i - 1] == "young":
        return Referent.CHILD  # "a difficult young person", "young people"
    if w in {"man", "fella", "guy"} and i > 0 and words[i - 1] in {"wee", "little"}:
        return Referent.CHILD  # "Wee man's just testing the boundaries": a boy
    if w == "school" and words[i + 1:i + 2] and words[i + 1] in _SCHOOL_THINGS:
        return None  # "YP known school refuser, always turns up", "her school friends": not the school
    if w in {"associate", "associates"} and words[i + 1:i + 2] == ("with",):
        return None  # "Tyler associates with older peers": the verb, not his associates
    if w in YOUNG_NOUNS and i > 1 and words[i - 1] in {"an", "a"} and words[i - 2] in LIKENING:
        return None  # "nearly an adult", "acts like a woman": said of the child, comparing
    if w in YOUNG_NOUNS and i + 3 < len(words) and words[i + 1:i + 4] == ("in", "all", "but"):
        return None  # "an adult in all but name"
    age = cast(view).get(w)
    if age is not None:
        return by_age(age)
    age = roles(view).get(w)
    if age is not None:
        return by_age(age)  # "MALE 16 detained ... MALE IS A KNOWN GANG MEMBER"
    if _CODED_ADULT.match(w) and words[i + 1:i + 2] and words[i + 1] in _SUBJECT_FOLLOWS:
        return Referent.ADULT  # "S2 is a known drug dealer", "M1 has supply convictions": suspect 2, male 1
    return words_name(w)


# Suspects and males numbered in a note ("S1", "M2"); a subject only before a verb: "s2 MSA", "s9 SOA" are sections.
_CODED_ADULT = re.compile(r"^(s|m|susp|sus|n)[1-9]$")
_SUBJECT_FOLLOWS = {"is", "was", "has", "had", "'s", "are", "were", "will", "would", "then", "also", "(", ","}


def roles(view: DocView) -> dict[str, int]:
    """Role words the note gives one age to ("MALE 16", "the suspect (15)", "FEMALE (12)"): custody and control-room
    notes call a child "the suspect" or "the male", and a later bare "the male" is that child. A role given two
    different ages is left to its ordinary meaning."""
    found = view.cache.get("roles")
    if found is None:
        ages: dict[str, int | None] = {}
        words = view.words
        for i, w in enumerate(words):
            if w in ADULT_MALE or w in ADULT_FEMALE or w in ROLE_NOUNS:
                age = age_after(words, i)
                if age is None and i > 0:
                    age = age_at(words, i - 1)  # "15YO FEMALE", "16 year old male"
                if age is None and i + 1 < len(words) and _age_number(words, i + 1):
                    age = int(words[i + 1])  # "MALE 16 DETAINED"; "Male 2", "Suspect 1" are labels, not ages
                if age is None and i + 2 < len(words) and words[i + 1] in {"is", "was"}:
                    age = age_at(words, i + 2)  # "Caller is 15yo Jessica"
                if age is None and w in ROLE_NOUNS and i + 1 < len(words) and could_be_name(words[i + 1]):
                    age = age_after(words, i + 1)  # "Female caller Shay (15)" ... "Caller had been drinking"
                if age is None and w in ROLE_NOUNS and i + 2 < len(words) and words[i + 1] in {"male", "female"}:
                    age = age_after(words, i + 1)  # "RP FEMALE 16 REPORTS"
                    if age is None and _age_number(words, i + 2):
                        age = int(words[i + 2])
                if age is not None:
                    ages[w] = age if ages.get(w, age) == age else None
        found = {w: a for w, a in ages.items() if a is not None}
        custody = {found[w] for w in CUSTODY_ROLES if w in found}
        if len(custody) == 1:
            found.update(dict.fromkeys(CUSTODY_ROLES, custody.pop()))
        view.cache["roles"] = found
    return found


def _age_number(words: tuple[str, ...], j: int) -> bool:
    """A bare number after a role word that reads as an age: two digits and not a label ("Nominal 10:")."""
    return words[j].isdigit() and len(words[j]) == 2 and (j + 1 == len(words) or words[j + 1] != ":")


def cast(view: DocView) -> dict[str, int]:
    """The names a note gives an age to ("Leah (16)", "Kane PARKS (31)", "Kerry, 38"), read once per note, so that
    a later bare "Leah" or "Kerry" is known to be a child or an adult."""
    found = view.cache.get("cast")
    if found is None:
        found = {}
        words = view.words
        for i, w in enumerate(words):
            if not could_be_name(w) or w in _AGE_LEAD:
                continue
            age = age_after(words, i)
            if age is None:
                continue
            found.setdefault(w, age)
            if i > 0 and could_be_name(words[i - 1]) and (i < 2 or (words[i - 2] not in _SUBJECTS
                                                                     and words[i - 2] != ")"
                                                                     and words[i - 2] not in found)):
                # "Kane PARKS (31)": the first name too; not the verb in "she loves Dean (30)", "(34) met Jade (15)"
                found.setdefault(words[i - 1], age)
            if i > 1 and words[i - 1] in {"-", HYPHEN} and could_be_name(words[i - 2]):
                found.setdefault(words[i - 2], age)  # "Chelsea-Marie (15)" ... "Chelsea"
                if i > 2 and could_be_name(words[i - 3]) and (i < 4 or (words[i - 4] not in _SUBJECTS
                                                                        and words[i - 4] != ")"
                                                                        and words[i - 4] not in found)):
                    found.setdefault(words[i - 3], age)  # "Kyrese THOMPSON-HALE (14)" ... "Kyrese"
        view.cache["cast"] = found
    return found


# Person words that cannot stand for "she" or "he": "the olders pay him and he does it".
_SINGULAR_IN_S = {"mrs", "ms", "ds", "ps", "csc", "ocg"}
PLURAL_PERSONS = {w for w in ADULT_MALE | ADULT_FEMALE | ADULT_ANY
                  if w.endswith("s") and not w.endswith(("ss", "'s")) and w not in _SINGULAR_IN_S} \
    | {"men", "women", "people", "police", "staff", "they", "we", "team", "group", "gang"}


_SUBJECTS = {"she", "he", "they", "who", "i", "we", "it"}


def could_be_name(w: str) -> bool:
    # Letter case is not used: findings must not change with it, and ALL-CAPS logs are common.
    return (w.isalpha() and len(w) > 1 and words_name(w) is None and w not in NOT_A_NAME and w not in TITLES
            and w not in APPROX and w not in SKIP and w not in FUNCTION_WORDS and w not in OBJECT_PREPOSITIONS
            and w not in MORE_PREPOSITIONS and not w.endswith(("ing", "ed")))


def words_name(w: str) -> Referent | None:
    if w in ADULT_MALE or w in ADULT_FEMALE or (w in ADULT_ANY and w != "they"):
        return Referent.ADULT
    if w in CHILD and w not in PRONOUNS:
        return Referent.CHILD
    return None


# Words between a person and the age a note gives them: "Female believed 15", "Shannon DOB withheld, 16".
_AGE_LEAD = {"dob", "withheld", "redacted", "believed", "thought", "stated", "claims", "claimed", "reportedly"}


_AKA = {"aka", "a.k.a", "a.k.a.", "known"}
_NICK_QUOTES = {'"', "'", "\u201c", "\u201d", "\u2018", "\u2019"}


def _nickname_end(words: tuple[str, ...], j: int) -> int | None:
    """The last token of a nickname that starts at ``j``: 'aka "Bigz"', "aka Tank", "known as 'T'"."""
    if j >= len(words) or words[j] not in _AKA:
        return None
    if words[j] == "known":
        if words[j + 1:j + 2] != ("as",):
            return None
        j += 1
    k = j + 1
    if k < len(words) and words[k] in _NICK_QUOTES:
        close = next((m for m in range(k + 1, min(k + 5, len(words))) if words[m] in _NICK_QUOTES), None)
        return close
    return k if k < len(words) and words[k].isalpha() else None


def age_after(words: tuple[str, ...], i: int) -> int | None:
    """An age right after token ``i``: "male (24)", "Jones, 34yo", 'ALDRIDGE aka "Bigz" (22)'."""
    nickname = _nickname_end(words, i + 1)
    if nickname is not None:
        i = nickname
    for j in range(i + 1, min(i + 5, len(words))):
        if words[j] == ")":
            return age_in_brackets(words, j)
        if words[j] == "(":
            close = next((k for k in range(j + 1, min(j + 7, len(words))) if words[k] == ")"), None)
            if close is not None:
                return age_in_brackets(words, close)  # "Jordan (16, ADHD, LAC)"
        age = age_at(words, j)
        if age is not None:
            return age
        if words[j] in {"is", "was"} and j + 2 < len(words) and words[j + 1].isdigit() and len(words[j + 1]) == 2 \
                and words[j + 2] in {".", ",", ";", "\n", "and", "yrs", "years", "yo"}:
            return int(words[j + 1])  # "Tariq ELLWOOD is 26."
        if words[j].isdigit() and len(words[j]) <= 2 and (words[j - 1] == "," or words[j - 1] in _AGE_LEAD) \
                and j + 1 < len(words) and words[j + 1] in {",", ")", ".", ";", "\n"}:
            return int(words[j])  # "Kerry, 38, controls", "Female believed 15, ...", "Shannon DOB withheld, 16"
        if words[j] not in {"(", ",", "-", HYPHEN} | APPROX | _AGE_LEAD \
                and not (words[j].isdigit() and len(words[j]) <= 2) \
                and not (len(words[j]) == 1 and words[j].isalpha()):  # an initial: "Brian K (41)"
            return None
    return None
