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
        # beside the schema's fields, as many resumes write them: the entry's tags
        "keywords": "tags",
    },
    "volunteer": {
        "organization": "text",
        "position": "text",
        "url": "url",
        "startDate": "start",
        "endDate": "end",
        "summary": "paragraphs",
        "highlights": "lines",
        "keywords": "tags",
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
        "keywords": "tags",
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
#: the fields that name an item of the section: without any, the item is written
#: ``:untitled:``, and a text given in place of the item becomes the first one
TITLES: dict[str, tuple[str, ...]] = {
    "work": ("position", "name"),
    "volunteer": ("position", "organization"),
    "education": ("institution", "area", "studyType"),
    "awards": ("title",),
    "certificates": ("name",),
    "publications": ("name",),
    "skills": ("name",),
    "languages": ("language",),
    "interests": ("name",),
    "references": ("name",),
    "projects": ("name",),
}
#: where an item keeps what the site cannot show: the export writes it back as it is.
#: Never a key of the input: the input's fields go into it, never beside it.
EXTRA = "x-cv-extra"
BASICS = {
    "name": "text",
    "label": "text",
    "image": "image",
    "email": "email",
    "phone": "text",
    "url": "url",
    "summary": "paragraphs",
}
LOCATION = ("address", "postalCode", "city", "countryCode", "region")
PROFILE = {"network": "text", "username": "text", "url": "url"}
