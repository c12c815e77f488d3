"""What cv_ext carries of JSON Resume: each section's fields and their kinds, old names, needs."""

from __future__ import annotations

#: pre-1.0 field names -> 1.0 ones, per section ("basics" is the object itself)
RENAMES: dict[str, dict[str, str]] = {
    "basics": {"website": "url", "picture": "image"},
    "work": {"company": "name", "website": "url"},
    "volunteer": {"website": "url"},
    "education": {"website": "url"},
    "awards": {"website": "url"},
    "publications": {"website": "url"},
    "certificates": {"website": "url"},
    "projects": {"website": "url"},
    "languages": {"name": "language", "level": "fluency"},
}

#: section -> field -> kind of value; the order is the schema's
SECTIONS: dict[str, dict[str, str]] = {
    "work": {
        "name": "text",
        "location": "text",
        "description": "text",
        "position": "text",
        "url": "url",
        "startDate": "start",
        "endDate": "end",
        "summary": "paragraphs",
        "highlights": "lines",
    },
    "volunteer": {
        "organization": "text",
        "position": "text",
        "url": "url",
        "startDate": "start",
        "endDate": "end",
        "summary": "paragraphs",
        "highlights": "lines",
    },
    "education": {
        "institution": "text",
        "url": "url",
        "area": "text",
        "studyType": "text",
        "startDate": "start",
        "endDate": "end",
        "score": "text",
        "courses": "lines",
    },
    "awards": {"title": "text", "date": "date", "awarder": "text", "summary": "paragraphs"},
    "certificates": {"name": "text", "date": "date", "url": "url", "issuer": "text"},
    "publications": {
        "name": "text",
        "publisher": "text",
        "releaseDate": "date",
        "url": "url",
        "summary": "paragraphs",
    },
    "skills": {"name": "text", "level": "text", "keywords": "words"},
    "languages": {"language": "text", "fluency": "text"},
    "interests": {"name": "text", "keywords": "words"},
    "references": {"name": "text", "reference": "paragraphs"},
    "projects": {
        "name": "text",
        "description": "text",
        "highlights": "lines",
        "keywords": "words",
        "startDate": "start",
        "endDate": "end",
        "url": "url",
        "roles": "words",
        "entity": "text",
        "type": "text",
    },
}
#: the field without which cv_ext cannot show an item of the section (any one of several)
REQUIRED: dict[str, str | tuple[str, ...]] = {
    "work": "name",
    # a volunteer role or a school may stand without an organisation (cv_ext's :org: is
    # optional there), as long as something names it
    "volunteer": ("organization", "position"),
    "education": ("institution", "area", "studyType"),
    "awards": "title",
    "certificates": "name",
    "publications": "name",
    "skills": "name",
    "languages": "language",
    "interests": "name",
    "references": "name",
    "projects": "name",
}
#: non-schema fields that cv_ext shows although the export has no place for them
#: where such a value travels to the page: never part of the exported document
SITE_TAGS = "x-cv-tags"
KEPT_ON_SITE = {("work", "keywords"), ("volunteer", "keywords"), ("education", "keywords")}
BASICS = {
    "name": "text",
    "label": "text",
    "image": "url",
    "email": "email",
    "phone": "text",
    "url": "url",
    "summary": "paragraphs",
}
LOCATION = ("address", "postalCode", "city", "countryCode", "region")
PROFILE = {"network": "text", "username": "text", "url": "url"}
