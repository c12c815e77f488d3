"""The domain's old names without Sphinx: of two claims of one old id or old page in
``:aliases:``, the earliest (page, line) keeps it, and the page of the losing claim is
remembered through clear_doc and merge, to be read again when the winning page changes
or goes (an incremental build then equals a clean one). Found by mutation testing
(scripts/mutation.py, group ``store``)."""

from __future__ import annotations

import copy
import itertools
from typing import TYPE_CHECKING

import pytest
from logger_support import Warnings, watching

from cv_ext.core.records import Alias, Project
from cv_ext.reading import aliases as aliases_module
from cv_ext.reading.aliases import ALIAS_DATA, ALIAS_TABLES, AliasStore
from cv_ext.reading.store import INITIAL_DATA

if TYPE_CHECKING:
    from collections.abc import Iterator


class Store(AliasStore):
    """The domain's records and old names on their own, with the fresh data a build
    starts from."""

    def __init__(self) -> None:
        self.data = copy.deepcopy(INITIAL_DATA | ALIAS_DATA)


@pytest.fixture
def warnings() -> Iterator[Warnings]:
    # on the module's own logger: whatever Sphinx's logging set up in this process, it sees
    with watching(aliases_module.logger.logger) as seen:
        yield seen


def old_id(old: str, target: str, docname: str, lineno: int, objtype: str = "project") -> Alias:
    return Alias(objtype, old, target, docname, lineno)


#: an old id and an old page, as (table, old name)
OLD_NAMES = (("aliases", "hub"), ("moved", "old/hub"))


def read(*claims: tuple[str, str, str, int]) -> Store:
    """A store that noted *claims*: (table, old name, page, line), each by the project
    ``<page>-hub``, in that order."""
    store = Store()
    for table, old, page, lineno in claims:
        note = store.note_alias if table == "aliases" else store.note_moved
        note(old_id(old, f"{page}-hub", page, lineno))
    return store


def test_the_tables_claimed_are_the_old_ids_and_the_old_pages() -> None:
    assert ALIAS_TABLES == ("aliases", "moved")
    assert set(ALIAS_TABLES) <= set(ALIAS_DATA)


def test_an_old_id_names_the_object_that_claimed_it_first() -> None:
    store = Store()
    store.note_alias(old_id("hub", "b-hub", "b", 1))
    store.note_alias(old_id("hub", "a-hub", "a", 1))
    assert store.alias_of("project", "hub") == "a-hub"
    assert store.alias_of("talk", "hub") is None
    assert store.alias_of("project", "gone") is None


def test_a_losing_claim_on_another_page_is_remembered(warnings: Warnings) -> None:
    store = Store()
    store.note_alias(old_id("hub", "b-hub", "b", 4))
    # page "a" comes first: "b"'s claim is displaced, and "b" remembered
    store.note_alias(old_id("hub", "a-hub", "a", 9))
    # a later page loses at once
    store.note_alias(old_id("hub", "c-hub", "c", 1))
    # so does a later line of the winner's own page: it is read again with the winner anyway
    store.note_alias(old_id("hub", "a-other", "a", 12))
    # the same claim noted again is no conflict; a talk's old id of that name is another
    store.note_alias(old_id("hub", "a-hub", "a", 9))
    store.note_alias(old_id("hub", "d-talk", "d", 1, "talk"))
    # an old page, claimed twice
    store.note_moved(old_id("old/hub", "c-hub", "c", 1))
    store.note_moved(old_id("old/hub", "b-hub", "b", 4))
    assert store.aliases["project:hub"].target == "a-hub"
    assert store.moved["old/hub"].target == "b-hub"
    assert store.outvoted == {"aliases:project:hub": ["b", "c"], "moved:old/hub": ["c"]}
    # a page remembered twice (two losing claims of one name) is listed once
    store.note_alias(old_id("hub", "c-more", "c", 7))
    assert store.outvoted == {"aliases:project:hub": ["b", "c"], "moved:old/hub": ["c"]}
    assert [(subtype, where) for _, _, subtype, where in warnings.seen] == [
        ("duplicate", ("b", 4)),
        ("duplicate", ("c", 1)),
        ("duplicate", ("a", 12)),
        ("duplicate", ("c", 1)),
        ("duplicate", ("c", 7)),
    ]
    assert warnings.seen[0][0] == (
        "old project id 'hub' already names project 'a-hub' (in 'a', line 9); not project 'b-hub'"
    )
    assert warnings.seen[3][0] == (
        "old page 'old/hub' already names project 'b-hub' (in 'b', line 4); not project 'c-hub'"
    )


def test_the_losing_pages_are_read_again_when_the_winners_page_changes_or_goes() -> None:
    store = read(("aliases", "hub", "a", 3), ("aliases", "hub", "b", 4))
    store.note_moved(old_id("old/hub", "c-hub", "c", 2))
    store.note_moved(old_id("old/hub", "d-hub", "d", 1))
    # and a record of an id declared twice, in the same memory
    store.note("project", Project("mesh", "Mesh", None, docname="e", lineno=1))
    store.note("project", Project("mesh", "Mesh too", None, docname="f", lineno=1))
    assert store.holder("aliases", "project:hub") == old_id("hub", "a-hub", "a", 3)
    assert store.holder("moved", "old/hub") == old_id("old/hub", "c-hub", "c", 2)
    assert store.holder("project", "mesh") == store.projects["mesh"]
    assert store.holder("aliases", "project:gone") is None
    assert store.holder("moved", "project:hub") is None
    assert store.holder("project", "project:hub") is None
    assert store.outvoted_by({"a"}, store.holder) == {"b"}
    assert store.outvoted_by({"c"}, store.holder) == {"d"}
    assert store.outvoted_by({"e"}, store.holder) == {"f"}
    assert store.outvoted_by({"a", "b", "c"}, store.holder) == {"d"}  # "b" is read anyway
    assert store.outvoted_by({"b", "d", "f"}, store.holder) == set()  # no winner changed
    assert store.outvoted_by(set(), store.holder) == set()
    # the winner's page is gone: its losers stay, and are read again, one of them may win
    store.clear_doc("a")
    assert "project:hub" not in store.aliases
    assert store.outvoted == {
        "aliases:project:hub": ["b"],
        "moved:old/hub": ["d"],
        "project:mesh": ["f"],
    }
    assert store.outvoted_by(set(), store.holder) == {"b"}


def test_clearing_a_losing_page_forgets_it_and_reading_it_again_remembers_it() -> None:
    claims = [(table, old, page, 1) for page in "ab" for table, old in OLD_NAMES]
    store = read(*claims)
    store.clear_doc("b")
    assert store.outvoted == {}
    store.note_alias(old_id("hub", "b-hub", "b", 2))
    assert store.outvoted == {"aliases:project:hub": ["b"]}
    # the winner's page no longer claims the old id: read again, the loser takes it
    for page in "ab":
        store.clear_doc(page)
    store.note_alias(old_id("hub", "b-hub", "b", 2))
    assert store.aliases["project:hub"].docname == "b"
    assert store.moved == {}
    assert store.outvoted == {}
    store.clear_doc("never-read")


def test_merge_takes_the_losing_claims_a_worker_found_on_its_own_pages() -> None:
    main = read(("aliases", "hub", "b", 4), ("moved", "old/kept", "x", 1))
    # a worker reading "a" and "c": "c" loses to "a" there; "z" is none of its pages
    worker = read(
        ("aliases", "hub", "a", 1),
        ("aliases", "hub", "c", 1),
        ("moved", "old/kept", "y", 1),
        ("moved", "old/other", "m", 1),
        ("moved", "old/other", "z", 1),
    )
    assert worker.outvoted == {"aliases:project:hub": ["c"], "moved:old/other": ["z"]}
    main.merge_domaindata({"a", "c", "m", "y"}, worker.data)
    # "b", in the main store, loses to the worker's "a"; "c" is taken over, "z" is not;
    # the worker's "y" loses to the main store's "x"
    assert main.aliases["project:hub"].docname == "a"
    assert main.outvoted == {"aliases:project:hub": ["b", "c"], "moved:old/kept": ["y"]}
    assert main.outvoted_by({"a"}, main.holder) == {"b", "c"}
    assert main.outvoted_by({"x"}, main.holder) == {"y"}


def test_merge_in_any_order_remembers_the_same_losing_claims() -> None:
    workers = {page: read(*((table, old, page, 1) for table, old in OLD_NAMES)) for page in "abc"}
    found = []
    for order in itertools.permutations("abc"):
        main = Store()
        for page in order:
            main.merge_domaindata({page}, workers[page].data)
        found.append((main.outvoted, main.aliases, main.moved))
    assert found[0][0] == {"aliases:project:hub": ["b", "c"], "moved:old/hub": ["b", "c"]}
    assert all(each == found[0] for each in found)


def test_an_old_id_holding_a_colon_is_remembered_and_found_whole() -> None:
    # "table:key" splits at the first colon: the table never holds one, the key does
    store = read(("aliases", "v1:hub", "a", 1), ("aliases", "v1:hub", "b", 1))
    assert store.outvoted == {"aliases:project:v1:hub": ["b"]}
    assert store.outvoted_by({"a"}, store.holder) == {"b"}
    assert store.outvoted_by({"elsewhere"}, store.holder) == set()
