"""Build corpora/exports/sample-export.csv: a synthetic month-by-month export of police notes about children.

Everything is invented: names, places, collar numbers and events. Teams differ the way a quality team would want
to see: two teams use victim-blaming language far more than the rest, Westmoor CID improves month by month after
training, and supervisors reviewing investigations and VIST assessments write it more than officers (as the 2025
inspection found). Run: python corpora/exports/make_sample_export.py [--notes 6000] [--seed 2026] [--out PATH]
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

TEAMS = {
    # team: (share of notes, base rate of blaming notes, monthly change of that rate, usual note types)
    "Northgate CID": (0.14, 0.07, 0.0, ("investigation-update", "vist-supervisor-review")),
    "Riverside Safeguarding Hub": (0.12, 0.05, 0.0, ("mash-update", "vist-supervisor-review")),
    "Eastfield Response": (0.15, 0.20, 0.0, ("control-room-log", "investigation-update",
                                              "missing-person-risk-assessment")),
    "Westmoor CID": (0.13, 0.26, -0.04, ("investigation-update", "vist-supervisor-review")),
    "Central Missing Persons Unit": (0.14, 0.15, 0.0, ("missing-person-risk-assessment",)),
    "Force Control Room": (0.12, 0.06, 0.0, ("control-room-log",)),
    "County MASH": (0.10, 0.04, 0.0, ("mash-update",)),
    "Exploitation Team South": (0.10, 0.03, 0.0, ("child-exploitation-team-update",)),
}
MONTHS = ("2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09")
ROLES = {
    "investigation-update": (("officer", 0.75), ("supervisor", 0.25)),
    "vist-supervisor-review": (("supervisor", 0.9), ("officer", 0.1)),
    "missing-person-risk-assessment": (("officer", 0.55), ("supervisor", 0.35), ("staff", 0.1)),
    "control-room-log": (("call-handler", 0.7), ("officer", 0.2), ("supervisor", 0.1)),
    "mash-update": (("staff", 0.6), ("analyst", 0.3), ("supervisor", 0.1)),
    "child-exploitation-team-update": (("officer", 0.6), ("analyst", 0.25), ("supervisor", 0.15)),
}
ROLE_FACTOR = {"supervisor": 1.8, "officer": 1.0, "call-handler": 0.8, "staff": 0.6, "analyst": 0.5}

FIRST = ("Kayla", "Jade", "Tyler", "Mason", "Leah", "Chloe", "Aimee", "Reece", "Kian", "Demi", "Shannon", "Brooke",
         "Callum", "Ellie", "Lacey", "Jayden", "Mia", "Tia", "Connor", "Skye", "Harvey", "Poppy", "Kacey", "Rhys")
SURNAMES = ("Hollis", "Marlowe", "Penrose", "Vickery", "Ashdown", "Tremayne", "Corbel", "Fenwick", "Larkin", "Oakes")
PLACES = ("Fernlea estate", "the Quarry Road flats", "Harcourt retail park", "the old bus depot on Mill Lane",
          "Brantwood skate park", "an address on Cinder Way", "the Kestrel Hotel", "Lowmoor services")
HEADERS = {
    "investigation-update": ("Investigation update - {officer}:", "OIC update {time}hrs:", "Update by {officer}:"),
    "vist-supervisor-review": ("VIST supervisor review - {supervisor}:", "Supervisor review of VIST:",
                               "VIST reviewed by {supervisor}."),
    "missing-person-risk-assessment": ("MFH risk assessment {time}hrs:", "Missing person review - {supervisor}:",
                                       "THRIVE review:"),
    "control-room-log": ("{time} CALL RECEIVED.", "{time} RP called.", "FCR LOG {time}:"),
    "mash-update": ("MASH research - {staff}:", "MASH update:", "Information shared with CSC:"),
    "child-exploitation-team-update": ("CET update:", "Exploitation team review - {officer}:", "CE panel update:"),
}
NEUTRAL = {
    "investigation-update": (
        "{name} ({age}) was spoken to at home with mum present.", "ABE interview booked for Thursday at 1400hrs.",
        "Phone download requested; awaiting results from DFU.",
        "Suspect {adult} ({adult_age}) arrested and interviewed, released under investigation.",
        "Statement obtained from the school DSL.", "CCTV from {place} has been seized.",
        "Strategy discussion held with CSC, s47 enquiries to continue.", "Bail conditions set: no contact with {name}.",
        "File to CPS for charging advice.", "Safeguarding referral submitted and ISVA support offered."),
    "vist-supervisor-review": (
        "VIST completed to a good standard, risk graded medium.", "Actions reviewed: return interview to be chased.",
        "Agree with the grading; refer to MASH.", "OIC to update the family by end of shift.",
        "Intelligence checks on the address are outstanding.", "Need to confirm who else was present at {place}."),
    "missing-person-risk-assessment": (
        "{name} ({age}) reported missing from the care home at {time}hrs.", "Last seen at {place} wearing a black "
        "puffer jacket.", "Phone off since {time}hrs; cell site request made.", "Risk graded medium under THRIVE.",
        "Patrols briefed and the family informed.", "{name} returned at {time}hrs and a return interview is booked.",
        "Friends and associated addresses checked with no trace.", "Found by patrols at {place} and taken home."),
    "control-room-log": (
        "RP is the carer at the children's home.", "UNITS DEPLOYED TO {PLACE}.", "Patrol on scene, speaking to the "
        "child.", "Child located, safe, being conveyed home.", "Log passed to the missing persons team.",
        "Vehicle registration passed to intel.", "CALLER DISCONNECTED, CALLED BACK."),
    "mash-update": (
        "Police information shared with CSC and health.", "Two previous missing episodes recorded this year.",
        "School report good attendance until last term.", "No police trace for mum's partner.",
        "Referral accepted, strategy discussion booked.", "Health visitor has no concerns about the younger sibling."),
    "child-exploitation-team-update": (
        "NRM referral submitted for {name}.", "Disruption plan agreed for the address on Cinder Way.",
        "Intelligence links {adult} ({adult_age}) to the line.", "Child abduction warning notice served on {adult}.",
        "Complex safeguarding panel to review next week.", "{name} ({age}) seen by the youth worker and engaged well."),
}
# Clean but hard: the words a keyword list would flag, used correctly.
TRAPS = (
    "{name} is not streetwise and is being targeted by older males.",
    "{name} said \"he's my boyfriend and he looks after me\".",
    "The suspect {adult} ({adult_age}) is a known drug dealer.",
    "{officer} placed herself between the male and the child.",
    "There is no suggestion {name} chose to go missing.",
    "Do not describe {name} as having put herself at risk; adults are exploiting her.",
    "{name} has been absent from school for three days.",
    "Safe and well check completed by patrols.",
    "{name} engaged well with the ISVA.",
    "Mum's boyfriend was not present.",
    "The male is manipulative and controlling towards {name}.",
    "A child of {age} cannot consent to sexual activity with an adult.",
    "{name} is at risk of CSE from the group at {place}.",
)
# Victim-blaming wording, varied in tense, pronoun and category.
BLAMING = (
    "{name} is placing herself in risky situations by going to {place}.",
    "She continues to put herself at risk and will not listen to advice.",
    "Misper is capable and street wise, she clearly knows how to survive.",
    "Risk as a result of misadventure only, graded low.",
    "{name} has chosen to go missing again and is making poor choices.",
    "This appears to be a lifestyle choice.",
    "{name} is in a relationship with {adult} ({adult_age}).",
    "Her older boyfriend collects her from school.",
    "{name} is sexually active with older males.",
    "The sex was consensual according to the report.",
    "{name} ({age}) is a known drug runner for the line.",
    "He is a streetwise lad who can look after himself.",
    "{name} is attention seeking and manipulative with staff.",
    "{name} refused to engage with officers and is hard to reach.",
    "She is promiscuous and was dressed provocatively.",
    "{name} absconded from the placement again.",
    "She keeps going back to him despite being warned.",
    "{name} willingly got into the car with the males.",
    "He is involved in county lines and is associating with known gang members.",
    "She receives gifts and rewards from the older males.",
    "{name} is mature for her age and knows what she is doing.",
    "He has been running drugs for the OCG.",
)


def pick(rnd: random.Random, weighted: tuple[tuple[str, float], ...]) -> str:
    return rnd.choices([w for w, _ in weighted], weights=[p for _, p in weighted])[0]


def fill(template: str, rnd: random.Random) -> str:
    collar = rnd.randint(1000, 9999)
    values = {
        "name": rnd.choice(FIRST), "age": str(rnd.randint(12, 17)), "adult": f"{rnd.choice(SURNAMES).upper()}",
        "adult_age": str(rnd.randint(19, 46)), "place": rnd.choice(PLACES), "time": f"{rnd.randint(0, 23):02d}"
        f"{rnd.choice((0, 15, 30, 45)):02d}", "officer": f"PC {collar} {rnd.choice(SURNAMES)}",
        "supervisor": f"DS {collar} {rnd.choice(SURNAMES)}", "staff": f"researcher {rnd.choice(SURNAMES)}",
    }
    values["PLACE"] = values["place"].upper()
    return template.format(**values)


def note(rnd: random.Random, note_type: str, blaming: bool) -> str:
    parts = [fill(rnd.choice(HEADERS[note_type]), rnd)]
    parts += [fill(t, rnd) for t in rnd.sample(NEUTRAL[note_type], k=min(len(NEUTRAL[note_type]), rnd.randint(1, 3)))]
    if rnd.random() < 0.35:
        parts.insert(rnd.randint(1, len(parts)), fill(rnd.choice(TRAPS), rnd))
    if blaming:
        for template in rnd.sample(BLAMING, k=1 if rnd.random() < 0.75 else 2):
            parts.insert(rnd.randint(1, len(parts)), fill(template, rnd))
    text = " ".join(parts)
    if note_type == "control-room-log" and rnd.random() < 0.4:
        text = text.upper()
    return text


def build(notes: int, seed: int) -> list[dict[str, str]]:
    rnd = random.Random(seed)
    teams = list(TEAMS)
    rows = []
    for i in range(notes):
        team = rnd.choices(teams, weights=[TEAMS[t][0] for t in teams])[0]
        _, base, trend, types = TEAMS[team]
        month_index = rnd.randrange(len(MONTHS))
        note_type = rnd.choice(types)
        role = pick(rnd, ROLES[note_type])
        rate = max(0.01, base + trend * month_index) * ROLE_FACTOR[role]
        day, hour, minute = rnd.randint(1, 28), rnd.randint(0, 23), rnd.randint(0, 59)
        rows.append({
            "note_id": f"N{100000 + i}", "team": team, "note_type": note_type, "author_role": role,
            "author_id": f"{role[:3].upper()}{rnd.randint(100, 999)}",
            "created_at": f"{MONTHS[month_index]}-{day:02d} {hour:02d}:{minute:02d}",
            "note_text": note(rnd, note_type, rnd.random() < rate),
        })
    rows.sort(key=lambda r: r["created_at"])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=6000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("sample-export.csv"))
    args = parser.parse_args()
    rows = build(args.notes, args.seed)
    with args.out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} notes to {args.out}")


if __name__ == "__main__":
    main()
