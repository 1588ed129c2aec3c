"""Slips of the keyboard in rule words are read as the words meant; real words, names and shorthand are left alone;
findings still report the source's own letters at the source's offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vblint.engine import Engine
from vblint.spelling import Speller
from vblint.textmap import normalise


@pytest.fixture(scope="module")
def engine() -> Engine:
    from vblint.ruleset import load_rules

    return Engine(load_rules())


@pytest.mark.parametrize(("text", "rule", "slip"), [
    ("Kayla (15) she dosent help herself.", "VB118", "dosent help herself"),  # two letters swapped
    ("Kayla (15) is promiscous.", "VB303", "promiscous"),  # a letter left out of a long word
    ("Kayla (15) is a willing partcipant.", "VB215", "willing partcipant"),
    ("Amari (16) refused to engauge again.", "VB601", "refused to engauge"),  # a letter added to a long word
    ("Kayla (15) has put her self at risk.", "VB101", "put her self at risk"),  # a reflexive typed as two words
    ("Kayla (15) she does'nt help herself.", "VB118", "does'nt help herself"),  # an apostrophe in the wrong place
])
def test_a_slip_in_a_rule_word_is_read_as_the_word_meant(engine: Engine, text: str, rule: str, slip: str) -> None:
    found = [f for f in engine.lint(text) if f.rule == rule]
    assert [f.text for f in found] == [slip]
    assert all(text[f.start:f.end] == f.text for f in found)


@pytest.mark.parametrize(("text", "rule", "words"), [
    # Scots forms are read as the English words the rules name; the finding keeps the source's own letters
    ("Nicole (14) has a lifestyle away fae the unit and will not engage.", "VB601", "will not engage"),
    ("To be honest Kai (15) is no' a victim in the usual sense.", "VB415", "no' a victim"),
    ("It's no' the first time Jade (15) has cried wolf.", "VB544", "cried wolf"),
    # and so are Black Country ones
    ("Josh (15) has 2 stab wounds. Wo' say who done it, so filed.", "VB604", "Wo' say who"),
    ("Kai (14). Mom's give up on him. He dow want helping.", "VB606", "dow want helping"),
    # and Cumbrian ones
    ("MFH Niamh (16). Typical teenager. She allus comes yam by dinner. RISK LOW.", "VB511",
     "allus comes yam by dinner"),
])
def test_dialect_forms_are_read_as_the_words_meant(engine: Engine, text: str, rule: str, words: str) -> None:
    found = [f for f in engine.lint(text) if f.rule == rule]
    assert [f.text for f in found] == [words]
    assert all(text[f.start:f.end] == f.text for f in found)


def test_a_quoted_no_is_not_read_as_not() -> None:
    assert Speller(set()).apply(normalise("Jade (15) said 'no' and left.")).text == "jade (15) said 'no' and left."
    assert Speller(set()).apply(normalise("She wisnae home wi' them")).text == "she wasn't home with them"


@pytest.mark.parametrize("word", [
    "natter",  # a real word a changed letter would make "nutter": letters are never changed
    "lamped",
    "camming",  # a first letter is never taken as dropped ("scamming")
    "strats",  # the trade's shorthand
    "theres",  # an English word with an "s" added
    "childrens",
    "promiscuous",  # the word itself
])
def test_real_words_and_shorthand_are_not_corrected(word: str) -> None:
    speller = Speller({"nutter", "lapped", "scamming", "starts", "threes", "children", "promiscuous"})
    assert speller.correction(word) is None


def test_a_slip_with_two_readings_takes_the_one_that_keeps_its_ends_or_none() -> None:
    assert Speller({"received"}).correction("recieved") == "received"
    assert Speller({"sexual", "sexually"}).correction("sexualy") == "sexually"  # keeps the slip's last letter
    assert Speller({"trace", "tacre"}).correction("tarce") is None  # a swap away from both
    assert Speller({"bacde"}).correction("bacde") is None  # a vocabulary word is never corrected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz '\n.", max_size=80))
def test_the_corrected_text_maps_every_offset_back_in_order(text: str) -> None:
    speller = Speller({"herself", "promiscuous", "participant", "streetwise", "doesnt"})
    mapped = speller.apply(normalise(text))
    assert len(mapped.to_source) == len(mapped.text) + 1
    assert list(mapped.to_source) == sorted(mapped.to_source)
    assert mapped.to_source[-1] == len(text)
