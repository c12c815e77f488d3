"""The domain's record store without Sphinx, exactly: records noted, a page's records
forgotten (clear_doc), a parallel reader's records merged, duplicates warned once with the
earliest (page, line) kept, the pages whose declaration lost remembered through all of
these, to be read again when the winning page changes. Found by mutation testing
(scripts/mutation.py): the store's other tests read whole Sphinx projects, seconds per
mutant."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

import pytest
from logger_support import Warnings, watching

from cv_ext.core.dates import Date
from cv_ext.core.records import Achievement, Backlink, Entry, Item, Project, Publication, Talk
from cv_ext.reading import store as store_module
from cv_ext.reading.store import INITIAL_DATA, RecordStore, keep_earliest

if TYPE_CHECKING:
    from collections.abc import Iterator


class Store(RecordStore):
    """A store on its own, with the fresh data a build starts from."""

    def __init__(self) -> None:
        self.data = copy.deepcopy(INITIAL_DATA)


@pytest.fixture
def warnings() -> Iterator[Warnings]:
    # on the module's own logger: whatever Sphinx's logging set up in this process, it sees
    with watching(store_module.logger.logger) as seen:
        yield seen


def entry(key: str, docname: str, lineno: int, title: str = "Engineer") -> Entry:
    return Entry(key, title, "Org", None, docname=docname, lineno=lineno)


def link(docname: str, target: str, order: int = 0) -> Backlink:
    return Backlink("entry", target, docname, "sec", "", "", "Section", order)


# --- noting records ------------------------------------------------------------------------------


def test_a_noted_record_is_kept_by_type_and_id_with_its_page(warnings: Warnings) -> None:
    store = Store()
    job = entry("job", "work", 3)
    talk = Talk("talk", "Talk", Date(2020), docname="talks", lineno=7)
    item = Item("me", "person", "Me", docname="index", lineno=1)
    assert store.note("entry", job) is True
    assert store.note("talk", talk) is True
    assert store.note("item", item) is True
    assert store.entries == {"job": job}
    assert store.talks == {"talk": talk}
    assert store.items == {"me": item}
    assert store.table("entry") is store.data["entries"]
    assert store.data["declared"] == {
        "work": [("entry", "job")],
        "talks": [("talk", "talk")],
        "index": [("item", "me")],
    }
    assert warnings.seen == []


def test_the_same_record_noted_twice_is_no_duplicate(warnings: Warnings) -> None:
    store = Store()
    job = entry("job", "work", 3)
    assert store.note("entry", job) is True
    assert store.note("entry", job) is True
    assert store.entries == {"job": job}
    assert warnings.seen == []


def test_of_a_duplicate_id_the_earliest_page_then_line_wins_with_a_warning(
    warnings: Warnings,
) -> None:
    store = Store()
    later_page = entry("job", "b", 1, "First read")
    earlier_page = entry("job", "a", 9, "Read second")
    assert store.note("entry", later_page) is True
    # page "a" comes before page "b", whatever their lines: the new one wins
    assert store.note("entry", earlier_page) is True
    assert store.entries == {"job": earlier_page}
    # a later line of page "a" loses
    assert store.note("entry", entry("job", "a", 12, "Later line")) is False
    assert store.entries == {"job": earlier_page}
    # an earlier line of page "a" wins
    earliest = entry("job", "a", 2, "Earliest")
    assert store.note("entry", earliest) is True
    assert store.entries == {"job": earliest}
    message = "duplicate entry id 'job', first defined in {!r}, line {}"
    assert warnings.seen == [
        (message.format("a", 9), "cv", "duplicate", ("b", 1)),
        (message.format("a", 9), "cv", "duplicate", ("a", 12)),
        (message.format("a", 2), "cv", "duplicate", ("a", 9)),
    ]
    # every page that declared the id is indexed, so that clearing any of them finds it
    assert store.data["declared"] == {
        "b": [("entry", "job")],
        "a": [("entry", "job"), ("entry", "job"), ("entry", "job")],
    }


def test_ids_are_per_type(warnings: Warnings) -> None:
    store = Store()
    job = entry("libp2p", "work", 1)
    tool = Project("libp2p", "libp2p", None, docname="projects/libp2p", lineno=1)
    assert store.note("entry", job) is True
    assert store.note("project", tool) is True
    assert store.entries == {"libp2p": job}
    assert store.projects == {"libp2p": tool}
    assert warnings.seen == []


def test_keep_earliest_names_the_type_in_its_warning(warnings: Warnings) -> None:
    table: dict[str, Any] = {}
    first = Talk("t", "One", Date(2020), docname="a", lineno=1)
    second = Talk("t", "Two", Date(2021), docname="a", lineno=5)
    assert keep_earliest(table, "talk", first) is None  # nothing lost
    assert keep_earliest(table, "talk", second) is second
    assert table == {"t": first}
    assert warnings.seen == [
        ("duplicate talk id 't', first defined in 'a', line 1", "cv", "duplicate", ("a", 5))
    ]


# --- per page ------------------------------------------------------------------------------------


def test_aggregates_papers_and_backlinks_are_kept_per_page() -> None:
    store = Store()
    store.note_aggregate("index", "overview")
    store.note_aggregate("index", "projects")
    store.note_aggregate("index", "overview")  # once
    store.note_aggregate("skills", "skills")
    assert store.aggregates == {"index": ["overview", "projects"], "skills": ["skills"]}
    store.note_paper("cv", "")
    store.note_paper("cv", "net")  # the first paper of a page stays
    store.note_paper("for/net", "net")
    assert store.papers == {"cv": "", "for/net": "net"}
    links = [link("index", "job")]
    store.note_backlinks("index", links)
    store.note_backlinks("about", [])  # a page referencing nothing is not listed
    assert store.backlinks == {"index": links}


def test_the_skill_page_is_the_first_by_name_showing_the_skills() -> None:
    store = Store()
    assert store.skill_page is None
    store.note_aggregate("zeta", "skills")
    store.note_aggregate("alpha", "overview")
    store.note_aggregate("beta", "skills")
    assert store.skill_page == "beta"


def test_clearing_a_page_forgets_what_it_declared_and_nothing_else(warnings: Warnings) -> None:
    store = Store()
    kept = entry("shared", "a", 1)
    store.note("entry", kept)
    store.note("entry", entry("shared", "b", 1))  # a duplicate, which loses
    store.note("entry", entry("only-b", "b", 2))
    talk = Talk("talk", "Talk", Date(2020), docname="b", lineno=3)
    store.note("talk", talk)
    store.note("achievement", Achievement("win", "Win", None, docname="c", lineno=1))
    for page in ("a", "b"):
        store.note_aggregate(page, "overview")
        store.note_paper(page, "")
        store.note_backlinks(page, [link(page, "shared")])
    store.clear_doc("b")
    # the duplicate page "b" declared stays: it is page "a"'s record
    assert store.entries == {"shared": kept}
    assert store.talks == {}
    assert list(store.achievements) == ["win"]
    assert store.data["declared"] == {"a": [("entry", "shared")], "c": [("achievement", "win")]}
    assert store.aggregates == {"a": ["overview"]}
    assert store.papers == {"a": ""}
    assert store.backlinks == {"a": [link("a", "shared")]}
    store.clear_doc("a")
    assert store.entries == {}
    assert store.aggregates == {}
    assert store.papers == {}
    assert store.backlinks == {}
    store.clear_doc("never-read")  # nothing to forget
    assert list(store.achievements) == ["win"]
    assert len(warnings.seen) == 1


# --- merging a parallel reader's data ------------------------------------------------------------


def test_merge_takes_only_the_pages_the_worker_read(warnings: Warnings) -> None:
    main = Store()
    main.note("entry", entry("shared", "b", 4, "Main's"))
    main.note_aggregate("b", "overview")
    worker = Store()
    theirs = entry("shared", "a", 1, "Worker's")
    mine = entry("solo", "c", 2)
    pub = Publication("paper", "Paper", None, docname="c", lineno=5)
    worker.note("entry", theirs)
    worker.note("entry", mine)
    worker.note("publication", pub)
    worker.note("entry", entry("elsewhere", "z", 1))  # a page this worker did not read
    for page in ("a", "c", "z"):
        worker.note_aggregate(page, "projects")
        worker.note_paper(page, page)
        worker.note_backlinks(page, [link(page, "solo")])
    main.merge_domaindata({"a", "c"}, worker.data)
    # the earliest of the duplicate wins, whoever read it first
    assert main.entries == {"shared": theirs, "solo": mine}
    assert main.publications == {"paper": pub}
    assert main.data["declared"] == {
        "b": [("entry", "shared")],
        "a": [("entry", "shared")],
        "c": [("entry", "solo"), ("publication", "paper")],
    }
    assert main.aggregates == {"b": ["overview"], "a": ["projects"], "c": ["projects"]}
    assert main.papers == {"a": "a", "c": "c"}
    assert main.backlinks == {"a": [link("a", "solo")], "c": [link("c", "solo")]}
    assert warnings.seen == [
        ("duplicate entry id 'shared', first defined in 'a', line 1", "cv", "duplicate", ("b", 4))
    ]
    # merged records are forgotten with their page, like read ones
    main.clear_doc("a")
    assert main.entries == {"solo": mine}


def test_merge_replaces_a_pages_aggregates_by_the_workers() -> None:
    main = Store()
    main.note_aggregate("a", "overview")
    worker = Store()
    worker.note_aggregate("a", "skills")
    main.merge_domaindata({"a"}, worker.data)
    assert main.aggregates == {"a": ["skills"]}


# --- finding records -----------------------------------------------------------------------------


def test_get_finds_a_record_of_any_type_items_too() -> None:
    store = Store()
    job = entry("job", "work", 1)
    me = Item("me", "person", "Me")
    store.note("entry", job)
    store.note("item", me)
    assert store.get("entry", "job") is job
    assert store.get("item", "me") is me
    assert store.get("entry", "me") is None
    assert store.get("person", "me") is None  # not a type of record


def test_lookup_finds_linkable_records_by_role_aliases_allowed() -> None:
    store = Store()
    win = Achievement("win", "Win", None)
    tool = Project("tool", "Tool", None)
    paper = Publication("paper", "Paper", None)
    job = entry("job", "work", 1)
    for objtype, record in (
        ("achievement", win),
        ("project", tool),
        ("publication", paper),
        ("entry", job),
        ("item", Item("me", "person", "Me")),
    ):
        store.note(objtype, record)
    assert store.lookup("ach", "win") is win
    assert store.lookup("achievement", "win") is win
    assert store.lookup("proj", "tool") is tool
    assert store.lookup("pub", "paper") is paper
    assert store.lookup("entry", "job") is job
    assert store.lookup("entry", "win") is None
    assert store.lookup("item", "me") is None  # items have no role
    assert store.lookup("person", "me") is None


def test_replace_only_swaps_a_record_of_the_same_page() -> None:
    store = Store()
    job = entry("job", "work", 1)
    store.note("entry", job)
    retitled = entry("job", "work", 1, "Translated")
    store.replace("entry", retitled)
    assert store.entries == {"job": retitled}
    store.replace("entry", entry("job", "elsewhere", 1, "Other page"))
    assert store.entries == {"job": retitled}
    store.replace("entry", entry("new", "work", 2))  # never adds
    assert store.entries == {"job": retitled}


def test_declared_lists_every_record_by_page_then_line() -> None:
    store = Store()
    second = entry("second", "a", 20)
    first = entry("first", "a", 3)
    later = entry("later", "b", 1)
    for record in (later, second, first):
        store.note("entry", record)
    talk = Talk("t", "T", None, docname="x", lineno=1)
    store.note("talk", talk)
    win = Achievement("w", "W", None, docname="y", lineno=2)
    tool = Project("p", "P", None, docname="z", lineno=3)
    paper = Publication("pub", "Pub", None, docname="q", lineno=4)
    me = Item("me", "person", "Me", docname="index", lineno=5)
    store.note("achievement", win)
    store.note("project", tool)
    store.note("publication", paper)
    store.note("item", me)
    declared = store.declared()
    assert declared.entries == [first, second, later]
    assert declared.talks == [talk]
    assert declared.achievements == [win]
    assert declared.projects == [tool]
    assert declared.publications == [paper]
    assert declared.items == [me]


# --- the pages whose declaration lost, read again when the winner's page changes ---------------


def test_a_losing_declaration_on_another_page_is_remembered(warnings: Warnings) -> None:
    store = Store()
    store.note("entry", entry("job", "b", 4))
    # page "a" comes first: "b"'s record is displaced, and "b" remembered
    store.note("entry", entry("job", "a", 9))
    # a later page loses at once
    store.note("entry", entry("job", "c", 1))
    # so does a later line of the winner's own page: it is read again with the winner anyway
    store.note("entry", entry("job", "a", 12))
    # the same record noted twice is no duplicate; a talk of the same id is another object
    store.note("entry", entry("job", "a", 9))
    store.note("talk", Talk("job", "Talk", None, docname="d", lineno=1))
    assert store.outvoted == {"entry:job": ["b", "c"]}
    assert store.data["outvoted"] is store.outvoted
    # a page remembered twice (two losing declarations of one id) is listed once
    store.note("entry", entry("job", "c", 7))
    assert store.outvoted == {"entry:job": ["b", "c"]}
    assert len(warnings.seen) == 4


def test_the_losing_pages_are_those_to_read_again_when_the_winners_page_changes() -> None:
    store = Store()
    store.note("project", Project("mesh", "Mesh", None, docname="alpha", lineno=3))
    store.note("project", Project("mesh", "Mesh too", None, docname="beta", lineno=4))
    store.note("project", Project("mesh", "Mesh three", None, docname="delta", lineno=1))
    store.note("talk", Talk("relay", "Relay", None, docname="echo", lineno=2))
    store.note("talk", Talk("relay", "Relay too", None, docname="charlie", lineno=8))
    assert store.outvoted == {"project:mesh": ["beta", "delta"], "talk:relay": ["echo"]}
    assert store.outvoted_by({"alpha"}, store.get) == {"beta", "delta"}
    assert store.outvoted_by({"alpha", "beta"}, store.get) == {"delta"}  # "beta" is read anyway
    assert store.outvoted_by({"beta"}, store.get) == set()  # the winner did not change
    assert store.outvoted_by({"alpha", "charlie"}, store.get) == {"beta", "delta", "echo"}
    assert store.outvoted_by({"echo"}, store.get) == set()  # "echo" lost to "charlie"
    assert store.outvoted_by({"elsewhere"}, store.get) == set()
    assert store.outvoted_by(set(), store.get) == set()
    # a remembered id whose winner is gone: its losers are read again, one of them may win
    del store.projects["mesh"]
    assert store.outvoted_by(set(), store.get) == {"beta", "delta"}


def test_clearing_a_losing_page_forgets_it_clearing_the_winners_keeps_the_losers() -> None:
    store = Store()
    store.note("entry", entry("job", "a", 1))
    store.note("entry", entry("job", "b", 1))
    store.note("entry", entry("job", "c", 1))
    store.note("entry", entry("solo", "a", 2))
    store.note("entry", entry("solo", "c", 5))
    assert store.outvoted == {"entry:job": ["b", "c"], "entry:solo": ["c"]}
    # the winner's page is read again or gone: its losers stay, to be read again with it
    store.clear_doc("a")
    assert store.outvoted == {"entry:job": ["b", "c"], "entry:solo": ["c"]}
    assert store.outvoted_by({"a"}, store.get) == {"b", "c"}
    # a losing page read again, or gone, is forgotten everywhere; an id left without
    # losing pages is forgotten too
    store.clear_doc("c")
    assert store.outvoted == {"entry:job": ["b"]}
    store.clear_doc("b")
    assert store.outvoted == {}
    store.clear_doc("never-read")


def test_reading_a_losing_page_again_remembers_it_again() -> None:
    store = Store()
    store.note("entry", entry("job", "a", 1))
    store.note("entry", entry("job", "b", 1, "First"))
    store.clear_doc("b")
    store.note("entry", entry("job", "b", 1, "Edited"))
    assert store.outvoted == {"entry:job": ["b"]}
    # the winner's page no longer declares the id: read again, the loser takes it
    store.clear_doc("a")
    store.clear_doc("b")
    store.note("entry", entry("job", "b", 1, "Edited"))
    assert store.entries["job"].docname == "b"
    assert store.outvoted == {}


def test_merge_takes_the_losing_pages_a_worker_found_on_its_own_pages(
    warnings: Warnings,
) -> None:
    main = Store()
    main.note("entry", entry("job", "b", 4))
    main.note("entry", entry("kept", "x", 1))
    main.note("entry", entry("kept", "y", 1))
    # a worker reading "a" and "c": "c" loses to "a" there; "z" is none of its pages
    worker = Store()
    worker.note("entry", entry("job", "a", 1))
    worker.note("entry", entry("job", "c", 1))
    worker.note("entry", entry("other", "m", 1))
    worker.note("entry", entry("other", "z", 1))
    assert worker.outvoted == {"entry:job": ["c"], "entry:other": ["z"]}
    main.merge_domaindata({"a", "c", "m"}, worker.data)
    # "b", in the main store, loses to the worker's "a"; "c" is taken over; "z" is not
    assert main.entries["job"].docname == "a"
    assert main.outvoted == {"entry:job": ["b", "c"], "entry:kept": ["y"]}
    assert main.outvoted_by({"a"}, main.get) == {"b", "c"}
    assert len(warnings.seen) == 4


def test_merge_in_any_order_remembers_the_same_losing_pages() -> None:
    def worker(docname: str) -> Store:
        store = Store()
        store.note("entry", entry("job", docname, 1))
        return store

    first, second = Store(), Store()
    first.merge_domaindata({"a"}, worker("a").data)
    first.merge_domaindata({"b"}, worker("b").data)
    second.merge_domaindata({"b"}, worker("b").data)
    second.merge_domaindata({"a"}, worker("a").data)
    assert first.outvoted == second.outvoted == {"entry:job": ["b"]}
    assert first.entries == second.entries


def test_an_id_holding_a_colon_is_remembered_and_merged_whole() -> None:
    # "type:id" splits at the first colon: the type never holds one, an id may
    main, worker = Store(), Store()
    main.note("entry", entry("v1:beta", "a", 1))
    worker.note("entry", entry("v1:beta", "a", 1))
    worker.note("entry", entry("v1:beta", "b", 1))
    main.merge_domaindata({"b"}, worker.data)
    assert main.outvoted == {"entry:v1:beta": ["b"]}
    assert main.outvoted_by({"a"}, main.get) == {"b"}
    assert main.outvoted_by({"elsewhere"}, main.get) == set()
