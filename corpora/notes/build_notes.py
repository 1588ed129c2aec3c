"""Build corpora/notes/{dev,test}.jsonl: synthetic police notes with every victim-blaming span labelled.

Notes are composed from phrases.py (blaming phrasings, benign look-alikes) and the sentence frames below: blaming
sentences; the same phrasings in the traps that must not be flagged (negation, quoted words, adult referents,
supervisors' corrections and training mentions); procedural look-alikes; and routine text. Everything is invented.

The split is by phrasing, not by note: a phrasing (and a benign sentence) belongs to dev or to test by a hash of
its text, so the test split measures the rules on wordings they were not tuned on.
Hand-written notes in handwritten.txt (markup described in handwritten()) join the generated ones, split by id.
The notes in independent/*.txt, written in the same markup by writers who had not seen the rules, are split by id
too: their dev part joins dev.jsonl, their test part is holdout.jsonl, the realistic measure, never tuned on.
Run: python corpora/notes/build_notes.py [--notes 1700] [--seed 7]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from pathlib import Path

from phrases import BENIGN, BLAMING

HERE = Path(__file__).resolve().parent
TEAMS = (
    "Northgate CID",
    "Riverside Safeguarding Hub",
    "Eastfield Response",
    "Westmoor CID",
    "Central Missing Persons Unit",
    "Force Control Room",
    "County MASH",
    "Exploitation Team South",
)
TYPES = {
    "investigation-update": (("officer", 0.7), ("supervisor", 0.3)),
    "missing-person-risk-assessment": (("officer", 0.5), ("supervisor", 0.4), ("staff", 0.1)),
    "vist-supervisor-review": (("supervisor", 0.9), ("officer", 0.1)),
    "control-room-log": (("call-handler", 0.7), ("officer", 0.2), ("supervisor", 0.1)),
    "mash-update": (("staff", 0.5), ("analyst", 0.3), ("supervisor", 0.2)),
    "child-exploitation-team-update": (("officer", 0.6), ("analyst", 0.25), ("supervisor", 0.15)),
}
HEADERS = {
    "investigation-update": [
        "Update by DC {num} {sur}:",
        "OIC update -",
        "INV UPDATE {date}:",
        "Investigation update.",
    ],
    "missing-person-risk-assessment": [
        "MFH risk assessment - {level}.",
        "THRIVE:",
        "Missing episode {n}.",
        "Misper RA {date}:",
    ],
    "vist-supervisor-review": [
        "VIST supervisor review (PS {num} {sur}):",
        "Supervisor review -",
        "VIST REVIEW:",
        "Reviewed by DS {num} {sur}.",
    ],
    "control-room-log": ["{time}hrs CALL FROM {caller}.", "Log {num}:", "FCR {time}hrs -", "{time} RP calling back."],
    "mash-update": ["MASH update:", "MASH RAG: {rag}.", "Info share from CSC:", "MASH triage {date}."],
    "child-exploitation-team-update": [
        "CET update:",
        "Exploitation team review -",
        "Disruption update:",
        "CE panel {date}:",
    ],
}
NEUTRAL = {
    "investigation-update": [
        "ABE booked for Thursday.",
        "Phone download submitted to DFU.",
        "CCTV requested from the bus station.",
        "Suspect interviewed under caution, released under investigation.",
        "Statement obtained from the school.",
        "Awaiting CPS advice.",
        "House to house completed on Mill Lane.",
        "Strat discussion held with CSC.",
    ],
    "missing-person-risk-assessment": [
        "Last seen at 1900hrs leaving the unit.",
        "Phone going straight to voicemail.",
        "Friends and family addresses checked, no trace.",
        "Banking and social media checks requested.",
        "Grading reviewed by the duty inspector.",
        "Patrols asked to check the retail park.",
        "Previous missing episodes: 6 this year.",
        "Return interview to be arranged.",
    ],
    "vist-supervisor-review": [
        "Actions reviewed.",
        "OIC to update the family.",
        "Safeguarding referral submitted.",
        "Risk grading reviewed.",
        "Investigation plan agreed.",
        "Further actions set below.",
        "VIST completed within timescale.",
    ],
    "control-room-log": [
        "Patrols assigned.",
        "Caller will ring back if she returns.",
        "Unit 4 attending.",
        "Details circulated to all patrols.",
        "Log updated and passed to the duty sergeant.",
        "No trace at the address.",
        "RP advised to call 999 if concerns change.",
    ],
    "mash-update": [
        "Strategy discussion to be held.",
        "Health and education information requested.",
        "Known to CSC since 2023.",
        "Referral from school received.",
        "Outcome: s47 enquiries.",
        "Information shared with the school DSL.",
        "No previous police involvement.",
    ],
    "child-exploitation-team-update": [
        "Disruption notice served on the address.",
        "Intel submitted.",
        "NRM referral considered.",
        "Joint visit with the CE worker planned.",
        "Vehicle of interest flagged on ANPR.",
        "Mapping meeting next week.",
        "Child abduction warning notice considered.",
    ],
}
GIRLS = [
    ("Jade", 14),
    ("Kayla", 15),
    ("Leah", 13),
    ("Chloe", 16),
    ("Demi", 15),
    ("Skye", 14),
    ("Poppy", 15),
    ("Lacey", 13),
    ("Mia", 16),
    ("Tia", 14),
    ("Aimee", 15),
    ("Ellie", 17),
]
BOYS = [
    ("Tyler", 15),
    ("Mason", 14),
    ("Reece", 16),
    ("Kian", 15),
    ("Callum", 13),
    ("Jayden", 16),
    ("Rhys", 14),
    ("Harvey", 15),
    ("Connor", 17),
]
SURNAMES = ("Morgan", "Hughes", "Price", "Doyle", "Lowe", "Hale", "Evans", "Bishop", "Carter", "Shaw")
# Categories whose words are also ordinary about adults, so they make the adult-referent traps.
ADULT_SAFE = {
    "capability-streetwise",
    "criminalising",
    "character-judgement",
    "choice-framing",
    "engagement-blame",
    "circumstantial-blame",
}


def test_bucket(key: str) -> bool:
    return int(hashlib.sha256(key.encode()).hexdigest(), 16) % 10 < 4


def masculine(text: str) -> str:
    text = re.sub(r"\bherself\b", "himself", text)
    text = re.sub(r"\bher\b", "his", text)
    return re.sub(r"\bshe\b", "he", text)


def first_person(text: str) -> str:
    return re.sub(r"\bherself\b", "myself", re.sub(r"\bher\b", "my", text))


class Writer:
    def __init__(self, rnd: random.Random) -> None:
        self.rnd = rnd

    def pick(self, seq):  # type: ignore[no-untyped-def]
        return self.rnd.choice(seq)

    def new_child(self, male: bool) -> None:
        """The child this note is about; every sentence of the note refers to the same child."""
        self.current = self.pick(BOYS if male else GIRLS)

    def child(self, male: bool) -> tuple[str, str, str]:
        """(subject as written at the start of a sentence, pronoun, name) for the child the note is about."""
        name, age = self.current
        pron = "he" if male else "she"
        age_forms = [
            f"{name} ({age})",
            f"{name} {age}yo",
            f"{name} (aged {age})",
            "Misper",
            "MFH",
            "YP",
            "CHILD A" if not male else "CHILD B",
            name,
            f"{name} ({age}yrs)",
            pron.capitalize(),
        ]
        return self.pick(age_forms), pron, name

    def fill(self, template: str) -> str:
        r = self.rnd
        return template.format(
            num=r.randint(1000, 9999),
            sur=self.pick(SURNAMES),
            date=f"{r.randint(1, 28)}/0{r.randint(1, 9)}",
            level=self.pick(("LOW", "MEDIUM", "HIGH", "medium", "low")),
            n=r.randint(2, 30),
            time=f"{r.randint(0, 23):02d}{r.choice(('00', '15', '30', '45'))}",
            caller=self.pick(("CARE HOME STAFF", "MUM", "SCHOOL", "RP", "NAN", "FOSTER CARER")),
            rag=self.pick(("amber", "red", "green")),
        )

    def noisy(self, text: str) -> str:
        """A typo in a routine sentence now and then, as real notes have."""
        words = text.split(" ")
        if self.rnd.random() < 0.12:
            i = self.rnd.randrange(len(words))
            w = words[i]
            if len(w) > 4 and w.isalpha():
                j = self.rnd.randrange(1, len(w) - 2)
                words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
        return " ".join(words)


def blaming_sentence(w: Writer, category: str, slot: str, phrase: str, male: bool) -> list[tuple[str, str | None]]:
    subj, pron, _ = w.child(male)
    p = masculine(phrase) if male else phrase
    if slot == "VP":
        frames = [
            ("{S} ", "."),
            ("{S} ", " and was located at {t}hrs."),
            ("It is felt that {s} ", "."),
            ("{S} has been missing overnight; {p} ", "."),
            ("Staff at the unit report {s} ", "."),
            ("Supervisor review: {s} ", ", grading remains low."),
            ("{S} once again ", "."),
            ("Concern is that {s} ", " when missing."),
            ("{S} ", " - no further action at this time."),
        ]
    elif slot == "ADJ":
        frames = [
            ("{S} is ", "."),
            ("{S} is considered ", " by staff."),
            ("{S} is ", " and was located in town."),
            ("Supervisor review: {s} is ", ", risk graded low."),
            ("In my view {s} is ", "."),
            ("{S} is known to be ", "."),
            ("{S} has always been ", " according to staff."),
        ]
    elif slot == "NP":
        frames = [
            ("{S} is believed to be staying with ", "."),
            ("{S} was collected from school by ", "."),
            ("Intel that {s} is spending weekends with ", " in {town}."),
            ("{S} is thought to be with ", " again."),
            ("{S} was seen in a car driven by ", "."),
        ]
    else:  # S: a line of its own
        frames = [("", "."), ("Risk: ", "."), ("Assessment - ", "."), ("Rationale: ", ". NFA."), ("", ". Closed.")]
    head, tail = w.pick(frames)
    town = w.pick(("Swindon", "Gloucester", "Bristol", "Cheltenham", "Stroud"))
    lower = subj if subj[0].isupper() and subj.split(" ")[0] not in ("She", "He") else subj.lower()
    head = head.format(S=subj, s=lower, p=pron, town=town)
    tail = tail.format(t=f"{w.rnd.randint(0, 23):02d}{w.rnd.randint(0, 5)}0", town=town)
    if slot == "S" and head == "" and w.rnd.random() < 0.3:
        p = p.upper()
    return [(head, None), (p, category), (tail, None)]


def trap_sentence(w: Writer, category: str, slot: str, phrase: str, male: bool) -> str:
    subj, pron, name = w.child(male)
    lower = subj if subj[0].isupper() and subj.split(" ")[0] not in ("She", "He") else subj.lower()
    p = masculine(phrase) if male else phrase
    kinds = ["mention", "mention"]
    if slot in ("VP", "ADJ"):
        kinds += ["negation", "negation"]
    if slot in ("ADJ", "NP"):
        kinds += ["child-quote"]
    if slot == "VP":
        kinds += ["parent-quote"]
    if category in ADULT_SAFE and slot in ("VP", "ADJ"):
        kinds += ["adult", "adult"]
    kind = w.pick(kinds)
    if kind == "mention":
        return w.pick(
            [
                f"Supervisor note: avoid phrases such as '{phrase}' - record what the adults did.",
                f"VIST returned to the OIC: the wording '{phrase}' is victim-blaming and has been removed.",
                f"Training reminder - do not use terms like '{phrase}' about children.",
                f"DI review: amended the rationale, which said '{phrase}'; the child is being exploited.",
                f"Please do not describe {name} in terms such as '{phrase}'.",
            ]
        )
    if kind == "negation":
        if slot == "VP":
            return w.pick(
                [
                    f"There is no suggestion that {pron} {p}.",
                    f"No evidence {pron} {p}.",
                    f"It is not right to say {pron} {p}; adults are targeting {'him' if male else 'her'}.",
                    f"Nothing to indicate {pron} {p}.",
                ]
            )
        return w.pick(
            [
                f"{subj} is not {p}.",
                f"{pron.capitalize()} is not {p}; {pron} is a child being exploited.",
                f"Nothing to suggest {lower} is {p}.",
                f"{subj} should never be described as {p}.",
            ]
        )
    if kind == "child-quote":
        return w.pick(
            [
                f"{name} said \"everyone says I'm {first_person(p)} but I'm not\".",
                f"{name} told me \"I'm {first_person(p)}, I can look after myself, I don't need you lot\".",
                f'{name} stated "{first_person(p)} picks me up after school".',
            ]
            if slot == "NP"
            else [
                f"{name} said \"everyone says I'm {first_person(p)} but I'm not\".",
                f"{name} told me \"I'm {first_person(p)}, I don't need you lot\".",
            ]
        )
    if kind == "parent-quote":
        return w.pick([f'Mum said "{pron} {p}, {pron} always has".', f'Nan stated "{pron} {p} and I can\'t stop it".'])
    age = w.rnd.randint(19, 58)
    who = w.pick(
        [
            f"The suspect ({age})",
            f"The male ({age})",
            f"Nominal {w.pick(SURNAMES)} ({age})",
            f"The suspect, aged {age},",
        ]
    )
    adult = masculine(phrase)
    return f"{who} {'is ' if slot == 'ADJ' else ''}{adult}."


def build(notes: int, seed: int) -> tuple[list[dict], list[dict]]:  # type: ignore[type-arg]
    rnd = random.Random(seed)
    w = Writer(rnd)
    items = [(c, slot, p) for c, slots in BLAMING.items() for slot, ps in slots.items() for p in ps]
    pools = {False: [i for i in items if not test_bucket(i[2])], True: [i for i in items if test_bucket(i[2])]}
    benign = {False: [b for b in BENIGN if not test_bucket(b)], True: [b for b in BENIGN if test_bucket(b)]}
    out: dict[bool, list[dict]] = {False: [], True: []}  # type: ignore[type-arg]
    types = list(TYPES)
    for n in range(notes):
        kind = rnd.choices(("blaming", "trap", "benign", "plain"), weights=(44, 28, 16, 12))[0]
        split = rnd.random() < 0.4
        male = rnd.random() < 0.3
        w.new_child(male)
        note_type = types[n % len(types)]
        roles, weights = zip(*TYPES[note_type], strict=True)
        role = rnd.choices(roles, weights)[0]
        pieces: list[tuple[str, str | None]] = [(w.fill(w.pick(HEADERS[note_type])) + " ", None)]
        for s in rnd.sample(NEUTRAL[note_type], k=rnd.randint(0, 2)):
            pieces.append((w.noisy(s) + " ", None))
        body: list[list[tuple[str, str | None]]] = []
        if kind == "blaming":
            for category, slot, phrase in rnd.sample(pools[split], k=rnd.choice((1, 1, 1, 2, 2, 3))):
                body.append(blaming_sentence(w, category, slot, phrase, male))
            if rnd.random() < 0.3:
                body.append([(rnd.choice(benign[split]), None)])
        elif kind == "trap":
            for category, slot, phrase in rnd.sample(pools[split], k=rnd.choice((1, 1, 2))):
                body.append([(trap_sentence(w, category, slot, phrase, male), None)])
        elif kind == "benign":
            body += [[(b, None)] for b in rnd.sample(benign[split], k=rnd.choice((1, 2)))]
        rnd.shuffle(body)
        for sentence in body:
            if rnd.random() < 0.08:  # an ALL-CAPS line
                sentence = [(t.upper(), c) for t, c in sentence]
            pieces += [*sentence, (" ", None)]
        for s in rnd.sample(NEUTRAL[note_type], k=rnd.randint(0, 2)):
            pieces.append((w.noisy(s) + " ", None))
        text, spans = "", []
        for piece, category in pieces:
            if category:
                spans.append({"start": len(text), "end": len(text) + len(piece), "text": piece, "category": category})
            text += piece
        text = text.rstrip()
        out[split].append(
            {
                "id": f"syn-{n + 1:04d}",
                "note_type": note_type,
                "team": rnd.choice(TEAMS),
                "role": role,
                "text": text,
                "spans": spans,
            }
        )
    # The same note text twice would count twice; keep the first.
    seen: set[str] = set()
    for split in out:
        out[split] = [r for r in out[split] if not (r["text"] in seen or seen.add(r["text"]))]
    return out[False], out[True]


HEADER = re.compile(r"^### id: (\S+) \| type: (\S+) \| team: ([^|]+?) \| role: (\S+)\s*$")
SPAN = re.compile(r"\[\[([^\[\]|]+)\|([a-z-]+)\]\]")


def handwritten(path: Path) -> list[dict]:  # type: ignore[type-arg]
    """Hand-written notes in markup: a '### id: ... | type: ... | team: ... | role: ...' line, then the text with
    each span written [[words|category]]."""
    notes: list[dict] = []  # type: ignore[type-arg]
    for line in path.read_text(encoding="utf-8").splitlines():
        head = HEADER.match(line)
        if head:
            notes.append({"id": head[1], "note_type": head[2], "team": head[3], "role": head[4], "raw": []})
        elif notes:
            notes[-1]["raw"].append(line)
    for note in notes:
        raw, text, spans, pos = "\n".join(note.pop("raw")).strip(), "", [], 0
        for m in SPAN.finditer(raw):
            text += raw[pos : m.start()]
            spans.append({"start": len(text), "end": len(text) + len(m[1]), "text": m[1], "category": m[2]})
            text += m[1]
            pos = m.end()
        note["text"], note["spans"] = text + raw[pos:], spans
    return notes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=1700)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    dev, test = build(args.notes, args.seed)
    # Hand-written notes: the realistic, harder part of the corpus, split by a hash of their id.
    for note in handwritten(HERE / "handwritten.txt"):
        (test if test_bucket(note["id"]) else dev).append(note)
    holdout: list[dict] = []  # type: ignore[type-arg]
    for path in sorted((HERE / "independent").glob("*.txt")):
        for note in handwritten(path):
            (holdout if test_bucket(note["id"]) else dev).append(note)
    for name, rows in (("dev", dev), ("test", test), ("holdout", holdout)):
        with (HERE / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{name}: {len(rows)} notes, {sum(1 for r in rows if r['spans'])} with spans")


if __name__ == "__main__":
    main()
