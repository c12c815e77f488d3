"""cv_ext speaks the build's language: its catalog, German labels, plurals, dates by babel."""

from __future__ import annotations

import gettext
import importlib.util
import json
import os
import shutil
import sys
import time
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup

from cv_ext.common import i18n
from cv_ext.common.i18n import catalogs
from cv_ext.core.dates import Date, format_months, parse_period
from cv_ext.core.errors import ParseError
from cv_ext.core.metrics import parse_metric
from tests.conftest import REPO, source_copy

if TYPE_CHECKING:
    from pathlib import Path
    from types import ModuleType

    from sphinx.testing.util import SphinxTestApp


def load_script() -> ModuleType:
    """scripts/i18n.py as a module."""
    spec = importlib.util.spec_from_file_location("cv_i18n_script", REPO / "scripts" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


I18N = load_script()


def test_template_holds_exactly_the_messages_of_the_code() -> None:
    assert I18N.POT.read_bytes() == I18N.po_bytes(I18N.template())
    ids = {message.id for message in I18N.read(I18N.POT) if message.id}
    assert {"Present", "Referenced from", ("%(n)d mo", "%(n)d mos")} <= ids


def test_compiled_catalogs_are_their_po_files_compiled() -> None:
    assert I18N.package_catalogs(), "no .po file shipped"
    assert I18N.check() == []


#: the languages of the real-resume corpus, beside German
LANGUAGES = ["de", "es", "fr", "ja", "ko", "ru", "zh_CN"]


def test_every_language_is_a_folder_of_the_locale() -> None:
    assert [path.parent.parent.name for path in I18N.package_catalogs()] == LANGUAGES
    assert catalogs() == LANGUAGES


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_is_complete(language: str) -> None:
    done, total = I18N.stats()[language, "cv_ext"]
    assert total >= 60
    assert done == total


def test_check_finds_a_wrong_placeholder_and_a_missing_plural_form(tmp_path: Path) -> None:
    po = tmp_path / "ru" / "LC_MESSAGES" / "cv_ext.po"
    po.parent.mkdir(parents=True)
    text = (I18N.LOCALE / "ru" / "LC_MESSAGES" / "cv_ext.po").read_text(encoding="utf8")
    text = text.replace('msgstr "Оценка: %(score)s"', 'msgstr "Оценка: %(grade)s"')
    text = text.replace('msgstr[2] "%(n)d лет"\n', "")
    po.write_text(text, encoding="utf8")
    found = "\n".join(I18N.mistakes(po))
    assert "Score: %(score)s" in found
    assert "%(n)d yr" in found


def translation(language: str) -> gettext.GNUTranslations:
    return gettext.translation("cv_ext", I18N.LOCALE, [language])


#: a count with its noun, for several numbers: the plural form the reader expects; counts of
#: objects are in the context of "Referenced from" (German needs the dative there)
REFERENCED = "referenced from"
PLURALS = {
    "ru": (REFERENCED, "%(n)d project", "%(n)d projects", {1: "1 проект", 2: "2 проекта",
           5: "5 проектов", 11: "11 проектов", 21: "21 проект", 22: "22 проекта",
           25: "25 проектов"}),
    "fr": (None, "%(n)d yr", "%(n)d yrs", {0: "0 an", 1: "1 an", 2: "2 ans", 21: "21 ans"}),
    "es": (REFERENCED, "%(n)d talk", "%(n)d talks", {0: "0 charlas", 1: "1 charla",
           2: "2 charlas"}),
    "de": (None, "%(n)d yr", "%(n)d yrs", {1: "1 Jahr", 2: "2 Jahre"}),
    "zh_CN": (REFERENCED, "%(n)d project", "%(n)d projects", {1: "1个项目", 2: "2个项目",
              21: "21个项目"}),
    "ja": (REFERENCED, "%(n)d talk", "%(n)d talks", {1: "講演1件", 2: "講演2件", 21: "講演21件"}),
    "ko": (REFERENCED, "%(n)d project", "%(n)d projects", {1: "프로젝트 1개", 5: "프로젝트 5개"}),
}  # fmt: skip


@pytest.mark.parametrize("language", sorted(PLURALS))
def test_counts_take_the_plural_form_of_their_number(language: str) -> None:
    context, singular, plural, expected = PLURALS[language]
    forms = translation(language)

    def form(n: int) -> str:
        if context:
            return forms.npgettext(context, singular, plural, n) % {"n": n}
        return forms.ngettext(singular, plural, n) % {"n": n}

    assert {n: form(n) for n in expected} == expected


def test_russian_years_and_days_have_three_forms() -> None:
    forms = translation("ru")
    years = [forms.ngettext("%(n)d yr", "%(n)d yrs", n) % {"n": n} for n in (1, 2, 5, 21, 111)]
    assert years == ["1 год", "2 года", "5 лет", "21 год", "111 лет"]
    days = [forms.ngettext("%(n)d day", "%(n)d days", n) % {"n": n} for n in (1, 3, 5, 24)]
    assert days == ["1 день", "3 дня", "5 дней", "24 дня"]


#: months -> how long, as each language writes it short
DURATIONS = {
    "de": {34: "2 Jahre 10 Monate", 13: "1 Jahr 1 Monat", 6: "6 Monate"},
    "fr": {34: "2 ans 10 mois", 13: "1 an 1 mois", 12: "1 an"},
    "es": {34: "2 años 10 meses", 13: "1 año 1 mes", 1: "1 mes"},
    "ru": {34: "2 года 10 месяцев", 13: "1 год 1 месяц", 60: "5 лет", 261: "21 год 9 месяцев"},
    "zh_CN": {34: "2年10个月", 13: "1年1个月", 6: "6个月"},
    "ja": {34: "2年10か月", 13: "1年1か月", 24: "2年"},
    "ko": {34: "2년 10개월", 13: "1년 1개월", 5: "5개월"},
}


@pytest.mark.parametrize("language", sorted(DURATIONS))
def test_durations_read_as_the_language_writes_them(language: str) -> None:
    forms = translation(language)
    expected = DURATIONS[language]
    got = {m: format_months(m, forms.ngettext, forms.gettext) for m in expected}
    assert got == expected


def test_the_guide_shows_the_completeness_of_every_catalog() -> None:
    guide = (REPO / "guide" / "languages.md").read_text(encoding="utf8")
    assert I18N.table() in guide


def test_english_dates_and_durations_keep_their_form() -> None:
    assert Date(2024, 6).display() == Date(2024, 6).display("en") == "Jun 2024"
    assert Date(2023, 11, 23).display("en_GB") == "23 Nov 2023"
    assert format_months(34) == "2 yrs 10 mos"
    assert parse_period("2024-06 - 2024-11").duration(Date(2024, 9, 1)) == "6 mos"


def test_a_translated_metric_may_use_a_decimal_comma() -> None:
    metric = parse_metric("Spitzendurchsatz: ~30 Mbit/s -> 1,3 Gbit/s")
    assert metric.after == "1,3 Gbit/s"
    assert metric.factor == pytest.approx(1300 / 30)
    with pytest.raises(ParseError):
        parse_metric("latency: 1,000 ms -> 10 ms")  # a thousands separator stays refused


@pytest.mark.parametrize(
    ("locale", "month", "day"),
    [
        ("de", "Juni 2024", "23. Nov. 2023"),
        ("fr", "juin 2024", "23 nov. 2023"),
        ("ja", "2024年6月", "2023年11月23日"),
    ],
)
def test_dates_in_other_languages_come_from_cldr(locale: str, month: str, day: str) -> None:
    assert Date(2024, 6).display(locale) == month
    assert Date(2023, 11, 23).display(locale) == day


def german(app: SphinxTestApp, name: str) -> str:
    return (app.outdir / name).read_text(encoding="utf8")


@pytest.mark.sphinx("html", testroot="basic", confoverrides={"language": "de"}, freshenv=True)
def test_german_build_writes_german_labels_dates_and_plurals(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    jobs = german(app, "jobs.html")
    assert '<html lang="de"' in jobs
    assert '<time datetime="2024-06">Juni 2024</time>' in jobs
    assert "6 Monate" in jobs and "6 mos" not in jobs
    assert "2 Jahre 10 Monate" in jobs
    assert "heute" in jobs and "Present" not in jobs
    assert "Schlagwörter: " in jobs and "Tags: " not in jobs
    assert "Verwiesen von" in jobs and "Referenced from" not in jobs
    talks = german(app, "talks.html")
    assert "Gehalten als " in talks and "Given as" not in talks


@pytest.mark.sphinx("text", testroot="basic", confoverrides={"language": "it"}, freshenv=True)
def test_italian_gets_italian_month_names_without_an_italian_catalog(app: SphinxTestApp) -> None:
    assert not (I18N.LOCALE / "it").exists()
    app.build()
    jobs = (app.outdir / "jobs.txt").read_text(encoding="utf8")
    assert "giu 2024 – nov 2024" in jobs
    assert "6 mos" in jobs  # the labels fall back to English until someone translates them


# --- the records carry the page's translation ---------------------------------------------------


def json_ld(html: str) -> list[dict[str, object]]:
    """Every JSON-LD block of a page."""
    soup = BeautifulSoup(html, "html.parser")
    return [json.loads(s.string or "") for s in soup.select('script[type="application/ld+json"]')]


@pytest.mark.sphinx("html", testroot="i18n", confoverrides={"language": "de"}, freshenv=True)
def test_records_carry_the_translated_text_everywhere(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    resume = json.loads((app.outdir / "cv.json").read_text(encoding="utf8"))
    work = resume["work"][0]
    # option values (RST), translated at directive time
    assert (work["position"], work["location"]) == ("Softwareentwickler", "Fernarbeit")
    # the body, translated by Sphinx's Locale transform after the directive ran
    assert work["summary"] == "Baut schnelle Netze."
    assert work["highlights"][0] == "Machte das Relay doppelt so schnell."
    assert "Relay-Latenz: 100 ms → 50 ms" in work["highlights"][1]
    # MyST: a project's summary option and body, the person's label and body
    project = resume["projects"][0]
    assert project["description"] == "Ein Relay für Peer-to-Peer-Netze."
    assert project["highlights"] == ["In Rust geschrieben."]
    assert resume["basics"]["label"] == "Netzwerkingenieurin"
    assert resume["basics"]["summary"] == "Jane baut Netze."
    assert resume["languages"] == [{"language": "Deutsch", "fluency": "Muttersprache"}]
    index = (app.outdir / "index.html").read_text(encoding="utf8")
    (person,) = [n for g in json_ld(index) for n in g["@graph"] if n["@type"] == "Person"]
    assert person["jobTitle"] == "Netzwerkingenieurin"
    assert person["description"] == "Jane baut Netze."
    assert person["worksFor"][0]["roleName"] == "Softwareentwickler"
    # the overview and the search index are built from the same records
    assert "Softwareentwickler" in index and "Software engineer" not in index
    search = (app.outdir / "search.html").read_text(encoding="utf8")
    assert '"title": "Softwareentwickler, Example Corp"' in search
    assert '"label": "Stelle"' in search and '"text": "baut schnelle netze.' in search
    relay = (app.outdir / "projects" / "relay.html").read_text(encoding="utf8")
    assert "Ein Relay für Peer-to-Peer-Netze." in relay
    # ids stay those of the source language: references work in every language
    assert 'id="example-corp"' in (app.outdir / "jobs.html").read_text(encoding="utf8")


@pytest.mark.sphinx("gettext", testroot="i18n", freshenv=True)
def test_gettext_extracts_option_values_with_their_place(app: SphinxTestApp) -> None:
    app.build()
    jobs = (app.outdir / "jobs.pot").read_text(encoding="utf8")
    for message in ("Software engineer", "Remote", "relay latency: 100 ms -> 50 ms"):
        assert f'msgid "{message}"' in jobs
    assert "jobs.rst:4" in jobs  # the timeline directive's line
    relay = (app.outdir / "projects" / "relay.pot").read_text(encoding="utf8")
    assert 'msgid "A relay for peer-to-peer networks."' in relay
    assert 'msgid "When"' not in relay  # cv_ext's own labels are its catalog's business


# man: cv_ext names a CV a section 7 (miscellaneous) page, not a command (section 1)
@pytest.mark.parametrize("builder", ["html", "latex", "text", "man", "texinfo"])
def test_the_extraction_nodes_render_nothing(
    make_app, rootdir: Path, tmp_path: Path, builder: str
) -> None:
    # a copy: the German build compiles the root's .po files into .mo files beside them
    src = source_copy(rootdir / "test-i18n", tmp_path)
    app: SphinxTestApp = make_app(builder, srcdir=src, builddir=tmp_path / "build")
    app.build()
    assert app.warning.getvalue() == ""
    text = "".join(
        path.read_text(encoding="utf8", errors="replace")
        for path in app.outdir.rglob("*")
        if path.is_file() and path.suffix in {".html", ".tex", ".txt", ".7", ".texi"}
    )
    assert "Software engineer" in text
    assert "cv_messages" not in text and "Remote, Remote" not in text


# --- a site in a non-Latin script ---------------------------------------------------------------


@pytest.mark.parametrize("builder", ["html", "dirhtml", "latex", "text", "man", "texinfo"])
def test_japanese_site_builds_clean(make_app, rootdir: Path, tmp_path: Path, builder: str) -> None:
    app: SphinxTestApp = make_app(builder, srcdir=rootdir / "test-ja", builddir=tmp_path)
    app.build()
    assert app.warning.getvalue() == ""


@pytest.mark.sphinx("html", testroot="ja", freshenv=True)
def test_japanese_ids_are_distinct_and_readable_dates_japanese(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    soup = BeautifulSoup((app.outdir / "jobs.html").read_text(encoding="utf8"), "html.parser")
    ids = [article["id"] for article in soup.select("article.cv-entry, article.cv-achievement")]
    # 東京電力, 大阪ガス and 遅延の削減 transliterated (anyascii): ASCII, distinct, readable
    assert ids == ["dongjingdianli-2024-06", "dabangasu-2021-03", "chiyannoxuejian"]
    times = [time.get_text() for time in soup.select("time")]
    assert {"2024年6月", "2024年11月", "2021年3月", "2023年11月23日"} <= set(times)
    # the role links the entry by its transliterated id
    assert soup.select_one('a[href="#dabangasu-2021-03"]') is not None


def test_a_changed_catalog_rebuilds_every_page(
    make_app, rootdir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """cv_ext's words are on every page: its compiled catalog is a dependency of each."""
    # a copy of the shipped catalogs: the test touches a file of its own, never the source tree
    locale = tmp_path / "locale"
    shutil.copytree(i18n.LOCALE_DIR, locale)
    monkeypatch.setattr(i18n, "LOCALE_DIR", locale)
    mo = locale / "de" / "LC_MESSAGES" / "cv_ext.mo"

    def build() -> SphinxTestApp:
        app: SphinxTestApp = make_app(
            "html",
            srcdir=source_copy(rootdir / "test-i18n", tmp_path),
            builddir=tmp_path / "build",
            confoverrides={"language": "de"},
        )
        app.build()
        return app

    build()
    assert "0 changed" in build()._status.getvalue()
    stat = mo.stat()
    os.utime(mo, ns=(stat.st_atime_ns, time.time_ns() + 10**10))  # newer than every page
    assert "3 changed" in build()._status.getvalue()


# --- every plural and case form of the German catalog, in the words it is shown with --------

#: (context, singular) -> (how the form is shown, {n: the German a reader must see})
GERMAN_FORMS: dict[tuple[str | None, str], tuple[str, dict[int, str]]] = {
    ("referenced from", "%(n)d achievement"): (
        "Referenced from {}",
        {1: "Verwiesen von 1 Erfolg", 2: "Verwiesen von 2 Erfolgen"},
    ),
    ("referenced from", "%(n)d project"): (
        "Referenced from {}",
        {1: "Verwiesen von 1 Projekt", 3: "Verwiesen von 3 Projekten"},
    ),
    ("referenced from", "%(n)d talk"): (
        "Referenced from {}",
        {1: "Verwiesen von 1 Vortrag", 3: "Verwiesen von 3 Vorträgen"},
    ),
    ("referenced from", "%(n)d role"): (
        "Referenced from {}",
        {1: "Verwiesen von 1 Rolle", 2: "Verwiesen von 2 Rollen"},
    ),
    ("referenced from", "%(n)d publication"): (
        "Referenced from {}",
        {1: "Verwiesen von 1 Publikation", 2: "Verwiesen von 2 Publikationen"},
    ),
    ("referenced from", "%(n)d page"): (
        "Referenced from {}",
        {1: "Verwiesen von 1 Seite", 2: "Verwiesen von 2 Seiten"},
    ),
    (None, "%(n)d yr"): ("%(duration)s in jobs", {1: "1 Jahr angestellt", 5: "5 Jahre angestellt"}),
    (None, "%(n)d mo"): (
        "%(duration)s contributing",
        {1: "1 Monat mitwirkend", 6: "6 Monate mitwirkend"},
    ),
    (None, "%(n)d day"): ("{}", {1: "1 Tag", 6: "6 Tage"}),
    (None, "%(n)d item"): ("{}", {1: "1 Eintrag", 13: "13 Einträge"}),
    (None, "All %(n)d item"): ("{}", {4: "Alle 4 Einträge", 13: "Alle 13 Einträge"}),
}


def german_catalog() -> gettext.GNUTranslations:
    path = REPO / "src" / "cv_ext" / "locale" / "de" / "LC_MESSAGES" / "cv_ext.mo"
    with path.open("rb") as handle:
        return gettext.GNUTranslations(handle)


def test_every_plural_of_the_german_catalog_is_checked_in_context() -> None:
    """ "Verwiesen von 2 Erfolge" must read "Erfolgen": a count takes the case of the
    words around it. Every plural message is listed here with those words."""
    po = I18N.read(REPO / "src" / "cv_ext" / "locale" / "de" / "LC_MESSAGES" / "cv_ext.po")
    plurals = {(m.context, m.id[0]) for m in po if m.id and m.pluralizable}
    assert plurals == set(GERMAN_FORMS)
    catalog = german_catalog()
    for (context, singular), (shown, expected) in GERMAN_FORMS.items():
        plural = next(m.id[1] for m in po if m.id and m.id[0] == singular and m.context == context)
        for n, text in expected.items():
            if context:
                form = catalog.npgettext(context, singular, plural, n) % {"n": n}
            else:
                form = catalog.ngettext(singular, plural, n) % {"n": n}
            if "%(duration)s" in shown:
                words = catalog.gettext(shown) % {"duration": form}
            else:
                around = catalog.gettext(shown.replace(" {}", "")) if shown != "{}" else ""
                words = f"{around} {form}".strip()
            assert words == text, (singular, n)
