"""Real resumes: each imports, builds with ``-n -W`` and exports every field it had, in order.

The corpus is ``tests/data/resumes/`` (sources in its ``MANIFEST``). For every file:
import → ``sphinx-build -n -W -b html`` → ``cv.json``, and

- the exported ``cv.json`` equals the document the import says the site carries
  (same sections, same items in the same order, same values);
- every item of every section of the input is there, in order (only what is not an
  object or a text cannot be an item, and the report says so);
- every value of the input is in that document unchanged (pre-1.0 fields under their
  1.0 names), unless the import report lists a change at its path or above it; a value
  the report says the export keeps is there exactly as written.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest
from conftest import TESTS, sphinx_build

from cv_ext.cli.fmt import format_folder
from cv_ext.cli.importer import Change, import_resume
from cv_ext.cli.importer.normalise import RENAMES, SECTIONS
from cv_ext.cli.importer.sections import OWN_META

if TYPE_CHECKING:
    from pathlib import Path

CORPUS = TESTS / "data" / "resumes"
RESUMES = sorted(CORPUS.glob("*.json"))
LANGUAGES = {"de", "fr", "es", "pt", "it", "pl", "zh", "ja", "ko", "ru", "en"}


def manifest() -> dict[str, list[str]]:
    """File name -> its MANIFEST row."""
    rows = [line.split("\t") for line in (CORPUS / "MANIFEST").read_text("utf8").splitlines()]
    return {row[0]: row for row in rows if row and not row[0].startswith("#")}


def test_corpus_is_real_varied_and_anonymised() -> None:
    rows = manifest()
    assert sorted(rows) == [path.name for path in RESUMES]
    real = {name: row for name, row in rows.items() if re.fullmatch(r"[0-9a-f]{40}", row[3])}
    assert len(real) >= 60
    assert {row[4] for row in real.values()} >= LANGUAGES
    assert sum(row[4] != "en" for row in real.values()) >= 40
    eras = {"pre-1.0": 0, "1.0": 0}
    for name in real:
        text = (CORPUS / name).read_text("utf-8-sig")
        eras["pre-1.0" if re.search(r'"(company|website|picture)"', text) else "1.0"] += 1
        emails = set(re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text))
        assert emails <= {"person@example.com"}, name
        phones = re.findall(r'"phone":\s*"([^"]*)"', text)
        assert set(phones) <= {"+00 000 000000", ""}, name
    assert min(eras.values()) >= 8, eras


def leaves(value: Any, key: str = "") -> list[tuple[str, Any]]:
    """Every (field name, value) pair in *value*, nested ones too."""
    if isinstance(value, dict):
        return [(key, value)] + [pair for k, v in value.items() for pair in leaves(v, k)]
    if isinstance(value, list):
        return [(key, value)] + [pair for item in value for pair in leaves(item, key)]
    return [(key, value)]


def impossible_day(text: str) -> bool:
    """Whether *text* is ``YYYY-MM-DD`` with a day its month does not have."""
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])", text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return True
    return False


#: what a real resume does that an importer must survive, each seen in the corpus
ODD_CASES = {
    "a relative photo": lambda k, v: (
        k in {"image", "picture"} and isinstance(v, str) and bool(v) and "//" not in v
    ),
    "a day that does not exist": lambda k, v: (
        k.endswith("Date") and isinstance(v, str) and impossible_day(v)
    ),
    "an end that is now": lambda k, v: (
        k == "endDate" and isinstance(v, str) and v.lower() in {"present", "now", "heute"}
    ),
    "a keyword with a comma": lambda k, v: (
        k == "keywords" and isinstance(v, list) and any("," in str(x) for x in v)
    ),
    "an item without a name": lambda k, v: (
        k in {"interests", "skills", "work", "projects"}
        and isinstance(v, list)
        and any(isinstance(i, dict) and not i.get("name") for i in v)
    ),
    "an empty section": lambda k, v: k in SECTIONS and v == [],
    "a section of one item": lambda k, v: k in SECTIONS and isinstance(v, list) and len(v) == 1,
    "interests": lambda k, v: k == "interests" and isinstance(v, list) and len(v) > 1,
    "publications": lambda k, v: k == "publications" and isinstance(v, list) and len(v) > 1,
    "a relative or other URL": lambda k, v: (
        k == "url" and isinstance(v, str) and bool(v) and not v.startswith("http")
    ),
}


def test_corpus_holds_the_odd_cases() -> None:
    found = dict.fromkeys(ODD_CASES, 0)
    for path in RESUMES:
        pairs = leaves(json.loads(path.read_text("utf-8-sig")))
        for case, test in ODD_CASES.items():
            found[case] += any(test(key, value) for key, value in pairs)
    assert all(count >= 2 for count in found.values()), found


def accounted(path: str, reported: set[str]) -> bool:
    """Whether the report lists a change at *path* or above it."""
    return any(path == p or path.startswith(p + "/") for p in reported)


def below(path: str, reported: set[str]) -> bool:
    """Whether the report lists a change (a rename too) under *path*."""
    return any(p.startswith(path + "/") for p in reported)


@dataclass
class Paths:
    """The paths of the import report."""

    #: changes that account for a value: all but mere renames
    reported: set[str]
    #: every change, renames too
    touched: set[str]
    #: items dropped whole
    dropped: set[str]
    #: the last change at each path: what the value became
    last: dict[str, Change]

    @classmethod
    def of(cls, changes: list[Change]) -> Paths:
        """The paths of *changes*."""
        return cls(
            {c.path for c in changes if not c.action.startswith("pre-1.0 name")},
            {c.path for c in changes},
            {c.path for c in changes if c.action.startswith("dropped")},
            {c.path: c for c in changes},
        )


def check(original: Any, kept: Any, path: str, paths: Paths) -> None:
    """Every value of *original* is in *kept* unchanged, unless reported at or above its path."""
    if accounted(path, paths.reported):
        change = paths.last.get(path)
        if change is not None and path in paths.reported:
            # the value is exactly what the report says it became
            if isinstance(change.result, str):
                assert kept == change.result, path
            elif change.action.startswith(("dropped", "ongoing")):
                assert kept is None, path
            elif change.action.startswith("kept"):
                assert kept == original, path
        return
    if not below(path, paths.touched):
        assert kept == original, path
        return
    if isinstance(original, dict):
        section = path.split("/", 1)[0]
        renames = RENAMES.get(section, {})
        fields = SECTIONS.get(section, {})
        for key, value in original.items():
            new = renames.get(key, key) if key not in fields else key
            if new != key and key in original and new in original:
                new = key  # both spellings: the old one is reported as dropped
            # the report names a renamed field by its 1.0 name
            child = kept.get(new) if isinstance(kept, dict) else None
            check(value, child, f"{path}/{new}", paths)
    elif isinstance(original, list) and all(isinstance(v, dict) for v in original):
        # items the report drops take no place: the others keep their order
        survivors = iter(kept if isinstance(kept, list) else [])
        for index, value in enumerate(original):
            item_path = f"{path}/{index}"
            if item_path in paths.dropped:
                continue
            check(value, next(survivors, None), item_path, paths)
    elif isinstance(original, list):
        # keywords, highlights: a reported item may be split or dropped; the others stay,
        # in their order
        unreported = [v for i, v in enumerate(original) if f"{path}/{i}" not in paths.reported]
        rest = iter(kept if isinstance(kept, list) else [])
        assert all(any(v == k for k in rest) for v in unreported), path
    else:
        pytest.fail(f"{path}: a change reported under a plain value")


def comparable(exported: dict[str, Any], carried: dict[str, Any]) -> dict[str, Any]:
    """The export without what it adds: schema URL, its own meta, and skills derived from
    keywords."""
    drop = {"$schema"} | ({"skills"} if "skills" not in carried else set())
    result = {key: value for key, value in exported.items() if key not in drop}
    meta = {k: v for k, v in result.pop("meta").items() if k not in OWN_META}
    return result | ({"meta": meta} if meta else {})


def items_of(document: dict[str, Any]) -> dict[str, int]:
    """How many items each section of *document* gives: objects, and texts naming one."""
    counts = {}
    for section in SECTIONS:
        value = document.get(section)
        if value in (None, [], ""):
            continue
        given = value if isinstance(value, list) else [value]
        counts[section] = sum(
            isinstance(item, dict) or (isinstance(item, str) and bool(item.strip()))
            for item in given
        )
    return counts


@pytest.mark.parametrize("resume", RESUMES, ids=[path.stem for path in RESUMES])
def test_import_build_export(resume: Path, tmp_path: Path) -> None:
    site, out = tmp_path / "site", tmp_path / "out"
    imported = import_resume(resume, site)
    sphinx_build(site, out, builder="html")
    exported = json.loads((out / "cv.json").read_text("utf8"))
    assert comparable(exported, imported.resume) == imported.resume
    original = json.loads(resume.read_text("utf-8-sig"))
    paths = Paths.of(imported.changes)
    # every item of every section: none is left out but what cannot be an item
    for section, count in items_of(original).items():
        if count or section != "skills":  # skills without items: the export derives them
            assert len(exported.get(section, [])) == count, section
    for key, value in original.items():
        check(value, imported.resume.get(key), key, paths)
    # the pages are as fmt writes them: formatting them changes nothing
    formatted = format_folder(site, check=True)
    assert formatted.changed == [] and formatted.refused == []
    # the report written beside the site is the one returned
    report = json.loads((site / "import-report.json").read_text("utf8"))
    assert report["changes"] == [change.as_json() for change in imported.changes]
    assert report["resume"] == imported.resume


def test_check_catches_a_silent_loss_and_a_new_order() -> None:
    original = {"work": [{"name": "A", "highlights": ["x", "y"]}, {"name": "B"}]}
    silent = Paths.of([])
    with pytest.raises(AssertionError):
        check(original["work"], [{"name": "A", "highlights": ["x"]}, {"name": "B"}], "work", silent)
    with pytest.raises(AssertionError):
        check(original["work"], [{"name": "B"}, original["work"][0]], "work", silent)
    dropped = Paths.of([Change("work/0/highlights/1", "y", "dropped: repeated")])
    check(original["work"], [{"name": "A", "highlights": ["x"]}, {"name": "B"}], "work", dropped)
    completed = Paths.of([Change("basics/url", "a.example", "URL completed", "https://a.example")])
    check({"url": "a.example"}, {"url": "https://a.example"}, "basics", completed)
    with pytest.raises(AssertionError):
        check({"url": "a.example"}, {"url": "https://b.example"}, "basics", completed)
    ongoing = Paths.of([Change("work/0/endDate", "Present", "ongoing: no endDate")])
    with pytest.raises(AssertionError):
        check([{"endDate": "Present"}], [{"endDate": "Present"}], "work", ongoing)
