"""The schema's fast constructors make the same objects as the attrs constructors."""

from __future__ import annotations

import pickle

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gov_disclosure import Cell, CellKind, Span
from gov_disclosure._model import new_number_cell, new_span

_ints = st.integers(min_value=0, max_value=10**9)


@given(_ints, _ints, _ints, _ints)
def test_new_span_is_a_span(start: int, end: int, line: int, column: int) -> None:
    fast, slow = new_span(start, end, line, column), Span(start, end, line, column)
    assert type(fast) is Span
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert pickle.loads(pickle.dumps(fast)) == slow
    assert attrs.asdict(fast) == attrs.asdict(slow)


@given(st.text(max_size=12), st.integers(), st.none() | st.builds(Span, _ints, _ints, _ints, _ints))
def test_new_number_cell_is_a_cell(raw: str, value: int, span: Span | None) -> None:
    fast, slow = new_number_cell(raw, value, span), Cell(raw, CellKind.NUMBER, value, span)
    assert type(fast) is Cell and fast.is_number
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert pickle.loads(pickle.dumps(fast)) == slow
    assert attrs.evolve(fast, unit="件") == attrs.evolve(slow, unit="件")


def test_fast_objects_stay_frozen() -> None:
    cell = new_number_cell("3", 3, new_span(0, 1, 1, 1))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        cell.value = 4  # type: ignore[misc]
    assert cell.value == 3
