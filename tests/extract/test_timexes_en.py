"""English time expressions: spans as TimeML marks them, values anchored on the publication date."""

from __future__ import annotations

import pytest

from veille.extract.timexes import tag_timexes


def _found(text: str, anchor: str | None = "1989-10-30", tense: str | None = None) -> dict[str, tuple]:
    return {text[t.span[0]:t.span[1]]: (t.type, t.value, t.how)
            for t in tag_timexes(text, "en", anchor, (lambda _: tense) if tense else None)}


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Sales fell in the third quarter.", "the third quarter", ("DATE", "1989-Q3", "relative")),
    ("Third-quarter profit rose.", "Third-quarter", ("DATE", "1989-Q3", "relative")),
    ("The plant opened June 18, 2024.", "June 18, 2024", ("DATE", "2024-06-18", "explicit")),
    ("It was sold two years ago.", "two years ago", ("DATE", "1987", "relative")),
    ("Prices rose last week.", "last week", ("DATE", "1989-W43", "relative")),
    ("Prices rose this year.", "this year", ("DATE", "1989", "relative")),
    ("The talks were held yesterday.", "yesterday", ("DATE", "1989-10-29", "relative")),
    ("The strike lasted three days.", "three days", ("DURATION", "P3D", "explicit")),
    ("Output grew over the past three months.", "the past three months", ("DURATION", "P3M", "explicit")),
    ("Inflation was high in the 1990s.", "the 1990s", ("DATE", "199X", "explicit")),
    ("The board meets every Monday.", "every Monday", ("SET", "XXXX-WXX-1", "explicit")),
    ("Rates are now higher.", "now", ("DATE", "PRESENT_REF", "explicit")),
])
def test_english_expressions(text: str, span: str, value: tuple) -> None:
    assert _found(text)[span] == value


def test_weekday_follows_the_tense() -> None:
    assert _found("The minister resigned Friday.", tense="past")["Friday"][1] == "1989-10-27"
    assert _found("The minister will resign Friday.", tense="future")["Friday"][1] == "1989-11-03"


def test_no_anchor_leaves_unknown_parts() -> None:
    assert _found("The plant opened June 18.", anchor=None)["June 18"] == ("DATE", "XXXX-06-18", "unresolved")
    assert _found("He left on Friday.", anchor=None)["Friday"][1] == "XXXX-WXX-5"


def test_text_without_time_words_yields_nothing() -> None:
    assert tag_timexes("The committee approved the plan.", "en", "1989-10-30") == []


def test_modal_may_is_not_a_month() -> None:
    assert "may" not in _found("Prices may rise.")
    assert _found("The law passed in May.", tense="past")["May"][1] == "1989-05"


def test_year_ago_quarter_and_the_quarter() -> None:
    assert _found("Profit fell from the year-ago quarter.")["the year-ago quarter"][1] == "1988-Q3"
    assert _found("Profit fell in the quarter.", tense="past")["the quarter"][1] == "1989-Q3"
    assert _found("He left late yesterday.")["late yesterday"] == ("DATE", "1989-10-29", "relative")


def test_bare_weekday_outside_the_future_is_the_last_one() -> None:
    found = {text[t.span[0]:t.span[1]]: t.value
             for text in ["The minister says Friday the talks failed."]
             for t in tag_timexes(text, "en", "1998-02-11", lambda _: "present")}
    assert found["Friday"] == "1998-02-06"
    future = tag_timexes("It will open Friday.", "en", "1998-02-11", lambda _: "future")
    assert future[0].value == "1998-02-13"
