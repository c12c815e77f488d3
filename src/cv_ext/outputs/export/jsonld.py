"""schema.org JSON-LD: one connected graph, each page carrying the nodes it is about.

The person is one ``Person`` node with a stable ``@id``; jobs, schools and
volunteer roles hang off it as roles, projects name it as ``creator``,
``maintainer`` or ``contributor``, talks as ``performer`` and publications as an
``author``. Free of Sphinx:
URLs are given by the caller.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from cv_ext.core.records import Entry, Item, Project, Publication, Talk
from cv_ext.outputs.export.jsonresume import compact, spans

if TYPE_CHECKING:
    from collections.abc import Callable

    from cv_ext.core.records import Record

#: timeline kind -> (Person property, organisation type)
ROLE_PROPERTIES = {
    "work": ("worksFor", "Organization"),
    "education": ("alumniOf", "EducationalOrganization"),
    "volunteering": ("memberOf", "Organization"),
}


def script(graph: list[dict[str, Any]]) -> str:
    """A ``<script type="application/ld+json">`` that no value can break out of."""
    text = json.dumps(
        {"@context": "https://schema.org", "@graph": graph},
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    # "</script>" or "<!--" inside a string must not end or confuse the element
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'


def roles(entry: Entry) -> list[dict[str, Any]]:
    """An entry as schema.org roles around its organisation: one per span of its period,
    with the same startDate/endDate as the JSON Resume export. Without an organisation
    (a volunteer role the CV gives alone) the role names none."""
    prop, org_type = ROLE_PROPERTIES[entry.kind]
    org = {"@type": org_type, "name": entry.org, "url": entry.url} if entry.org else {}
    return [
        {
            "@type": "OrganizationRole" if prop == "worksFor" else "Role",
            "roleName": entry.title,
            **when,
            prop: org,
        }
        for when in spans(entry.period)
    ]


def person_node(
    person_id: str,
    person: Item | None,
    name: str,
    entries: list[Entry],
    languages: list[Item],
    image: str = "",
) -> dict[str, Any]:
    """The full ``Person``: who, where, languages and every role."""
    node: dict[str, Any] = {"@type": "Person", "@id": person_id, "name": name}
    if person is not None:
        profiles = [line.split("|")[-1].strip() for line in person.get("profiles").splitlines()]
        node |= {
            "jobTitle": person.get("label"),
            "description": person.summary,
            "url": person.get("url"),
            "email": person.get("email"),
            "telephone": person.get("phone"),
            "image": image,
            "sameAs": [url for url in profiles if url],
        }
        address = {
            key: person.get(name)
            for name, key in (
                ("address", "streetAddress"),
                ("postal-code", "postalCode"),
                ("city", "addressLocality"),
                ("region", "addressRegion"),
                ("country-code", "addressCountry"),
            )
            if person.get(name)
        }
        if address:
            node["address"] = {"@type": "PostalAddress", **address}
    # a contribution (work with ":employer: no") claims no employment: no role for it
    for kind, (prop, _) in ROLE_PROPERTIES.items():
        node[prop] = [
            role
            for entry in entries
            if entry.kind == kind and not entry.contribution
            for role in roles(entry)
        ]
    node["knowsLanguage"] = [{"@type": "Language", "name": item.title} for item in languages]
    return node


def object_node(
    record: Record, url: str, person_ref: dict[str, str], owner: str = ""
) -> dict[str, Any] | None:
    """The node of a project, talk or publication declared on a page; None for others.

    *owner* is the person's name: as an author of a publication, they are the Person node.
    """
    if isinstance(record, Project):
        related = record.relationships()
        # only a creator's start is the work's creation date
        start = record.period.start.iso() if record.period and "creator" in related else ""
        return {
            "@type": "SoftwareSourceCode" if "github.com/" in record.url else "CreativeWork",
            "@id": url,
            "name": record.title,
            "description": record.summary,
            "url": url,
            "sameAs": record.url,
            "dateCreated": start,
            # one entry per tag: a tag may hold a comma
            "keywords": list(record.tags),
            # schema.org's creator, maintainer and contributor, as the project's :roles: say
            **dict.fromkeys(related, person_ref),
        }
    if isinstance(record, Talk):
        return {
            "@type": "Event",
            "@id": url,
            "name": record.title,
            "startDate": record.date.iso() if record.date else "",
            "description": record.summary,
            "url": record.event_url or record.video,
            "superEvent": {"@type": "Event", "name": record.event, "url": record.event_url},
            "performer": person_ref,
            "recordedIn": {"@type": "VideoObject", "url": record.video} if record.video else {},
        }
    if isinstance(record, Publication):
        return publication_node(record, url, person_ref, owner)
    return None


def publication_node(
    publication: Publication, url: str, person_ref: dict[str, str], owner: str
) -> dict[str, Any]:
    """A ``ScholarlyArticle``: its authors in order, the owner as the Person's ``@id``."""
    authors = [
        person_ref if name.casefold() == owner.casefold() else {"@type": "Person", "name": name}
        for name in publication.authors
    ]
    doi = (
        {"@type": "PropertyValue", "propertyID": "DOI", "value": publication.doi}
        if publication.doi
        else {}
    )
    return {
        "@type": "ScholarlyArticle",
        "@id": url,
        "name": publication.title,
        "headline": publication.title,
        "author": authors or person_ref,
        "datePublished": publication.date.iso() if publication.date else "",
        # the venue is where it was published, not who published it
        "publication": {"@type": "PublicationEvent", "name": publication.venue}
        if publication.venue
        else {},
        "identifier": doi,
        "sameAs": f"https://doi.org/{publication.doi}" if publication.doi else "",
        "url": publication.url,
        "keywords": ", ".join(publication.tags),
        "description": publication.summary,
    }


def page_graph(
    *,
    docname: str,
    person_id: str,
    person: Item | None,
    name: str,
    records: list[Record],
    entries: list[Entry],
    languages: list[Item],
    url_of: Callable[[Record], str],
    image: str = "",
) -> list[dict[str, Any]]:
    """The nodes page *docname* is about: the person on their page, else a reference to
    them, plus the projects and talks declared on the page, each linked to the person."""
    person_ref = {"@id": person_id}
    on_person_page = person is not None and person.docname == docname
    graph = [
        person_node(person_id, person, name, entries, languages, image)
        if on_person_page
        else {"@type": "Person", **person_ref, "name": name}
    ]
    nodes = (
        object_node(record, url_of(record), person_ref, name)
        for record in records
        if record.docname == docname
    )
    graph.extend(node for node in nodes if node is not None)
    return [dict(compact(node)) for node in graph]
