"""The rule file schema: turns one parsed YAML mapping into a ``Rule``, or lists every problem with it.

Problems are collected, not raised one at a time, so a rule author sees everything wrong in one run, each as
``field: problem`` (the loader adds the file name). Unknown keys are errors: a misspelt ``must_macth`` would
otherwise silently drop a rule's tests.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.schemas import validate_token_pattern

from vblint.inflect import inflections
from vblint.model import CATEGORIES, Action, Context, Example, Rule, Severity
from vblint.suggest import TEMPLATE_FIELDS

CODE_RE = re.compile(r"^VB\d{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
CATALOGUE_RE = re.compile(r"^C\d{3}$")
EXAMPLE_SPAN_RE = re.compile(r"\[\[(.+?)\]\]")
PLACEHOLDER_RE = re.compile(r"\{([^{}]*)\}")

REQUIRED = ("code", "name", "category", "severity", "message", "rationale", "suggestions", "examples")
OPTIONAL = ("catalogue", "references", "alternatives", "patterns", "phrases", "exceptions", "context", "scope",
            "requires_child", "adult_object", "detector", "threshold")
# How a rule finds its candidates: its own patterns and phrases, or the learned reader (vblint.learned), whose
# proposals of the rule's category it reports when their confidence reaches the rule's threshold.
DETECTORS = ("patterns", "learned")
# Attributes that need a tagger or parser: the pipeline has none, so a pattern using them could never match.
UNAVAILABLE_ATTRS = {"POS", "TAG", "DEP", "MORPH", "ENT_TYPE", "ENT_IOB", "ENT_ID", "SENT_START", "IS_SENT_START"}
# Notes are matched lower-cased (findings must not change with letter case), so these could never match.
CASE_ATTRS = {"IS_TITLE", "IS_UPPER"}
# Attributes whose values name a word (and so can anchor the prefilter).
WORD_ATTRS = ("LOWER", "ORTH", "TEXT", "NORM")


class Problems(list[str]):
    def add(self, field: str, problem: str) -> None:
        self.append(f"{field}: {problem}")


def parse_example(text: str) -> Example:
    """``She [[places herself]] at risk.`` -> the plain text and the offsets of each marked span."""
    spans: list[tuple[int, int]] = []
    plain: list[str] = []
    pos = 0
    length = 0
    for m in EXAMPLE_SPAN_RE.finditer(text):
        before = text[pos:m.start()]
        plain.append(before)
        length += len(before)
        spans.append((length, length + len(m[1])))
        plain.append(m[1])
        length += len(m[1])
        pos = m.end()
    plain.append(text[pos:])
    return Example("".join(plain), tuple(spans))


def _strings(value: Any, field: str, problems: Problems, *, required: bool = False) -> tuple[str, ...]:
    if value is None:
        if required:
            problems.add(field, "is required")
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.add(field, "must be a list of non-empty strings")
        return ()
    if required and not value:
        problems.add(field, "must not be empty")
    return tuple(v.strip() for v in value)


def _text(value: Any, field: str, problems: Problems) -> str:
    if not isinstance(value, str) or not value.strip():
        problems.add(field, "must be a non-empty string")
        return ""
    return " ".join(value.split())


def _compile_token(token: Any, field: str, problems: Problems) -> dict[str, Any] | None:
    """Rewrite ``LEMMA`` into the surface forms it stands for; reject attributes the pipeline cannot set."""
    if not isinstance(token, dict) or not token:
        problems.add(field, "a token must be a non-empty mapping such as {LOWER: risk}")
        return None
    out: dict[str, Any] = {}
    for key, value in token.items():
        if not isinstance(key, str):
            problems.add(field, f"token attribute {key!r} must be a string")
            continue
        upper = key.upper()
        if upper in UNAVAILABLE_ATTRS:
            problems.add(field, f"{key} needs a tagger or parser, and the vblint pipeline has neither")
        elif upper in CASE_ATTRS:
            problems.add(field, f"{key} can never match: notes are matched lower-cased, so letter case is not seen")
        elif upper == "LEMMA":
            if "LOWER" in {k.upper() for k in token}:
                problems.add(field, "a token cannot have both LEMMA and LOWER")
                continue
            out["LOWER"] = _lemma_forms(value, field, problems)
        elif upper in ("LOWER", "NORM", "ORTH", "TEXT") and not _all_strings(value):
            problems.add(field, f"{key} values must be words (strings); quote numbers and true/false")
        elif upper in ("LOWER", "NORM", "ORTH", "TEXT") and isinstance(value, (str, dict)):
            # Notes are matched lower-cased (see textmap), so every word attribute is compared lower-cased.
            out["LOWER" if upper != "NORM" else "NORM"] = _lowered(value)
        else:
            out[upper] = value
    return out


def _all_strings(value: Any) -> bool:
    if isinstance(value, dict):
        return all(isinstance(v, str) for vs in value.values() for v in (vs if isinstance(vs, list) else [vs]))
    return isinstance(value, str)


def _lowered(value: str | dict[str, Any]) -> str | dict[str, Any]:
    if isinstance(value, str):
        return value.lower()
    return {op: ([v.lower() for v in vs] if isinstance(vs, list) else vs) for op, vs in value.items()}


def _lemma_forms(value: Any, field: str, problems: Problems) -> Any:
    if isinstance(value, str):
        return {"IN": sorted(inflections(value))}
    if isinstance(value, dict) and len(value) == 1:
        (op, lemmas), = value.items()
        if op in ("IN", "NOT_IN") and isinstance(lemmas, list) and all(isinstance(x, str) for x in lemmas):
            return {op: sorted(set().union(*(inflections(x) for x in lemmas)))}
    problems.add(field, "LEMMA takes a word, {IN: [words]} or {NOT_IN: [words]}")
    return {"IN": []}


def token_words(token: dict[str, Any]) -> frozenset[str] | None:
    """The lower-cased words a compiled token can match, or None when it is open (e.g. ``{IS_ALPHA: true}``)."""
    for attr in WORD_ATTRS:
        value = token.get(attr)
        if isinstance(value, str):
            return frozenset({value.lower()})
        if isinstance(value, dict) and isinstance(value.get("IN"), list):
            return frozenset(str(v).lower() for v in value["IN"])
    return None


def pattern_anchor(pattern: list[dict[str, Any]]) -> frozenset[str] | None:
    """The most selective set of words one of which every match of ``pattern`` must contain."""
    best: frozenset[str] | None = None
    for token in pattern:
        if token.get("OP") in ("?", "*", "!") or "NORM" in token:
            continue  # the prefilter looks anchors up among tokens' lower-case forms, and a NORM may differ
        words = token_words(token)
        if words is None or not all(re.fullmatch(r"[^\W_](?:\S*[^\W_])?", w) for w in words) or words & _FRAGMENTS:
            continue
        if best is None or _anchor_cost(words) < _anchor_cost(best):
            best = words
    return best


# Tokens spaCy splits off inside a word ("didnt" -> "did" + "nt", "shes" -> "she" + "s", "wont" -> "wo" + "nt"):
# a search for them as whole words in the raw note would miss them, so they can never be anchors.
_FRAGMENTS = frozenset({"nt", "s", "m", "re", "ve", "d", "ll", "ca", "wo", "gon", "na", "ta", "sha"})

# Words in nearly every note: a set of anchors holding one of them would send every note to the rule.
COMMON_WORDS = frozenset({
    "a", "an", "the", "to", "at", "with", "is", "on", "for", "of", "from", "was", "are", "be", "been",
    "being", "not", "this", "that", "who", "her", "his", "she", "he", "they", "it", "in", "and", "or", "by",
    "as", "has", "have", "had", "will", "would", "can", "could", "do", "does", "did", "no", "so", "but",
    "if", "into", "up", "out", "about", "over", "off", "than", "then", "very", "just", "all", "any", "some",
    # and in nearly every police note about a child
    "school", "home", "return", "returned", "returns", "missing", "risk", "child", "children", "address", "police",
    "officer", "officers", "mum", "staff", "time", "back", "also", "said", "says", "states", "stated", "seen",
    "found", "located", "report", "reported", "referral", "male", "males", "female", "girl", "boy", "car", "night",
    "today", "good", "well", "now", "still", "again", "known", "there", "here", "where", "when", "what", "one",
    "two", "went", "go", "goes", "going", "get", "gets", "got", "made", "make", "told", "mash", "csc", "cse",
    "concerns", "concern", "advised", "contact", "family", "friends", "friend", "room", "phone", "spoke", "she's",
    "he's", "yp", "ip", "misper", "safe", "since", "after", "before", "while", "because", "more", "which"
})


def _anchor_cost(words: frozenset[str]) -> tuple[int, int, int]:
    """Fewer notes reach a rule whose anchors are few, uncommon and long."""
    return (len(words & COMMON_WORDS), len(words), -min(map(len, words)))


def _patterns(value: Any, field: str, problems: Problems) -> tuple[tuple[dict[str, Any], ...], ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.add(field, "must be a list of token patterns (each a list of token mappings)")
        return ()
    compiled: list[tuple[dict[str, Any], ...]] = []
    for i, pattern in enumerate(value):
        where = f"{field}[{i}]"
        if not isinstance(pattern, list) or not pattern:
            problems.add(where, "must be a non-empty list of token mappings")
            continue
        tokens = [_compile_token(t, f"{where}[{j}]", problems) for j, t in enumerate(pattern)]
        if any(t is None for t in tokens):
            continue
        checked = [t for t in tokens if t is not None]
        for err in validate_token_pattern(checked):
            problems.add(where, f"invalid spaCy token pattern: {err}")
        if pattern_anchor(checked) is None:
            problems.add(where, "has no anchor: at least one required token must list its words (LOWER/LEMMA)")
        compiled.append(tuple(checked))
    return tuple(compiled)


def _policy(value: Any, problems: Problems) -> dict[Context, Action]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.add("context", "must be a mapping of context to action")
        return {}
    policy: dict[Context, Action] = {}
    contexts = ", ".join(c.value for c in Context)
    actions = ", ".join(a.value for a in Action)
    for key, action in value.items():
        try:
            context = Context(key)
        except ValueError:
            problems.add(f"context.{key}", f"unknown context (expected one of {contexts})")
            continue
        try:
            policy[context] = Action(action)
        except ValueError:
            problems.add(f"context.{key}", f"unknown action {action!r} (expected one of {actions})")
    return policy


def _examples(value: Any, problems: Problems) -> tuple[tuple[Example, ...], tuple[str, ...]]:
    if not isinstance(value, dict):
        problems.add("examples", "is required: a mapping with must_match and must_not_match lists")
        return (), ()
    for key in value:
        if key not in ("must_match", "must_not_match"):
            problems.add(f"examples.{key}", "unknown key (expected must_match or must_not_match)")
    must = _strings(value.get("must_match"), "examples.must_match", problems, required=True)
    must_not = _strings(value.get("must_not_match"), "examples.must_not_match", problems, required=True)
    parsed = []
    for i, text in enumerate(must):
        example = parse_example(text)
        if not example.spans:
            problems.add(f"examples.must_match[{i}]", "marks no span: put the expected match in [[...]]")
        parsed.append(example)
    for i, text in enumerate(must_not):
        if "[[" in text:
            problems.add(f"examples.must_not_match[{i}]", "must not mark a span")
    return tuple(parsed), must_not


def _suggestions(value: Any, problems: Problems) -> tuple[str, ...]:
    templates = _strings(value, "suggestions", problems, required=True)
    for i, template in enumerate(templates):
        for name in PLACEHOLDER_RE.findall(template):
            if name not in TEMPLATE_FIELDS:
                known = ", ".join(sorted(TEMPLATE_FIELDS))
                problems.add(f"suggestions[{i}]", f"unknown placeholder {{{name}}} (known: {known})")
    return templates


def build_rule(data: Any, path: str = "") -> tuple[Rule | None, list[str]]:
    """Validate one parsed rule file; return the rule, or None and every ``field: problem`` found."""
    problems = Problems()
    if not isinstance(data, dict):
        return None, ["(top level): must be a mapping of rule fields"]
    for key in data:
        if key not in REQUIRED and key not in OPTIONAL:
            problems.add(str(key), "unknown field")
    for key in REQUIRED:
        if key not in data:
            problems.add(key, "is required")

    code = _text(data.get("code"), "code", problems) if "code" in data else ""
    if code and not CODE_RE.match(code):
        problems.add("code", f"{code!r} must look like VB101")
    name = _text(data.get("name"), "name", problems) if "name" in data else ""
    if name and not NAME_RE.match(name):
        problems.add("name", f"{name!r} must be lower-case words joined by hyphens")
    category = data.get("category")
    if "category" in data and category not in CATEGORIES:
        problems.add("category", f"{category!r} is not one of the taxonomy's categories")
    severity = Severity.WARNING
    if "severity" in data:
        try:
            severity = Severity.parse(str(data["severity"]))
        except ValueError as err:
            problems.add("severity", str(err))
    message = _text(data.get("message"), "message", problems) if "message" in data else ""
    rationale = _text(data.get("rationale"), "rationale", problems) if "rationale" in data else ""

    catalogue = _strings(data.get("catalogue"), "catalogue", problems)
    for row in catalogue:
        if not CATALOGUE_RE.match(row):
            problems.add("catalogue", f"{row!r} must look like C001")
    references = _strings(data.get("references"), "references", problems)
    alternatives = _strings(data.get("alternatives"), "alternatives", problems)
    suggestions = _suggestions(data.get("suggestions"), problems) if "suggestions" in data else ()

    detector = data.get("detector", "patterns")
    if detector not in DETECTORS:
        problems.add("detector", f"{detector!r} must be one of {', '.join(DETECTORS)}")
    learned = detector == "learned"
    threshold = data.get("threshold", 0.0)
    if learned and ("threshold" not in data or isinstance(threshold, bool)
                    or not isinstance(threshold, (int, float)) or not 0 < threshold <= 1):
        problems.add("threshold", "a learned rule needs a confidence threshold above 0 and at most 1")
        threshold = 1.0
    elif not learned and "threshold" in data:
        problems.add("threshold", "only a learned rule (detector: learned) has a threshold")
    patterns = _patterns(data.get("patterns"), "patterns", problems)
    phrases = tuple(v for p in _strings(data.get("phrases"), "phrases", problems) for v in phrase_variants(p))
    if learned and (patterns or phrases or data.get("exceptions")):
        problems.add("detector", "a learned rule has no patterns, phrases or exceptions of its own")
    if not learned and not patterns and not phrases:
        problems.add("patterns", "a rule needs patterns or phrases to match")
    exceptions = data.get("exceptions") or {}
    if not isinstance(exceptions, dict) or set(exceptions) - {"patterns", "phrases"}:
        problems.add("exceptions", "must be a mapping with patterns and/or phrases")
        exceptions = {}
    exception_patterns = _exception_patterns(exceptions.get("patterns"), problems)
    exception_phrases = tuple(
        v for p in _strings(exceptions.get("phrases"), "exceptions.phrases", problems) for v in phrase_variants(p)
    )
    policy = _policy(data.get("context"), problems)

    scope = data.get("scope", 0)
    if not isinstance(scope, int) or isinstance(scope, bool) or not 0 <= scope <= 40:
        problems.add("scope", "must be a whole number of tokens from 0 to 40")
        scope = 0
    requires_child = data.get("requires_child", False)
    if not isinstance(requires_child, bool):
        problems.add("requires_child", "must be true or false")
    adult_object = data.get("adult_object", False)
    if not isinstance(adult_object, bool):
        problems.add("adult_object", "must be true or false")
    must_match, must_not_match = _examples(data.get("examples"), problems) if "examples" in data else ((), ())

    if problems:
        return None, list(problems)
    anchors: set[str] = set()
    for pattern in patterns:
        anchors |= pattern_anchor(list(pattern)) or set()
    for phrase in phrases:
        words = re.findall(r"[a-z][a-z0-9]*", phrase.lower())
        if words:
            anchors.add(max(words, key=len))
    rule = Rule(
        code=code, name=name, category=str(category), severity=severity, message=message,
        rationale=rationale, suggestions=suggestions, alternatives=alternatives, references=references,
        catalogue=catalogue, patterns=patterns, phrases=phrases, exception_patterns=exception_patterns,
        exception_phrases=exception_phrases, policy=policy, anchors=frozenset(anchors),
        must_match=must_match, must_not_match=must_not_match, path=path, scope=scope,
        requires_child=bool(requires_child), adult_object=bool(adult_object), learned=learned,
        threshold=float(threshold),
    )
    return rule, []


def phrase_variants(phrase: str) -> tuple[str, ...]:
    """A phrase as written, plus its spaced and joined forms when it has a hyphen ("street-wise")."""
    base = " ".join(phrase.split())
    variants = [base]
    if "-" in base:
        variants += [base.replace("-", " "), base.replace("-", "")]
    return tuple(variants)


def _exception_patterns(value: Any, problems: Problems) -> tuple[tuple[dict[str, Any], ...], ...]:
    # Exceptions need no anchor of their own: they only ever cancel a match the rule already made.
    inner = Problems()
    compiled = _patterns(value, "exceptions.patterns", inner)
    problems.extend(p for p in inner if "has no anchor" not in p)
    return compiled
