"""The domain's records survive the environment's pickle unchanged, by the quick path."""

from __future__ import annotations

import dataclasses
import pickle
from typing import TYPE_CHECKING, Any

import pytest

from cv_ext.core.dates import Date, Period, Span
from cv_ext.core.metrics import parse_metric
from cv_ext.core.pickling import quick_pickle
from cv_ext.core.records import Achievement, Backlink
from cv_ext.reading.domain import get_domain

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


def dataclass_objects(value: Any) -> Iterator[Any]:
    """Every dataclass instance inside *value*, however deeply nested."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        yield value
        for field in dataclasses.fields(value):
            yield from dataclass_objects(getattr(value, field.name))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from dataclass_objects(key)
            yield from dataclass_objects(item)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from dataclass_objects(item)


@pytest.mark.parametrize("root", ["basic", "myst", "publications"])
def test_the_domain_data_comes_back_equal(make_app, rootdir: Path, tmp_path: Path, root) -> None:
    app = make_app("html", srcdir=rootdir / f"test-{root}", builddir=tmp_path / "_build")
    app.build()
    data = get_domain(app.env).data
    loaded = pickle.loads(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
    assert loaded == data
    found = {type(obj) for obj in dataclass_objects(data)}
    assert {Backlink, Date} <= found
    # every frozen, slotted record type the environment carries takes the quick path
    slow = {
        cls.__qualname__
        for cls in found
        if "__slots__" in vars(cls) and cls.__setstate__.__module__ == "dataclasses"
    }
    assert not slow


def test_a_record_with_every_kind_of_value_comes_back_equal() -> None:
    record = Achievement(
        id="a",
        title="A",
        docname="page",
        lineno=3,
        date=Date(2022, 5),
        metrics=(parse_metric("latency: 10 ms -> 5 ms"),),
        tags=("rust", "quic"),
    )
    assert pickle.loads(pickle.dumps(record)) == record
    period = Period((Span(Date(2020), Date(2021, 2)),))
    assert pickle.loads(pickle.dumps(period)) == period


def test_a_class_of_one_field_keeps_its_value_whole() -> None:
    @quick_pickle
    @dataclasses.dataclass(frozen=True, slots=True)
    class Single:
        value: tuple[int, int]

    assert Single((1, 2)).__getstate__() == ((1, 2),)  # type: ignore[attr-defined]
