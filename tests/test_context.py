"""How context decides whether the same words blame a child: who the words are about, negation, quotation and
mention. Each case is one sentence and the severity (or absence) of the finding the core pack gives it."""

from __future__ import annotations

import pytest

from vblint.context.people import Referent, cast
from vblint.context.referent import referent
from vblint.context.view import DocView
from vblint.engine import Engine
from vblint.model import Severity
from vblint.textmap import normalise


@pytest.fixture
def engine(every_match: Engine) -> Engine:
    # Each case names the rule it is about; that rule's finding must not be hidden by a stronger one on the same words.
    return every_match


def reported(engine: Engine, text: str, rule: str) -> list[tuple[str, Severity]]:
    return [(f.text, f.severity) for f in engine.lint(text) if f.rule == rule]


def view_of(engine: Engine, text: str) -> DocView:
    return DocView.of(engine.nlp.make_doc(normalise(text).text))


# Who the words are about ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "rule"), [
    # a hyphen inside a word does not cut the subject off: "strong-willed and does whatever he wants"
    ("He is strong-willed and does whatever he wants.", "VB525"),
    # the object of a preposition is the other party, not the subject
    ("Lacey (12) reported by mum to have been having sex with a 19yo male.", "VB203"),
    ("Skye (15) spends a lot of time with Kane PARKS (31) and appears happy to go there most weekends.", "VB125"),
    # "young person" is a child
    ("Ellie is a difficult young person who will not engage with services.", "VB601"),
    # a role the note gave a child's age to is that child later: custody notes call a child "the suspect"
    ("MALE 16 DETAINED AT PLATFORM 2 WITH KNIFE. MALE IS A KNOWN GANG MEMBER FOR ZONE 2 GROUP.", "VB404"),
    ("DP (15) arrested 2215hrs. The suspect is a prolific young offender well known to this suite.", "VB409"),
    # an observer in the present tense: "staff consider her ..."
    ("Sophie has a learning disability but staff consider her more capable than people think.", "VB422"),
    # a determiner negation stops at the comma; "next to nothing" is not a negation
    ("NO CONCERNS, LAD WILL TURN UP WHEN HE'S READY.", "VB511"),
    ("CALLER STATES SHE WAS WEARING NEXT TO NOTHING AND ASKING FOR TROUBLE.", "VB112"),
    # the other party of a preposition, with person nouns in its phrase: "with her boyfriend Dale (22)"
    ("Paige (15) has left home with her boyfriend Dale (22) and is with him of her own free will.", "VB124"),
    # a bracketed age belongs to its noun, and a noun of the other gender is not who "she" is
    ("Zara (14) has an older boyfriend (approx 20) who she gets paid by in trainers.", "VB322"),
    # an appearance is not an age
    ("Kwame (14) looks about 18 and is menacing.", "VB545"),
    # an age that opens a longer bracket; an age written before a role
    ("Jordan (16, ADHD, LAC) missing again. Jordan is an active gang member.", "VB404"),
    ("1900 CARE STAFF REPORT 15YO FEMALE LD HAS ABSCONDED AGAIN.", "VB408"),
    # a preposition is never a first name: "against Reece (19)"
    ("Maisie (15) has disengaged from her worker and will not support a prosecution against Reece (19).", "VB604"),
    # reporting verbs in every form: the speaker is not the subject of what is reported
    ("STAFF STATE SHE DOES THIS EVERY WEEKEND.", "VB503"),
    # a child noun the match says she is names the child, whoever "she" might reach back to
    ("Cerys (15) goes to a mate's. Mam's happy enough and she's a sensible girl.", "VB428"),
    # objects of one preposition, joined by "and", are both the other party: "from aunt and school"
    ("Poppy (14) ignored warnings from aunt and school, and arranged to meet this male herself.", "VB626"),
    # what the subject is said to be, or has, is not the subject of what follows
    ("Bethany (17) is to all intents an adult and knew full well what the male (34) wanted.", "VB106"),
    ("Chantelle (15) has multiple sexual partners and has been sleeping with older lads for money.", "VB321"),
    # appearance is not an age, inside the match either
    ("Zara (15), who is Lewis's girlfriend, is the banker for the operation and was dressed up to look 18.", "VB429"),
    # the match's own words do not make the sentence name an adult; "per officer" is a source
    ("MALE YP APPROX 15 DETAINED WITH KNIFE. WONT GIVE NAME. KNOWN GANG NOMINAL PER OFFICER ON SCENE.", "VB404"),
    # a plural noun is never what "he" or "she" stands for; a young person is a child
    ("Kai (15) says the olders pay him and he is very streetwise.", "VB421"),
    ("Ellie (14) is a difficult young person who will not engage with services and she keeps putting herself in "
     "these situations.", "VB101"),
    # what a comparison is made with is not the subject: "as bad as the adults"
    ("Three of the local kids (13-15) sat with Lee's lot. They're as bad as the adults and have only got themselves "
     "to blame.", "VB115"),
    # "with a number of older males" is an object; so is a name in apposition to one
    ("Mia (15) is sexually active with a number of older males from the takeaway, and trades sex for vodka.", "VB321"),
    ("Shannon (15) is in a relationship with an older male, Tariq (26), and receives gifts from him.", "VB322"),
    # the pronoun of a relative clause after the match labels no noun: "choices we would not want her to make"
    ("VIST: YP has fallen in with a bad crowd and is making choices we would not want her to make.", "VB122"),
    # the object of a verb is not the subject of the verb after "and"; a verb before a name is not a first name
    ("Jade (14) says she loves Dean (30) and is sexually active with him.", "VB202"),
    # "long-term" is no talk about terms
    ("Zara (15) is in a long-term relationship and is sexually active with a 24yo male.", "VB202"),
    # a negation ends at a comma that opens a new predicate
    ("NOT HOME SINCE 1600, DOES THIS ALL THE TIME.", "VB503"),
    # "mature for his age" is said only of the young
    ("Albanian male, DOB given 2008. Presents as very mature for his age and is financially motivated.", "VB131"),
    # a thing the child uses is not a coerced child: "she uses ..." keeps her the subject
    ("Tia (15) uses overdoses to get her own way with carers.", "VB525"),
    # a role given as the source ("per staff", "according to carers") titles nobody: the name after it is the subject
    ("Per staff Kayla has been meeting men off the internet.", "VB626"),
    # a phrasal verb's object and the subject before its auxiliaries: "she has been sorting out males"
    ("Lily (14) says she has been sorting out older males at the flat in return for vodka.", "VB321"),
    # an age in a bracket that names the match's possessor is the possessor's: the subject is still the child
    ("Amber (16) is Dean's missus (Dean COLE 27).", "VB237"),
    # a role the note gives a child's age with a copula: "Caller is 15yo Jess" ... "regular caller"
    ("Caller is 15yo Jess, stepdad has hit her. Regular caller, attention seeker.", "VB521"),
    # an object pronoun is not its own verb's subject, and it is the same person as the pronoun before it
    ("Disclosure came after mum grounded her and took her phone off her, so possibly attention seeking.", "VB521"),
    # "she" after a sentence in which the suspect did something to "her" is the child, not the suspect
    ("Suspect (35) has had no contact with her since bail. She's been around the block for a 14yo.", "VB307"),
    # a verb that may be a noun, with its object after "and", opens a new predicate: the negation ends
    ("Harvey (13) won't come to school and plays Mum up.", "VB562"),
    # the object of "met" with a number before it is the other party, not the subject of what follows "and"
    ("Mollie (14) met two males (19 and 21) at the park and went willingly to their flat.", "VB124"),
    # "this term" at the end of a clause is a school term, not talk about a term
    ("School say Jade (14) tells porkies and has been in isolation twice this term.", "VB531"),
    # "12 y/o", which the tokeniser splits, is an age
    ("Kieran 12 y/o stopped on the estate with cash and 2 phones. Clearly dealing.", "VB402"),
    # a pronoun after a semicolon is the child when the clause before it names someone else too
    ("Jade (14) declined the CSE worker; she knows where to find us.", "VB609"),
    # a negation before "and" does not reach a verb that can only be a verb ("gives", "sells", "went")
    ("Keira (15) is no angel and gives as good as she gets with the lads.", "VB542"),
    # "she" is never a preposition's object ("as per, she"), and an adult in a later clause is someone else
    ("Misper Keely (14) back again. Third time this week. It's attention seeking as usual, she cries wolf every time "
     "her dad takes her phone.", "VB544"),
    # an adult who reports ("Caller says") is the source of what follows, not its subject
    ("Two lads approx 13 nicked sweets from the Co-op and ran. Caller says they're feral.", "VB524"),
    # an adult after a comma, in the next clause, is not who the match is about
    ("Rhys (14) was stopped at 2am. Graded low as lad sent the pics himself, mum calmer by end of call.", "VB119"),
    # a person followed by a finite verb is a subject even after "as": "NFA as Harvey (15) will not support"
    ("Outcome: police NFA as Owen (14) will not support a prosecution.", "VB604"),
    # a control-room role given a gender and an age: "RP FEMALE 15"
    ("0120 RP FEMALE 15 REPORTS THREATS FROM EX. RP IS A WEE BAMPOT, CALL BACK ONLY.", "VB545"),
    # "after school" is a time, not an adult acting
    ("Lexi (13) went to his flat after school and lied to her mum about it.", "VB531"),
    # the adult a relationship word leads to is its object, not the one it describes
    ("Op Larch. Nominals include Dean KIRBY (27). One of the girls is Keeley (14). Keeley has been seeing KIRBY "
     "since June per her mum.", "VB245"),
    # "(now 28)" is her age today, not at the time of the events a non-recent review is about
    ("Non-recent review. Tasha (now 28) recalls the flat above the shop; she went willingly each time.", "VB124"),
    # a relative clause is about the noun before "who", even when that noun is a preposition's object
    ("Keeley (14) missing again. Lot of police time for a kid who always comes home.", "VB511"),
    # a sentence with no subject continues the subject of the last sentence that had one, however far back
    ("Tia (14) back at the unit 0300. Kicked off at staff, broke a window. Seen with older males at the garages. "
     "Likes to party.", "VB136"),
    ("Referral from school: Kenzie (13). Missed 9 days this term. Attendance 58%. Seen at the park w/ older males "
     "(20s). School view: cries wolf whenever she is told off.", "VB544"),
    ("Logan (15) found in a trap house with cash. Phone seized. Cash seized. NRM not submitted - won't play ball "
     "with any referral.", "VB603"),
    ("Mason (16) arrested PWITS. Bus station, 1900. Two deals seen. No comment in interview and not interested in "
     "helping himself.", "VB608"),
    # the one spoken to is not the one spoken of: "advised caller he'll ..."
    ("Rang mum back. Advised caller he'll probably turn up when he's hungry.", "VB511"),
    # a subject pronoun repeated in its sentence is the same person, whoever is named between
    ("She's been seeing one of the older lads, Craig (22), and she's no angel herself.", "VB427"),
    # "we" in a time clause ("when we pulled up") is not the subject of what follows it
    ("Passenger female, 15, all over him when we pulled up, well oiled.", "VB622"),
    # an agency is never "she": "CSC to lead; ... as she wont support"
    ("Mia (15) met him online. CSC to lead; limited police options as she wont support a prosecution.", "VB604"),
    # an age after "believed" names the person before it
    ("0136 Female believed 15, well oiled and giving the door staff a load of lip.", "VB527"),
    # the top of an age range split by the tokeniser is still an age: "aged 12-14 who ..."
    ("We are getting more referrals for boys aged 12-14 who have been drinking heavily in cars with older men.",
     "VB622"),
    # the one told is not the one spoken of, with an article or possessive between: "told the OIC she ..."
    ("Per the IP's sister, Chloe told the PC she had gone back there willingly.", "VB124"),
    # a bare name before its auxiliary is its clause's subject, whatever word comes before the name
    ("Staff at Elmtree made mistakes, but frankly Jodie was a nightmare to manage.", "VB545"),
    # a verb in a list of verbs shares their subject, so the adult after it is its object
    ("Ellie stayed out, met the men at the retail park and was dressed older than her age on CCTV.", "VB621"),
    # what the child is likened to is not the subject: "acts like a hardened adult offender"
    ("Stop of Kofi (15). Acts like a hardened adult offender, stared me out and would not engage with me.", "VB601"),
    # a lower-case "ID" is not "I'd": the writer is not the one drunk
    ("Assault on Dev (15) by door staff. Dev had got in on a mate's ID, was drunk and looking for trouble.", "VB622"),
    # a role given a child's name and age is that child: "Female caller Shay (15)" ... "Caller had been drinking"
    ("999 call. Female caller Shay (15) says she is at a party. Caller had been drinking.", "VB622"),
    # the person addressed is not the one spoken of, nor is the first name of "Chelsea-Marie (15)" a stranger
    ("Mother of Chelsea-Marie (15) called. Advised caller Chelsea usually comes back on her own.", "VB511"),
    # told to a parent, about the child: "she" after "Told mum" is not mum
    ("Kayla (15) not home again. Told mum she'll likely be off with the boyfriend again.", "VB511"),
    # a possessor inside a prepositional phrase is not the clause's subject: "beyond the carers' control"
    ("Josh (15) is beyond the carers' control and has no interest in engaging with his SSW.", "VB608"),
    # the clause ends at "so": the adults after it are another clause's
    ("Dev (15) was drunk at the Crown. Passes for 18 easily so can't blame the door staff.", "VB429"),
])
def test_the_child_is_found_as_the_referent(engine: Engine, text: str, rule: str) -> None:
    assert [s for _, s in reported(engine, text, rule)] and all(s > Severity.INFO for _, s in
                                                                reported(engine, text, rule))


@pytest.mark.parametrize(("text", "rule"), [
    # a name the note gave an adult age to stays an adult later in the note
    ("Kerry (38) controls her phone. Kerry refuses to engage with CSC.", "VB601"),
    ("Gary Hall (41) supplied the vodka. Gary was off his face at arrest.", "VB622"),
    # ages written as decades and estimates
    ("It is the 2 suspects (both 30s) who knew the score.", "VB106"),
    # coercion names the adult as the one acting: the child's act was done to her
    ("Three adult accounts have been coercing Ruby (13) into sending indecent images.", "VB109"),
    # an appositive after a bracketed age, a person named after the noun, a caller
    ("Dylan (14) was in a car driven by Kane (24), a known dealer.", "VB402"),
    # an initial between a name and its age
    ("Brian K (41) arrested. Brian K is a known drug dealer.", "VB402"),
    # the child as the object of the adult's verb: the adult is still the subject after "and"
    ("The male (34) met Jade (15) and is a known dealer.", "VB402"),
    ("MFH risk assessment. Intel suggests a dealer called Bazza uses the flat.", "VB402"),
    # the ages after a group the match acts on are the group's, not the subject's
    ("Craig BEVAN (31) is the line holder. BEVAN has been grooming local children aged 13-16 via Snapchat.",
     "VB406"),
    ("CALLER STATES HIS 16YO SON INVOLVED. CALLER ABUSIVE AND MOUTHY, HUNG UP.", "VB527"),

    # a premodifier belongs to the match even after a preposition
    ("Kai is a child being criminally exploited by adult drug dealers.", "VB402"),
    ("Owen was targeted by adults who recruit young people for money muling.", "VB403"),
    # a pronoun is never a bare name: "they" after a comma is the officer of the clause before
    ("When the officer contacted the mother, they didn't provide details of support services.", "VB604"),
    # "suspect" says no gender: "her" is not the suspect, but the insult is the suspect's
    ("The suspect (33) called her a stupid girl in the messages.", "VB533"),
    # the passive of coercion: the child is the subject, the adult acts
    ("Reece (15) was forced to run drugs for the line.", "VB401"),
    # "most of the staff" is a partitive: the staff are the subject, and a report is about no one child
    ("Children at risk were seen. Most of the staff we spoke to reported their workload to be unmanageable.",
     "VB524"),
    # a pronoun after a semicolon continues the clause's opening subject when it is the only person named
    ("Jordan K (22) charged with PWITS and remanded; he is a known dealer.", "VB402"),
    # the match's own verb reports nothing: "knows his way home" is said of the male before it
    ("The male (40) knows his way home and will not be found.", "VB426"),
    # "Leon's birth father (41)": a possessive is no auxiliary, so the father is the subject, not an object
    ("Leon's birth father (41) had turned up at the school drunk, was abusive to staff.", "VB527"),
    # an adult named after the match in its own clause is still its subject's complement
    ("The recruiter here is Darren (31), the line holder.", "VB406"),
    ("Reece (15) is exploited by his brother Dwayne (22), who is a known drug dealer.", "VB402"),
    # a sentence with no subject continues an adult subject just as it does a child's
    ("Suspect Wayne BELL (34) arrested at the flat. Cash seized. Phone seized. Has been associating with known "
     "drug users.", "VB623"),
    ("Driver Lee (25) detained. Car seized. Bailed. Likes to party.", "VB136"),
    # bullying a child into an act is coercion; a participle after an adult noun is what that adult does
    ("Mum says Kian (13) is being bullied into carrying stuff for older boys.", "VB413"),
    ("A male in his 20s had demanded Tyler (14) hold drugs for him.", "VB413"),
    # a suspect who "claimed he ..." speaks of himself
    ("Gary PENN (52) interviewed. In interview Penn claimed he doesn't need the money and babysat as a favour.",
     "VB157"),
    ("Intel links Jayden (15) to older males dealing from a flat on Marlpit Road.", "VB402"),
    # an age in a preposition's object is the other party's, not the subject's before a comma
    ("Craig HILL (33), wanted for offences against two girls aged 14, absconded from hospital.", "VB408"),
    # the agent of a passive stands between the verb of coercion and the child's act: "used by adults to"
    ("Kyle (14) is being used by older males to clear a drug debt owed by his uncle.", "VB324"),
    # a sentence opening "In my view he" / "In interview she" goes on with the suspect the last one opened with
    ("Suspect Graham TOLLAND (52) interviewed today. In my view he is streetwise and manipulative.", "VB421"),
    # "her SHPO", "her car" are the suspect's own: a possessive "her" is not the child she harmed
    ("Suspect Donna REID (45) breached her SHPO in her car. She is streetwise and manipulative.", "VB421"),
    # ... and so does a sentence opening "He" after one that opened with the adult found at the scene
    ("Occupant Jordan NEALE (29) was drunk and obstructive. He is a known drug dealer.", "VB402"),
    # a numbered suspect or male ("S2", "M1") before a verb; "s9 SOA" stays a section of an Act
    ("Found with no passports. S2 is a known drug dealer with previous PWITS (2017).", "VB402"),
    # an age given by "is": "Tariq ELLWOOD is 26" puts both names in the cast
    ("Brooke (15) says she is with Tariq. Tariq ELLWOOD is 26. ELLWOOD is a known dealer.", "VB402"),
])
def test_an_adult_referent_suppresses(engine: Engine, text: str, rule: str) -> None:
    assert reported(engine, text, rule) == []


@pytest.mark.parametrize(("text", "rule"), [
    ("Shannon (17) is nearly an adult and is making poor choices.", "VB122"),
    ("She doesn't want our help and at 15 is making poor choices.", "VB122"),
    ("Jade (15) was rude to staff on arrival. Also a bit of a liar per previous reports.", "VB531"),
    # what the subject is said to be is not the subject
    ("Alfie (16) is a prolific offender and a bad influence.", "VB545"),
    # a role word before "and" is not a title naming the next word
    ("IP (13) is at school and is known to be promiscuous.", "VB303"),
    # the person at the scene is a child when the note says so
    ("Driver lad (17), believed sent by older males to collect the car. He's a joyrider, well known to us.", "VB449"),
])
def test_the_child_is_still_the_subject(engine: Engine, text: str, rule: str) -> None:
    assert any(s > Severity.INFO for _, s in reported(engine, text, rule))


@pytest.mark.parametrize("text", [
    # "Suspect 1", "Male 2", "Nominal 10:" are labels, not ages: the role words keep their adult meaning
    "Suspect 1 put himself at risk by returning to the address.",
    "Nominal 10: Liam FOWLES (22) - driver. The nominal is assessed to store for the line.",
])
def test_a_number_that_labels_a_role_is_not_an_age(engine: Engine, text: str) -> None:
    assert not [f for f in engine.lint(text) if f.severity > Severity.INFO], text


def test_a_subordinate_clause_at_the_end_of_a_match_does_not_give_it_its_subject(engine: Engine) -> None:
    view = view_of(engine, "The CCTV operator knows the area and will track him if he leaves.")
    at = view.words.index("will")
    assert referent(view, at, at + 6) is not Referent.CHILD


def test_a_thing_as_subject_is_no_person(engine: Engine) -> None:
    # near a mention of children the subjectless fallback would read the child; "It" is the subject here
    view = view_of(engine, "Some children were missed. It also makes it more difficult to analyse the risks.")
    at = view.words.index("makes")
    assert referent(view, at, at + 2) is Referent.UNKNOWN


def test_the_cast_holds_the_names_a_note_gives_ages_to(engine: Engine) -> None:
    view = view_of(engine, "Skye (15) was with Kane PARKS (31) and Kerry, 38, at the flat. Mia 14yo was not.")
    assert cast(view) == {"skye": 15, "kane": 31, "parks": 31, "kerry": 38, "mia": 14}


def test_an_age_after_dob_withheld_or_believed_is_an_age(engine: Engine) -> None:
    assert cast(view_of(engine, "Shannon DOB withheld, 16, disclosed to a teacher.")) == {"shannon": 16}
    assert cast(view_of(engine, "Kayla believed 15, found at the bus station.")) == {"kayla": 15}


def test_an_estimated_age_decides(engine: Engine) -> None:
    text = "FEMALE APPROX 14/15 IN BACK OF CAB OFF HER FACE."
    view = view_of(engine, text)
    start = view.words.index("off")
    assert referent(view, start, start + 3) is Referent.CHILD


def test_the_cast_does_not_depend_on_letter_case(engine: Engine) -> None:
    text = "Kerry (38) controls her phone. Kerry refuses to engage with CSC."
    assert cast(view_of(engine, text)) == cast(view_of(engine, text.upper())) == cast(view_of(engine, text.lower()))


# Negation --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "rule"), [
    ("Not much we can do if she won't help herself.", "VB606"),
    ("IP (14) not interested in a prosecution and won't help herself by staying away.", "VB606"),
    ("Harvey (15) will not support a prosecution and declined to give a statement.", "VB604"),
    ("Her reasons for not attending are not credible and change every meeting.", "VB531"),
    # a negated verb of bearing it: what the adults cannot do, with the child's act as its object
    ("Foster carers say they can't manage his lying and manipulation any longer.", "VB531"),
    # a match that opens its own clause is outside a negation in the clause before it
    ("Nothing more we can do unless she helps herself. Closed.", "VB118"),
    # "can't rule out" asserts the possibility; "as Lacey always turns up" opens a clause of its own
    ("Sophie (16). Can't rule out she's making it up to get back at him.", "VB531"),
    ("Mum not overly worried as Lacey (15) always turns up by morning.", "VB511"),
    # "in terms of" is not a word about words
    ("In terms of risk to Tyler (15) he is more than capable of looking after himself.", "VB422"),
    # "nothing more than", "no different to" minimise; they deny nothing
    ("MFH Tia (15). Risk LOW - nothing more than teenage misadventure in my view.", "VB501"),
    # an idiom that holds its own "not" governs nothing after its comma
    ("Tiana (15). She doesn't help herself, posting her location on her Snap story all night.", "VB635"),
    # a question opens a clause of its own: "with no lid" negates the lid
    ("Rider is Jayden PRICE aged 12. Riding with no lid at 40 in a 30 what did he expect.", "VB638"),
])
def test_a_negation_that_governs_something_else_does_not_excuse(engine: Engine, text: str, rule: str) -> None:
    assert any(s > Severity.INFO for _, s in reported(engine, text, rule))


def test_refusing_to_accept_a_label_is_still_a_negation(engine: Engine) -> None:
    assert reported(engine, "I do not accept the rationale that Lowri (15) is streetwise.", "VB421") == []


def test_a_negation_ends_where_a_clause_with_its_own_subject_begins(engine: Engine) -> None:
    from vblint.context.negation import is_negated

    for text, word in [("Police NFA, no concerns as both were willing.", "willing"),
                       ("No further action as Jade (15) was happy to go.", "happy")]:
        view = view_of(engine, text)
        at = view.words.index(word)
        assert not is_negated(view, at, at + 1), text


def test_a_negation_inside_a_subordinate_clause_ends_at_its_comma(engine: Engine) -> None:
    assert any(s > Severity.INFO for _, s in reported(
        engine, "Jayden (13) does it when he doesn't get his own way, classic attention seeking.", "VB521"))
    assert reported(engine, "Jayden (13) is not attention seeking, he is in pain.", "VB521") == []


def test_what_a_contrast_after_the_comma_asserts_is_not_negated(engine: Engine) -> None:
    assert any(s > Severity.INFO for _, s in reported(
        engine, "Jess (14) out late again. Not a CSE concern IMO, just typical teenage behaviour.", "VB506"))
    assert reported(engine, "Jess (14) out late again. This is not typical teenage behaviour.", "VB506") == []


def test_no_question_of_denies_and_no_question_that_asserts(engine: Engine) -> None:
    assert reported(engine, "This is grooming; there is no question of a consensual relationship.", "VB201") == []
    assert any(s > Severity.INFO for _, s in reported(engine, "No question she is streetwise.", "VB421"))


def test_a_denial_of_evidence_governs_its_whole_clause(engine: Engine) -> None:
    text = "There is no suggestion that anything that happened in the car with the two men was consensual."
    assert reported(engine, text, "VB201") == []
    # the denial ends where a new predicate begins
    text = "There is no evidence the male (30) knew her age and Jade (14) has since gone with him willingly."
    assert any(s > Severity.INFO for _, s in reported(engine, text, "VB124"))


# Quotation and indirect speech -------------------------------------------------------------------------------------

def test_an_adults_unquoted_view_is_the_writer_adopting_it(engine: Engine) -> None:
    assert any(s > Severity.INFO for _, s in reported(engine, "Mum says she is beyond her control.", "VB524"))


def test_an_adults_attributed_quotation_is_evidence(engine: Engine) -> None:
    assert reported(engine, 'Mum said "she is beyond my control" on the phone.', "VB524") in (
        [], [("beyond my control", Severity.INFO)])


def test_a_member_of_the_publics_allegation_is_a_record_of_what_was_reported(engine: Engine) -> None:
    text = "A mother reported that her 14-year-old daughter was sexually active with an adult man."
    assert all(s is Severity.INFO for _, s in reported(engine, text, "VB202"))
    assert reported(engine, "Mum reports Ruby is sexually active with an adult man.", "VB202")[0][1] > Severity.INFO


def test_the_childs_paraphrased_words_are_the_writers_choice(engine: Engine) -> None:
    assert any(s > Severity.INFO for _, s in reported(engine, "Misper (14) states the sex was consensual.", "VB201"))


# Mentions -------------------------------------------------------------------------------------------------------

def test_the_writers_own_recording_decision_is_a_use_not_a_mention(engine: Engine) -> None:
    text = "Ayesha (15) did not come home after school. Recording as absent rather than missing, review at 2200."
    assert any(s > Severity.INFO for _, s in reported(engine, text, "VB502"))
    assert all(s is Severity.INFO for _, s in reported(
        engine, "Describing girls as absent rather than missing hides the risk.", "VB502"))


@pytest.mark.parametrize("text", [
    'Please check your open files for "drug runner", "sex worker" or "street-wise" and amend them.',
    'Do not record that a child "chose to go missing", is "streetwise" or is "with her boyfriend".',
    'Reminders: "placed herself at risk", "put himself in danger" and similar should not appear in our records.',
    'Entry states Zara (15) is "making poor choices" - please amend.',
    'Describing 14 and 15-year-old girls as "flirty" or "promiscuous" sexualises children.',
    "Earlier log describes her as refusing to engage - this was not accurate.",
    "Call handler graded low on mum's description of him as streetwise. I have regraded HIGH.",
    "Nadia (15) has been described in previous logs as manipulative - I have asked for this to stop.",
    # a negated speech act reaches through a list joined by "or"; "wrong to say" disowns what follows
    "Insp review: pls dont describe Jordan as 'part of the Eastside lot' or say hes reaping what he sows.",
    'Please do not record that she can "look after herself" or left of her own free will.',
    "Feedback: it would be wrong to say Ethan (13) put himself at risk.",
    # a reviewer removing remarks names the words in order to remove them
    "In Kai's (14) record, please take out the comments about him being a handful.",
    # a record's description followed by a correction that says it is unsupported
    "Previous entry describing her as able to look after herself is not supported by anything on file.",
    # a record's wording that the writer withdraws; a gerund naming a description, quoted or not
    "The earlier entry suggesting Noah's disclosure might be attention seeking is withdrawn.",
    "Describing him as knowing the score doesn't help him or us.",
    'Any reference to Amira (14) being "sexually active" has been struck from the chronology.',
])
def test_training_and_audit_text_that_names_the_words_is_a_mention(engine: Engine, text: str) -> None:
    findings = engine.lint(text)
    assert findings and all(f.severity is Severity.INFO for f in findings), [(f.rule, f.text) for f in findings]


@pytest.mark.parametrize("text", [
    # "rather than" disowns a speech act as "not" does
    "Record the barriers to engagement rather than writing a child up as non-compliant.",
    # a quoted reason the reviewer rejects
    '"Didnt engage with RHI" is not a reason to grade her LOW.',
    # "not because" denies the reason its clause gives; "isnt" without an apostrophe negates
    'She has called us a lot because this has gone on for weeks, not because shes "crying wolf".',
    "Raised to MEDIUM - this isnt a case of testing boundaries, its possible grooming.",
    # "whatever she says about ...": the writer concedes the words, not asserts them
    "It is an offence by the men whatever she says about wanting the money.",
    # a reviewer removing or setting aside the words names them
    "References to her being sexually active have been removed from the record.",
    "The line about Grace (16) giving as good as she gets has been taken out of the summary.",
    'I have taken "clearly dealing" out of the log summary for Callum (13).',
    "The first assessment says Kayla (15) always comes back by breakfast; neither of those is a risk rationale.",
    "For Nathan (15), being street smart is not a factor I can grade on.",
    "Any document describing Leah (14) as prostituting herself is to be corrected before disclosure.",
    # "is not making" negates the clause, not just the verb
    "Ruby (16) is not making a lifestyle choice; adults are driving out to fetch her.",
    # a named adult's account of what happened is his, like a suspect's
    "Suspect Nathan (19). Nathan states it was consensual.",
    # "intel suggests he ...": a record reports, and "he" is the adult named before
    "Des HOLLIS (46) to be researched; intel suggests he is a known dealer.",
    # after a semicolon "he" continues a clause that names only adults
    "Suspect named by the manager as Terry WOLSTEN (44); he chose to leave the hostel.",
    # "as" before an adjective opens no clause: the negation still reaches
    "Not treated as typical teenage behaviour - family say she has been seen with adults.",
    # a reviewer striking out quoted wording; "do not describe ... as" reaches past a long object
    'Take out "knows exactly what he\'s doing" as well, Kai (14) is being exploited.',
    "Do not describe contact between a 19 year old RSO and a 15 year old as consensual or as a romance.",
    # a reviewer's rewrite: '"X" should read "Y"'
    '"Running for the Fenwick lot" should read "suspected of being criminally exploited by the Fenwick network".',
    # several things set aside together: "X and Y are not relevant"
    "What she was wearing and whether she had been drinking are not relevant to his offending.",
    "He held a position of trust; who sent the first message is irrelevant to consent, which she could not give.",
])
def test_disowned_wording_raises_no_alarm(engine: Engine, text: str) -> None:
    assert not [f for f in engine.lint(text) if f.severity > Severity.INFO], text


@pytest.mark.parametrize(("text", "rule"), [
    # "No known risk factors" is a note's finding, not a correction of the view before it
    ("Mum says Dylan (15) runs off whenever he doesn't get his own way. No known risk factors.", "VB525"),
    # a carer's view is the writer's to record as a view, not an account like a suspect's
    ("Paul DUNMORE (40), mum's ex, cares for Zac (15). Dunmore says Zac is a law unto himself.", "VB525"),
    # an account ends where the writer's own assessment begins
    ("Mason (20) says she smashed his phone first and on the BWV Ruby (17) clearly provoked it.", "VB119"),
])
def test_views_and_findings_that_are_not_corrections_still_count(engine: Engine, text: str, rule: str) -> None:
    assert any(s > Severity.INFO for _, s in reported(engine, text, rule))


def test_a_negated_speech_act_ends_at_a_new_predicate(engine: Engine) -> None:
    text = "Jade (15) is not willing to say where she was and chose to go back to the flat."
    assert any(s > Severity.INFO for _, s in reported(engine, text, "VB123"))


def test_a_scare_quote_followed_by_more_prose_is_still_a_use(engine: Engine) -> None:
    assert any(f.severity > Severity.INFO for f in engine.lint('She has an "older boyfriend". Appropriate referral.'))


# The other party -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "adult"), [
    # a name the note gave an adult age, sentences earlier
    ("Dunne (32) is on bail. Kayla (14) is in a relationship with Dunne.", True),
    # "him" standing for the adult named before, past the child's own age
    ("Dean PRICE (29) was seen at the flat. Jade (15) has been spending time with him.", True),
    # an adult word or an age right after the words
    ("Leah (15) is seeing one of the bouncers.", True),
    ("Tyler (14) hangs around with a man in his 30s.", True),
    # a child, a relative, a professional, or the child's own relation, which other rules read
    ("Kayla (14) is in a relationship with Liam (15).", False),
    ("Dad (45) says Mia (13) has been spending time with him.", False),
    ("Jade (15) has been spending time with her nan.", False),
    ("Jade (15) has been spending time with him. Liam (16) is in her class.", False),
    ("Rhys (14) is spending weekends with his 27-year-old boyfriend.", False),
    # "this lad" points back to the adult named before; "older Kurdish males", "18-20yo's" are adults
    ("Leah (13) was found with a male (18). Leah has been seeing this lad.", True),
    ("Leah (13) was found with her brother Jay (12). Leah has been seeing this lad.", False),
    ("Samir (14) has been hanging about with older Kurdish males.", True),
    ("Ethan (15) hangs around with a group of 18-20yo's at the skate park.", True),
    ("Ethan (15) hangs around with a group of 13-14yo's at the skate park.", False),
    ("Samir (14) has been hanging about with the youth workers.", False),
    # a decade after the noun, and words that are adults by themselves
    ("Demi (16) has been knocking about with a couple of the REME lads in their early twenties.", True),
    ("Precious (15) has been associating with RSO Dean MARSH (40).", True),
    ("Demi (16) has been knocking about with a couple of the lads from school.", False),
    # a word before an adult noun, adult ages given to the group later, a pair "seeing each other"
    ("Kofi (15) is associating with Southside nominals on a regular basis.", True),
    ("Jade (13) has been knocking about with lads off the estate, some of them 19/20.", True),
    ("Jade (13) has been knocking about with lads off the estate, some of them 14/15.", False),
    ("Amelia (15) and the male (31) have been seeing each other.", True),
    ("Amelia (15) and Tyler (15) have been seeing each other.", False),
    # a label between the possessive and the adult's name; a nickname between the name and the age
    ('Tiana (15) continues spending time with her link Marcus ALDRIDGE aka "Bigz" (22).', True),
    ("Tiana (15) continues spending time with her friend Kayla (15).", False),
])
def test_the_person_a_relationship_word_leads_to(engine: Engine, text: str, adult: bool) -> None:
    from vblint.context.other_party import leads_to_adult

    view = view_of(engine, text)
    ends = [i + 1 for i, w in enumerate(view.words) if w in {"with", "seeing"}]
    assert leads_to_adult(view, ends[-1]) is adult



@pytest.mark.parametrize(("text", "rule", "flagged"), [
    # one of a pair joined by "and" is the child: what the pair does is said of her
    ("Finley (15) and the male (24) have a volatile relationship.", "VB435", True),
    # what she got "off" a named adult: he is the other party, not the subject of "in return for"
    ("Jade (13) has been getting a new phone off Jay Marsden (20) in return for favours.", "VB321", True),
    # "none of the data suggests" denies what follows, as "no evidence suggests" does
    ("None of the data suggests these children chose to put themselves at risk.", "VB101", False),
    # "did not help herself by going off to meet ...": the going is asserted, not denied
    ("Summer (13) did not help herself by going off to meet people she'd met on Snapchat.", "VB626", True),
    # an age written "14-year-old" is one word for the reach of "do not record that"
    ('Please do not record that a 14-year-old is going OT "of his own accord".', "VB124", False),
    # a note that names only an adult: "he" after "Spoken to:" is the man, not a child
    ("Complaint about a man (50) living in a van. Spoken to: he says he had been drinking.", "VB622", False),
    ("Complaint about Kai (15) at the park. Spoken to: he says he had been drinking.", "VB622", True),
    # "a lad of 20" is an adult other party, as "a 20-year-old" is; "a lad of 15" is not
    ("Shannon (15) disclosed she has been seeing a lad of 20 she met at the chippy.", "VB245", True),
    ("Shannon (15) has been seeing a lad of 15 from school.", "VB245", False),
    # "no stranger to" asserts; "didn't help by winding him up" asserts the winding up
    ("Proper little wild child, no stranger to thumbing lifts off blokes.", "VB625", True),
    ("Jade (15) is a gobby one and didn't help by winding him up.", "VB112", True),
    # "on the last day of term" is the school term, not a word about words
    ("Child C (12) told the nurse on the last day of term that she has been sexually active with him.", "VB202", True),
    # a relative clause after a titled name is about that adult
    ("Boy (12) pulled from the water by PC Treloar, who put himself at risk going down the steps.", "VB101", False),
    # an adult's role, then where they work, then the verb: the adult is the subject
    ("Reece (16) is at risk. Youth leader at Kingdom Life has offered to be his trusted adult.", "VB128", False),
    # "adult males ... , she": the word before "males" does not stand for her
    ("Police: 2 reports re adult males messaging her, she was not cooperative with officers.", "VB603", True),
    # a suspect's account, reported, is his: the sentence he opens reports him
    ("Suspect Liam (21) interviewed under caution, states it was consensual.", "VB201", False),
    # "school refuser", "school friend": the school is not the person; the child named before is
    ("CH note: YP known school refuser, always turns up by teatime per caller.", "VB511", True),
    # a name only a child is called needs no age beside it
    ("Another VIST for Kacey (15). Little madam told the attendance officer where to go.", "VB560", True),
    # what is given "in return" is the child's when the clause names a child, whoever stands nearer the phrase
    ("Kayla (15) has Ty (19) and two others on her Snap, Ty sends her money in return for pics.", "VB321", True),
    ("The suspect (40) paid women in return for sex.", "VB321", False),
    # the child who has "told friends" is their speaker, not someone the friends coerced
    ("Per DSL Tayla (14) has told friends she is sexually active, no names given.", "VB202", True),
    # the first name before a hyphenated surname is in the cast, so "Kyrese" is the child, not Mum
    ("MASH - Kyrese THOMPSON-HALE (14). Mum supportive, but Kyrese continues to put himself in danger by "
     "associating with known GHB nominals.", "VB224", True),
    # a possessor is not the person the clause is about: "Leanne's brother" is Declan (17), not Leanne (29)
    ("Occupier Leanne (29). Also present Declan (17), Leanne's brother, a known dealer on the Fold.", "VB402", True),
    ("Kayleigh (15). Intel: Dean FROST (23). Kayleigh is Dean's girlfriend and has been sleeping with him.", "VB203",
     True),
    # but "Leanne's been" is "Leanne has been": the adult is still the subject
    ("Occupier Leanne (29). Leanne's been a known dealer on the Fold for years, says Declan (17).", "VB402", False),
])
def test_pairs_objects_denials_and_lone_adults(engine: Engine, text: str, rule: str, flagged: bool) -> None:
    alarms = [found for found in reported(engine, text, rule) if found[1] is not Severity.INFO]
    assert bool(alarms) is flagged, alarms


@pytest.mark.parametrize(("text", "thing"), [
    ("Effective decisions on the response to known risks need to be considered.", True),
    ("Supervision of these cases needs to improve.", True),
    ("Her decisions put her at risk.", False),
    # "issues" is a thing after a determiner; "Credibility issues" is a judgement of a child
    ("Both these issues are missing from the strategic assessment.", True),
    ("Credibility issues noted by previous OIC.", False),
])
def test_a_sentence_opening_with_a_thing_is_about_no_person(engine: Engine, text: str, thing: bool) -> None:
    from vblint.context.referent import _opens_with_a_thing

    assert _opens_with_a_thing(view_of(engine, text), 0) is thing


@pytest.mark.parametrize(("text", "words", "institution"), [
    ("We regularly found delays in starting investigations, and little supervisory direction.",
     "little supervisory direction", True),
    ("Jade (14) had little supervision at home.", "little supervision", True),
    ("Jade (14) is a little madam.", "little madam", False),
    ("She gets little direction from her.", "little direction from her", False),
])
def test_a_noun_phrase_about_practice_is_about_no_person(engine: Engine, text: str, words: str,
                                                         institution: bool) -> None:
    """Inspection prose says what organisations lack ("little supervisory direction"): no child is its referent."""
    from vblint.context.referent import _names_only_an_institution

    view = view_of(engine, text)
    wanted = words.split()
    start = next(i for i in range(len(view.words)) if list(view.words[i:i + len(wanted)]) == wanted)
    assert _names_only_an_institution(view, start, start + len(wanted)) is institution
