"""The import's report of changes, exactly: found by mutation testing (scripts/mutation.py),
where the tests of the normaliser checked which changes were made but not how they are told."""

from __future__ import annotations

from cv_ext.cli.importer.changes import Change, ChangeLog, to_json
from cv_ext.cli.importer.normalise import EXTRA, exported, normalise


def test_json_text_keeps_letters_and_escapes_only_an_unpaired_surrogate() -> None:
    assert to_json({"name": "Zoë 北京"}) == '{"name": "Zoë 北京"}'
    assert to_json(["a\ud800b"]) == '["a\\ud800b"]'
    assert to_json({"a": [1]}, indent=2) == '{\n  "a": [\n    1\n  ]\n}'


def test_a_change_is_noted_with_its_value_and_result() -> None:
    log = ChangeLog()
    log.note("work/0/endDate", "Present", "ongoing: no endDate", result="present")
    log.note("basics/x", {"k": 1}, "dropped")
    assert log.changes == [
        Change("work/0/endDate", "Present", "ongoing: no endDate", "present"),
        Change("basics/x", {"k": 1}, "dropped", None),
    ]


def test_a_change_reads_as_one_line_of_at_most_80_characters_of_value() -> None:
    assert Change("work/0/endDate", "Present", "ongoing").line() == (
        'work/0/endDate: "Present": ongoing'
    )
    short = Change("p", "x" * 78, "kept").line()  # 80 characters with its quotes: whole
    assert short == f'p: "{"x" * 78}": kept'
    long = Change("p", "x" * 79, "kept").line()
    assert long == f'p: "{"x" * 76}...: kept'


def test_a_change_as_json_has_its_result_only_when_there_is_one() -> None:
    assert Change("p", 1, "a").as_json() == {"path": "p", "value": 1, "action": "a"}
    assert Change("p", 1, "a", 0).as_json() == {"path": "p", "value": 1, "action": "a", "result": 0}


def test_normalise_reports_the_result_of_a_changed_date() -> None:
    resume, changes = normalise({"work": [{"name": "Acme", "startDate": "March 2020"}]})
    assert resume["work"][0]["startDate"] == "2020-03"
    assert [(c.path, c.value, c.result) for c in changes if c.path.endswith("startDate")] == [
        ("work/0/startDate", "March 2020", "2020-03")
    ]


def test_exported_merges_the_extra_fields_at_every_depth() -> None:
    carried = {"a": [{"b": 1, EXTRA: {"c": 2}}, "s"], EXTRA: {"d": 3}}
    assert exported(carried) == {"a": [{"b": 1, "c": 2}, "s"], "d": 3}
