/* cv_ext: CV objects in Sphinx's search, found by title, tags and text.
   Sphinx matches object names only; this adds every CV object (data from the page's
   #cv-search-data) to its results, with a label and a summary, and lets a project
   stand for its own page. Without this script the page search still works. */
// Sphinx's translations.js compiles "(n != 1)" into a PLURAL_EXPR that returns a boolean,
// and ngettext indexes the (singular, plural) pair with it: undefined, so the summary of a
// search in German (any language with two plural forms) throws and never appears. Index
// with a number, and fall back to English where the catalog's entry is empty.
if (typeof Documentation !== "undefined" && Documentation.ngettext) {
  Documentation.ngettext = (singular, plural, n) => {
    const pair = Documentation.TRANSLATIONS[singular];
    const form = Array.isArray(pair) ? pair[Number(Documentation.PLURAL_EXPR(n))] : pair;
    return form || (n === 1 ? singular : plural);
  };
}

(() => {
  const data = document.getElementById("cv-search-data");
  if (!data || typeof Search === "undefined" || !Search._performSearch) return;
  const objects = JSON.parse(data.textContent);
  const native = Search._performSearch;

  const score = (object, terms, query) => {
    const title = object.title.toLowerCase();
    const haystack = `${title} ${object.tags.join(" ")} ${object.text}`;
    if (terms.some((term) => !haystack.includes(term))) return 0;
    let best = 0;
    if (title === query) best = 12;
    else if (title.includes(query)) best = 10;
    else if (object.tags.some((tag) => tag === query || tag.replaceAll("-", " ") === query))
      best = 8;
    else if (terms.every((term) => title.includes(term))) best = 9;
    else if (object.text.includes(query)) best = 3;
    else best = 1;
    return best + object.weight;
  };

  Search._performSearch = (query, searchTerms, excludedTerms, highlightTerms, objectTerms) => {
    const results = native(query, searchTerms, excludedTerms, highlightTerms, objectTerms);
    const queryLower = query.toLowerCase().trim().replace(/\s+/g, " ");
    const terms = [...objectTerms];
    const found = [];
    for (const object of objects) {
      const points = score(object, terms, queryLower);
      if (points > 0) found.push([object, points]);
    }
    // a project is its page: its result replaces the page's, keeping the better score
    const pages = new Set(found.filter(([o]) => o.page).map(([o]) => o.docname));
    const kept = results.filter((r) => !(pages.has(r[0]) && r[2] === ""));
    for (const [object, points] of found) {
      const page = results.find((r) => r[0] === object.docname && r[2] === "");
      const best = object.page && page ? Math.max(points, page[4]) : points;
      const descr = object.summary ? `${object.label}: ${object.summary}` : object.label;
      const anchor = object.anchor ? `#${object.anchor}` : "";
      kept.push([object.docname, object.title, anchor, descr, best, "", "object"]);
    }
    // Sphinx shows the list from its end: ascending order puts the best first
    kept.sort(_orderResultsByScoreThenName);
    return kept;
  };
})();
