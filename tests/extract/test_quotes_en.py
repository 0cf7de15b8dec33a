"""Quote extraction on short English sentences written for these tests (the steps before quotes run too)."""

from __future__ import annotations

import pytest

from veille.extract.context import Context
from veille.extract.quotes import find_quotes
from veille.pipeline import STEPS, load_step

BEFORE_QUOTES = [load_step(target) for name, target in STEPS[:[n for n, _ in STEPS].index("quotes")]]


@pytest.fixture(scope="module")
def en(en_nlp):
    def run(text: str) -> list[tuple[str, str, str | None]]:
        doc = en_nlp(text)
        ctx = Context(doc_id="t", lang="en")
        for step in BEFORE_QUOTES:
            for record in list(step(doc, ctx)):
                ctx.add(record)
        return [(q.kind, text[q.span[0]:q.span[1]], q.speaker_name) for q in find_quotes(doc, ctx)]

    return run


def test_direct_quote_before_said_without_its_comma(en) -> None:
    assert en('"We will sign the agreement next week," said John Miller.') == [
        ("direct", "We will sign the agreement next week", "John Miller")]
    assert en('"We will sign the agreement next week," John Miller said.') == [
        ("direct", "We will sign the agreement next week", "John Miller")]


def test_told_that(en) -> None:
    assert en("John Miller told reporters that the talks would resume on Monday.") == [
        ("indirect", "the talks would resume on Monday", "John Miller")]


def test_according_to_before_and_after(en) -> None:
    assert en("According to John Miller, the talks will resume on Monday.") == [
        ("indirect", "the talks will resume on Monday", "John Miller")]
    found = en("The talks will resume on Monday, according to the foreign ministry.")
    assert [(k, c) for k, c, _ in found] == [("indirect", "The talks will resume on Monday")]
    assert found[0][2] and "ministry" in found[0][2]


def test_warned_that(en) -> None:
    assert en("Defence Minister Sarah Jones warned that the army would respond to any attack.") == [
        ("indirect", "the army would respond to any attack", "Sarah Jones")]


def test_a_pronoun_speaker_resolved_to_the_person_named_before(en) -> None:
    found = en("Sarah Jones met the envoy on Tuesday. She said the talks had failed.")
    assert found == [("indirect", "the talks had failed", "Sarah Jones")]


def test_promised_to(en) -> None:
    assert en("John Miller promised to strengthen the alliance with Japan.") == [
        ("indirect", "strengthen the alliance with Japan", "John Miller")]


def test_a_clause_credited_after_it_with_the_subject_first(en) -> None:
    assert en("The talks failed on Monday, Sarah Jones said on Tuesday.") == [
        ("indirect", "The talks failed on Monday", "Sarah Jones")]


def test_a_quoted_description_is_a_mixed_quote(en) -> None:
    found = en('Sarah Jones called the deal "a historic step for our nation".')
    assert [(k, s) for k, _, s in found] == [("mixed", "Sarah Jones")]
    assert "historic step" in found[0][1]


def test_a_quote_running_on_after_its_credit_keeps_the_speaker(en) -> None:
    found = en('Sarah Jones met the envoy. "We are ready," she said. "But they must stop the attacks."')
    assert found == [("direct", "We are ready", "Sarah Jones"),
                     ("direct", "But they must stop the attacks.", "Sarah Jones")]


def test_a_relative_clause_or_a_gerund_reports_nothing(en) -> None:
    assert en("The envoy, who said nothing, left early.") == []
    assert en("He left the room, saying nothing.") == []


def test_a_relative_of_a_known_person_through_the_knowledge_base(en) -> None:
    found = en("Kim Jong-un inspected a factory on Monday. His sister said that the army was ready.")
    assert found == [("indirect", "the army was ready", "Kim Yo-jong")]


def test_what_a_prepositional_object_calls_for(en) -> None:
    assert en("The union called for a general strike on Monday.") == [
        ("indirect", "a general strike on Monday", "union")]
    assert en("The mayor waited for the bus.") == []


def test_a_pet_form_of_a_first_name(en) -> None:
    found = en('Bill Clinton opened the meeting. "We will win this fight," Billy said.')
    assert [s for *_, s in found] == ["Bill Clinton"]


def test_for_whom_credits_the_person_before_it(en) -> None:
    assert en("Nobody listens to John Smith, for whom the reform is unjust.") == [
        ("indirect", "the reform is unjust", "John Smith")]


def test_documents_that_call_for_something_are_no_speakers(en) -> None:
    assert en("The 1978 resolution calls for Israel's unconditional withdrawal from south Lebanon.") == []
