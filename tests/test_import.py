"""``python -m cv_ext import``: what it refuses, what it changes (and says so), what survives."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from conftest import TESTS, sphinx_build
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cv_ext.cli.importer import import_resume
from cv_ext.cli.importer.normalise import EXTRA, exported, normalise
from cv_ext.cli.importer.sections import OWN_META
from cv_ext.cli.importer.spellings import looks_like_host, to_iso
from cv_ext.core.dates import Date, parse_date
from cv_ext.core.ids import slug_or_digest, slugify

if TYPE_CHECKING:
    from pathlib import Path


def run_import(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cv_ext", "import", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def round_trip(resume: dict[str, Any], tmp_path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """(what the import says the site carries, what the built site exports)."""
    source = tmp_path / "resume.json"
    source.write_text(json.dumps(resume), encoding="utf8")
    imported = import_resume(source, tmp_path / "site")
    sphinx_build(tmp_path / "site", tmp_path / "out", builder="html")
    exported = json.loads((tmp_path / "out" / "cv.json").read_text("utf8"))
    exported = {k: v for k, v in exported.items() if k != "$schema"}
    # the export's own meta; what else the resume's meta held stays
    meta = {k: v for k, v in exported.pop("meta").items() if k not in OWN_META}
    exported |= {"meta": meta} if meta else {}
    if "skills" not in imported.resume:
        exported.pop("skills", None)  # derived from the keywords: not in the input
    return imported.resume, exported


# --- refused: only what is not a JSON object ------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not JSON"),
        (b"", "not JSON"),
        (b"\xff\xfe{}", "not JSON"),
        (b"[1, 2]", "the top level is not an object"),
        (b'"a resume"', "the top level is not an object"),
        (b"[" * 100_000, "not JSON"),
    ],
)
def test_refuses_only_what_is_not_a_json_object(
    content: bytes, message: str, tmp_path: Path
) -> None:
    source = tmp_path / "resume.json"
    source.write_bytes(content)
    result = run_import(str(source), str(tmp_path / "site"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert message in lines[0]
    assert not (tmp_path / "site").exists()  # nothing written


def test_refuses_a_folder_with_files(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "keep.md").write_text("mine", encoding="utf8")
    (tmp_path / "resume.json").write_text("{}", encoding="utf8")
    result = run_import(str(tmp_path / "resume.json"), str(tmp_path / "site"))
    assert result.returncode == 2
    assert "not an empty folder" in result.stderr
    assert [p.name for p in (tmp_path / "site").iterdir()] == ["keep.md"]


# --- normalised, and every change reported --------------------------------------------------------


def changes_at(data: dict[str, Any]) -> dict[str, str]:
    return {change.path: change.action for change in normalise(data)[1]}


def test_dates_are_normalised_and_reported() -> None:
    work = [
        {"name": "A", "startDate": "2020-01", "endDate": "Present"},
        {"name": "B", "startDate": "2020-01", "endDate": "now"},
        {"name": "C", "startDate": "2020-01", "endDate": ""},
        {"name": "D", "startDate": "2020-01", "endDate": None},
        {"name": "E", "startDate": "September 2019", "endDate": "heute"},
        {"name": "F", "startDate": "2015-01-01T00:00:00.000Z", "endDate": "2015/3"},
        {"name": "G", "startDate": "2023-02-30"},
        {"name": "H", "endDate": "2020"},
        {"name": "I", "startDate": "2021", "endDate": "2020"},
        {"name": "J", "startDate": "Oktober 2022", "endDate": "mars 2024"},
        {"name": "K", "startDate": "spring 2019", "endDate": "2020"},
        {"name": "L", "startDate": "2019", "endDate": "Q3 2020"},
    ]
    resume, changes = normalise({"work": work})
    dates = [{k: v for k, v in job.items() if k != "name"} for job in resume["work"]]
    assert dates == [
        {"startDate": "2020-01"},
        {"startDate": "2020-01"},
        {"startDate": "2020-01"},
        {"startDate": "2020-01"},
        {"startDate": "2019-09"},
        {"startDate": "2015-01-01", "endDate": "2015-03"},
        # a day that does not exist: the month it names
        {"startDate": "2023-02"},
        # what cannot form a period is kept, as written, for the export alone
        {EXTRA: {"endDate": "2020"}},
        {EXTRA: {"startDate": "2021", "endDate": "2020"}},
        {"startDate": "2022-10", "endDate": "2024-03"},
        {EXTRA: {"startDate": "spring 2019", "endDate": "2020"}},
        {EXTRA: {"startDate": "2019", "endDate": "Q3 2020"}},
    ]
    paths = {change.path for change in changes}
    for index in range(len(work)):
        assert any(p.startswith(f"work/{index}/") for p in paths), index
    # and the export holds every date a period could not use, unchanged
    assert exported(resume)["work"][11] == work[11]


def test_urls_are_completed_kept_or_shown_and_reported() -> None:
    basics = {
        "url": "github.com/someone",
        "image": "photo.jpg",
        "profiles": [
            {"network": "LinkedIn", "url": "www.linkedin.com/in/someone"},
            {"network": "Skype", "url": "skype:someone?userinfo"},
            {"network": "Blog", "url": "https://example.org/it's-me"},
            {"url": "https://example.org/no-network"},
        ],
    }
    resume, changes = normalise({"basics": basics, "projects": [{"name": "P", "url": "/p"}]})
    assert resume["basics"]["url"] == "https://github.com/someone"
    assert resume["basics"]["image"] == "photo.jpg"  # a relative path, kept as written
    assert resume["basics"]["profiles"] == [
        {"network": "LinkedIn", "url": "https://www.linkedin.com/in/someone"},
        {"network": "Skype"},
        {"network": "Blog", "url": "https://example.org/it's-me"},
        {"url": "https://example.org/no-network"},
    ]
    # what the site cannot link to, the export keeps as written, in its place
    assert exported(resume)["basics"]["profiles"][1] == basics["profiles"][1]
    assert exported(resume)["projects"] == [{"name": "P", "url": "/p"}]
    actions = {change.path: change.action for change in changes}
    assert actions["basics/url"] == "URL completed"
    assert "basics/image" not in actions
    assert actions["basics/profiles/1/url"].startswith("kept in the export")
    assert actions["projects/0/url"].startswith("kept in the export")
    assert "basics/profiles/2/url" not in actions


def test_keywords_keep_their_commas_and_case_variants() -> None:
    skills = [{"name": "JS", "keywords": ["Jest, Mocha", "Go", "go", "Go", ""]}]
    work = [{"name": "W", "keywords": ["AWS (EC2, Lambda)", "Go", "go"]}]
    resume, changes = normalise({"skills": skills, "work": work})
    assert resume["skills"][0]["keywords"] == ["Jest, Mocha", "Go", "go"]
    # an entry's keywords are its tags: told apart regardless of case
    assert resume["work"][0]["keywords"] == ["AWS (EC2, Lambda)", "Go"]
    assert {c.path: c.action for c in changes} == {
        "skills/0/keywords/3": "dropped: repeated",
        "skills/0/keywords/4": "dropped: empty",
        "work/0/keywords/2": "dropped: repeated",
    }


def test_pre_1_0_names_map_to_1_0_ones() -> None:
    data = {
        "basics": {"name": "N", "website": "https://n.example", "picture": "https://n.example/p"},
        "work": [{"company": "C", "website": "https://c.example", "startDate": "2020"}],
        "languages": [{"name": "Deutsch", "level": "Muttersprache"}],
    }
    resume, changes = normalise(data)
    assert resume == {
        "basics": {"name": "N", "image": "https://n.example/p", "url": "https://n.example"},
        "work": [{"name": "C", "url": "https://c.example", "startDate": "2020"}],
        "languages": [{"language": "Deutsch", "fluency": "Muttersprache"}],
    }
    assert all(change.action.startswith("pre-1.0 name") for change in changes)
    assert len(changes) == 6
    # both names given: the old one stays beside the new, for the export
    resume, _ = normalise({"basics": {"picture": "https://a.example/p", "image": "b.png"}})
    assert exported(resume)["basics"] == {"image": "b.png", "picture": "https://a.example/p"}


def test_every_item_and_field_is_kept() -> None:
    data = {
        "skills": [{"keywords": ["x"]}],
        "awards": [{"title": "Prize"}, {"title": ""}],
        "work": [{"name": "C", "jobLocation": "here", "x-rating": 5, "keywords": ["Go"]}],
        "interests": ["Chess", 0],
        "basics": {"name": "N", "location": {"city": "B", "country": "Germany"}},
        "meta": {"theme": "even", "version": "v1"},
        "x-custom": 1,
    }
    resume, changes = normalise(data)
    assert exported(resume) == {
        "basics": {"name": "N", "location": {"city": "B", "country": "Germany"}},
        "work": [{"name": "C", "keywords": ["Go"], "jobLocation": "here", "x-rating": 5}],
        "awards": [{"title": "Prize"}, {}],
        "skills": [{"keywords": ["x"]}],
        "interests": [{"name": "Chess"}],
        "meta": {"theme": "even"},
        "x-custom": 1,
    }
    actions = {c.path: c.action for c in changes}
    assert actions["interests/0"].startswith("a text, taken as")
    assert actions["interests/1"] == "dropped: expected an object"
    assert actions["work/0/jobLocation"].startswith("kept in the export")
    assert actions["basics/location/country"].startswith("kept in the export")
    assert actions["x-custom"].startswith("kept in the export")


# --- inputs that once crashed or broke the build ----------------------------------------------

HOSTILE = [
    "Lone \ud800 surrogate",
    "Senior\nEngineer",
    ":::{warning}\nboom\n:::",
    "```python\nprint(1)\n```",
    "{braces} and {{ double }}",
    "# leading hash",
    "<script>alert('x')</script> & <b>bold</b>",
    "back`tick` and *stars* and _under_ and [link](https://example.org)",
    "--- three dashes",
    "1. numbered",
    "- dash",
    "\\ backslash \\n",
    "name: value",
    "|",
    "title |",
    "Index",
]


def hostile_resume() -> dict[str, Any]:
    texts = HOSTILE
    return {
        "basics": {"name": texts[0], "label": texts[1], "summary": "\n\n".join(texts)},
        "work": [
            {
                "name": text,
                "position": texts[-1 - index],
                "startDate": "2020-01",
                "summary": text,
                "highlights": [text, texts[-1 - index]],
            }
            for index, text in enumerate(texts)
        ],
        "education": [{"institution": "School\nof Things", "area": "Art"}],
        "projects": [
            {"name": "x" * 300, "description": texts[2], "keywords": texts[3:6]},
            {"name": "Index", "highlights": texts},
            {"name": "index"},
            {
                "name": "Talk\nwith newline",
                "type": "talk",
                "startDate": "2020-02",
                "endDate": "2020-02-03",
                "entity": "Conf",
                "roles": ["Speaker"],
                "highlights": ["one"],
                "keywords": ["Go", "go"],
            },
        ],
        "references": [{"name": "Jo", "reference": texts[4]}, {"name": "Jo", "reference": "b"}],
        "awards": [{"title": texts[6], "awarder": texts[7]}],
    }


def test_hostile_strings_import_build_and_come_back(tmp_path: Path) -> None:
    carried, exported = round_trip(hostile_resume(), tmp_path)
    assert exported == carried
    assert carried["projects"][3]["type"] == "talk"
    assert carried["projects"][3]["roles"] == ["Speaker"]
    assert carried["projects"][3]["keywords"] == ["Go", "go"]
    assert "studyType" not in carried["education"][0]  # nothing made up from the area
    for page in (tmp_path / "site").rglob("*.md"):
        relative = page.relative_to(tmp_path / "site").as_posix()
        assert len(page.name) <= 48, relative
        assert page.stem != "index" or relative in {"index.md", "projects/index.md"}
    # every text came back as the import says: whitespace collapsed, the surrogate replaced
    assert carried["work"][2]["name"] == ":::{warning} boom :::"
    assert carried["basics"]["name"] == "Lone \ufffd surrogate"


@settings(  # each example builds a site: fewer than the profile's (conftest.py) examples
    max_examples=12,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(texts=st.lists(st.text(min_size=1, max_size=40), min_size=6, max_size=6))
def test_any_string_survives_page_build_and_export(texts: list[str], tmp_path_factory: Any) -> None:
    tmp_path = tmp_path_factory.mktemp("any")
    resume = {
        "basics": {"name": texts[0], "summary": texts[1]},
        "work": [
            {"name": texts[2], "position": texts[3], "startDate": "2020", "highlights": [texts[4]]}
        ],
        "projects": [{"name": texts[5], "description": texts[0]}],
        "interests": [{"name": texts[1], "keywords": [texts[2]]}],
    }
    carried, exported = round_trip(resume, tmp_path)
    assert exported == carried
    # the only changes to a one-line text: whitespace collapsed, an unpaired surrogate
    # replaced, control characters removed
    assert carried.get("basics", {}).get("name") == (one_line(texts[0]) or None)
    assert carried.get("projects", [{}])[0].get("name") == (one_line(texts[5]) or None)
    job = carried["work"][0]  # kept whatever it lacks
    assert job.get("name") == (one_line(texts[2]) or None)
    assert job.get("position") == (one_line(texts[3]) or None)
    assert job.get("highlights", [None])[0] == (one_line(texts[4]) or None)


def one_line(text: str) -> str:
    """*text* as the import documents it: one line of printable characters."""
    text = re.sub(r"[\ud800-\udfff]", "\ufffd", text)
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]", "", text)
    return " ".join(text.split())


# --- the site around the pages ---------------------------------------------------------------


def test_import_writes_a_project_read_the_docs_builds(tmp_path: Path) -> None:
    resume = TESTS / "data" / "resumes" / "sample.resume.json"
    result = run_import(str(resume), str(tmp_path / "mysite"))
    assert result.returncode == 0, result.stderr
    site = tmp_path / "mysite"
    assert "import-report.json" in result.stdout
    for name in ("conf.py", "index.md", "README.md", ".readthedocs.yaml", "requirements.txt"):
        assert (site / name).is_file(), name
    config = yaml.safe_load((site / ".readthedocs.yaml").read_text("utf8"))
    assert config["version"] == 2
    assert config["sphinx"]["configuration"] == "conf.py"
    readme = (site / "README.md").read_text("utf8")
    assert "python -m sphinx -n -W" in readme
    # the two commands of the README: import, then build
    sphinx_build(site, tmp_path / "out", builder="html")
    assert not (tmp_path / "out" / "README.html").exists()
    assert not (tmp_path / "out" / "import-report.html").exists()


# --- ids ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Московский университет", "moskovskiy-universitet"),
        ("北京大学", "beijingdaxue"),
        ("서울대학교", "seouldaehaggyo"),
        ("Αθήνα", "athina"),
        ("Ünïcödé ß", "unicode-ss"),
        ("6× faster", "6-faster"),
    ],
)
def test_ids_are_readable_in_every_script(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_text_without_letters_gets_a_stable_digest() -> None:
    assert slug_or_digest("★★★", "skill") == slug_or_digest("★★★", "skill")
    assert slug_or_digest("★★★", "skill").startswith("skill-")
    assert slug_or_digest("★★★", "skill") != slug_or_digest("☆☆☆", "skill")


COLLIDING = """# Experience

:::{timeline} Engineer
:org: Acme
:start: 2020-01
:::

:::{timeline} Manager
:org: Acme
:start: 2020-01
:::

:::{timeline} Student
:org: ACME
:start: 2020-01
:kind: education
:::

:::{reference} Jo Smith
Great.
:::

:::{reference} Jo Smith
Also great.
:::

:::{skill} Python
:::

:::{skill} python
:::
"""


def test_hand_written_collisions_get_distinct_ids_serial_and_parallel(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "cv_ext"]\nmyst_enable_extensions = ["colon_fence"]\n',
        encoding="utf8",
    )
    (src / "index.md").write_text("# Home\n\n```{toctree}\na\nb\n```\n", "utf8")
    (src / "a.md").write_text(COLLIDING, encoding="utf8")
    (src / "b.md").write_text("# B\n\nSee {cv:entry}`acme-2020-01-2`.\n", encoding="utf8")
    for jobs in ((), ("-j", "2")):
        sphinx_build(src, tmp_path / f"out{len(jobs)}", *jobs, builder="html")
    # incremental: the page read again gives the same ids
    (src / "a.md").write_text(COLLIDING + "\n", encoding="utf8")
    sphinx_build(src, tmp_path / "out0", builder="html")
    html = (tmp_path / "out0" / "a.html").read_text("utf8")
    for anchor in ("acme-2020-01", "acme-2020-01-2", "acme-2020-01-3"):
        assert f'id="{anchor}"' in html
    for anchor in ("reference-jo-smith", "reference-jo-smith-2", "skill-python", "skill-python-2"):
        assert f'id="{anchor}"' in html
    serial = json.loads((tmp_path / "out0" / "cv.json").read_text("utf8"))
    parallel = json.loads((tmp_path / "out2" / "cv.json").read_text("utf8"))
    assert serial == parallel
    assert [r["name"] for r in serial["references"]] == ["Jo Smith", "Jo Smith"]


# --- the spellings of dates and hosts ----------------------------------------------------------


@given(text=st.text(max_size=30))
def test_to_iso_reads_a_date_or_nothing(text: str) -> None:
    iso = to_iso(text)
    assert iso is None or parse_date(iso).iso() == iso
    assert isinstance(looks_like_host(text), bool)


@given(date=st.dates(min_value=dt.date(1, 1, 1)), precision=st.integers(1, 3))
def test_to_iso_keeps_iso_dates(date: dt.date, precision: int) -> None:
    iso = Date.from_date(date).iso()[: {1: 4, 2: 7, 3: 10}[precision]]
    assert to_iso(iso) == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2019/3", "2019-03"),
        ("03/2019", "2019-03"),
        ("2019.03.01", "2019-03-01"),
        ("Sept. 2019", "2019-09"),
        ("2019年3月", "2019-03"),
        ("2019-03-01T12:00:00+02:00", "2019-03-01"),
        ("spring 2019", None),
        ("2019-13", None),
    ],
)
def test_to_iso_reads_common_spellings(text: str, iso: str | None) -> None:
    assert to_iso(text) == iso


# --- nothing lost: keywords with commas, photos beside the resume -------------------------------


def test_keywords_with_commas_come_back_whole(tmp_path: Path) -> None:
    resume = {
        "work": [{"name": "W", "startDate": "2020", "keywords": ["AWS (EC2, Lambda)", "Go"]}],
        "skills": [{"name": "Testing", "keywords": ["Vitest, Mocha/Sinon", '"quoted"', "Jest"]}],
        "projects": [{"name": "P", "keywords": ["a, b", "c"]}],
    }
    carried, exported_ = round_trip(resume, tmp_path)
    assert exported_ == carried
    assert exported_["work"][0]["keywords"] == ["AWS (EC2, Lambda)", "Go"]
    assert exported_["skills"][0]["keywords"] == ["Vitest, Mocha/Sinon", '"quoted"', "Jest"]
    assert exported_["projects"][0]["keywords"] == ["a, b", "c"]
    page = (tmp_path / "site" / "experience.md").read_text("utf8")
    assert ':tags: "AWS (EC2, Lambda)", Go' in page or '  "AWS (EC2, Lambda)", Go' in page


@pytest.mark.parametrize(
    ("image", "copied"),
    [("./me.png", "me.png"), ("/img/me.png", "img/me.png"), ("../me.png", None), ("no.png", None)],
)
def test_a_photo_beside_the_resume_is_copied(
    image: str, copied: str | None, tmp_path: Path
) -> None:
    folder = tmp_path / "resume"
    (folder / "img").mkdir(parents=True)
    for path in (folder / "me.png", folder / "img" / "me.png", tmp_path / "me.png"):
        path.write_bytes(b"\x89PNG photo")
    (folder / "resume.json").write_text(json.dumps({"basics": {"image": image}}), "utf8")
    imported = import_resume(folder / "resume.json", tmp_path / "site")
    # the value as written, in every case: shown where the file is there, else in the export
    carried = imported.resume["basics"]
    assert (carried.get("image") or carried[EXTRA]["image"]) == image
    (change,) = [c for c in imported.changes if c.path == "basics/image"]
    page = (tmp_path / "site" / "index.md").read_text("utf8")
    sphinx_build(tmp_path / "site", tmp_path / "out", builder="html")
    exported_ = json.loads((tmp_path / "out" / "cv.json").read_text("utf8"))
    if copied:
        assert (tmp_path / "site" / copied).read_bytes() == b"\x89PNG photo"
        assert f"copied into the site as {copied}" in change.action
        assert f":image: {image}" in page
        # the export names the photo where the site serves it
        assert exported_["basics"]["image"] == "_images/me.png"
    else:
        assert change.action.startswith("kept in the export as written")
        assert not (tmp_path / "site" / "me.png").exists()
        assert ":image:" not in page  # a missing file would fail the build
        assert exported_["basics"]["image"] == image


def test_fields_beside_the_sections_go_to_conf_py(tmp_path: Path) -> None:
    resume = {
        "basics": {"name": "N"},
        "language": "de",
        "meta": {"theme": "even", "canonical": "https://old.example/resume.json"},
        "portfolio": [{"name": "x", "tags": ["a"]}],
    }
    carried, exported_ = round_trip(resume, tmp_path)
    assert exported_ == carried
    assert exported_["portfolio"] == resume["portfolio"]
    conf = (tmp_path / "site" / "conf.py").read_text("utf8")
    assert "cv_json_resume_extra = {" in conf
