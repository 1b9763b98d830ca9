// newssearch page: the search view (/) and the article view (/articles/{id}), one module, no
// dependencies. Article text only ever reaches the DOM through textContent; the server's snippets
// (HTML-escaped, <mark> the only markup) and suggestions (<b>) go through allowMarkup(), which keeps
// text and that one tag and turns anything else into text.

const PAGE_SIZE = 10;
const MAX_RESULTS = 10000; // the API's page × size limit
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi', 'dv', 'ckb']);
const FACETS = [
  { key: 'lang', facet: 'language', label: 'Language' },
  { key: 'source', facet: 'source', label: 'Source' },
  { key: 'tag', facet: 'tags', label: 'Tag' },
  // Named entities found at index time: people, organisations, places.
  { key: 'person', facet: 'person', label: 'Person' },
  { key: 'org', facet: 'org', label: 'Organisation' },
  { key: 'place', facet: 'place', label: 'Place' },
];
const languageNames = makeLanguageNames();

// ---------- small helpers ----------

const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') e.textContent = v;
    else if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    // Through the CSSOM: the Content-Security-Policy refuses style attributes.
    else if (k === 'style') for (const [p, val] of Object.entries(v)) e.style.setProperty(p, val);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

/** Server HTML where only one tag is markup: rebuilt node by node, everything else becomes text. */
function allowMarkup(html, tagName) {
  const template = document.createElement('template');
  template.innerHTML = html || ''; // inert: template content never runs scripts or loads images
  const out = document.createDocumentFragment();
  const copy = (from, to) => {
    for (const n of from.childNodes) {
      if (n.nodeType === Node.ELEMENT_NODE && n.tagName === tagName) {
        const m = document.createElement(tagName);
        copy(n, m);
        to.append(m);
      } else {
        to.append(document.createTextNode(n.textContent));
      }
    }
  };
  copy(template.content, out);
  return out;
}

function dirFor(language) {
  return RTL_LANGUAGES.has((language || '').toLowerCase()) ? 'rtl' : 'auto';
}

function makeLanguageNames() {
  try {
    const names = new Intl.DisplayNames(['en'], { type: 'language' });
    return (code) => {
      try {
        const name = names.of(code);
        return name && name !== code ? name : code;
      } catch {
        return code;
      }
    };
  } catch {
    return (code) => code;
  }
}

const absoluteDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const fullDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' });
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** A <time>: relative ("3 days ago") within a month of now, the date otherwise. */
function timeElement(iso) {
  if (!iso) return el('span', { class: 'undated', text: 'undated' });
  const d = new Date(iso);
  const ageSeconds = (Date.now() - d.getTime()) / 1000;
  let text;
  if (ageSeconds >= 0 && ageSeconds < 30 * 86400) {
    if (ageSeconds < 3600) text = relative.format(-Math.max(1, Math.round(ageSeconds / 60)), 'minute');
    else if (ageSeconds < 86400) text = relative.format(-Math.round(ageSeconds / 3600), 'hour');
    else text = relative.format(-Math.round(ageSeconds / 86400), 'day');
  } else {
    text = absoluteDate.format(d);
  }
  // dir=ltr isolates the date, so in a right-to-left line "15 Jan 2026" is not reordered.
  return el('time', { datetime: iso, dir: 'ltr', title: fullDate.format(d) + ' UTC', text });
}

function plural(n, one, many) {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

async function getJson(url, signal) {
  const response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  return { status: response.status, ok: response.ok, body };
}

function errorMessage(reply) {
  // Plain text that may quote what was typed ("<EOF>", "<b>"): it is only ever set as text.
  const message = reply.body?.error?.message;
  if (!message) return `The service answered ${reply.status}.`;
  return message;
}

// ---------- URL state ----------

/** The whole search state; the URL is its only store, so bookmarks and Back just work. */
function readState(search = location.search) {
  const p = new URLSearchParams(search);
  const page = parseInt(p.get('page') || '1', 10);
  return {
    q: p.get('q') || '',
    lang: p.getAll('lang'),
    source: p.getAll('source'),
    tag: p.getAll('tag'),
    person: p.getAll('person'),
    org: p.getAll('org'),
    place: p.getAll('place'),
    from: p.get('from') || '',
    to: p.get('to') || '',
    sort: ['date', 'recency'].includes(p.get('sort')) ? p.get('sort') : 'relevance',
    page: Number.isFinite(page) && page > 0 ? page : 1,
    plain: p.get('plain') === '1',
    // dates=off: a date said in the query ("last week") is searched as words, not read as a filter.
    dates: p.get('dates') === 'off' ? 'off' : 'on',
  };
}

function toQuery(s) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const key of ['lang', 'source', 'tag', 'person', 'org', 'place']) for (const v of s[key]) p.append(key, v);
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.sort !== 'relevance') p.set('sort', s.sort);
  if (s.page > 1) p.set('page', String(s.page));
  if (s.plain) p.set('plain', '1');
  if (s.dates === 'off') p.set('dates', 'off');
  return p.toString();
}

const searchUrl = (s) => '/' + (toQuery(s) ? '?' + toQuery(s) : '');

// ---------- search view ----------

function searchView() {
  let state = readState();
  let inFlight = null;
  let lastBuckets = [];
  /** The date phrase the server read out of the query, shown as a removable chip. */
  let interpreted = null;

  /** Changes the state: a new history entry, then the search. */
  function go(change, { resetPage = true } = {}) {
    state = { ...state, ...change };
    if (resetPage && !('page' in change)) state.page = 1;
    history.pushState(null, '', searchUrl(state));
    run();
  }

  async function run() {
    $('q').value = state.q;
    $('sort').value = state.sort;
    sessionStorage.setItem('newssearch.lastSearch', searchUrl(state));
    document.title = state.q ? `${state.q} · newssearch` : 'newssearch';
    // This search as a feed (newest first, so without page and sort) for a feed reader to follow.
    const feedQuery = toQuery({ ...state, plain: false, page: 1, sort: 'relevance' });
    const feed = '/feeds/search.atom' + (feedQuery ? '?' + feedQuery : '');
    $('feed-link').href = feed;
    $('feed-alternate').href = feed;
    if (inFlight) inFlight.abort();
    inFlight = new AbortController();
    const params = new URLSearchParams(toQuery({ ...state, plain: false, page: 1 }));
    if (state.page > 1) params.set('page', String(state.page));
    params.set('size', String(PAGE_SIZE));
    // Always strict: a well-formed query means the same either way, and a malformed one is better
    // shown as the server's message than silently searched as other words. "Search as plain
    // words" (plain=1 in the URL) is the one-click way out.
    params.set('strict', state.plain ? 'false' : 'true');
    // Ten explanations are cheap next to the search; each hit offers "Why this rank" folded.
    params.set('explain', 'true');
    document.body.classList.add('busy');
    let reply;
    try {
      reply = await getJson('/api/search?' + params, inFlight.signal);
      // Strict searches a quoted phrase only as typed. A well-formed query whose phrase no article
      // holds is asked again leniently, which searches the phrase's words and says so (relaxed).
      if (reply.ok && reply.body.total === 0 && !state.plain && state.q.includes('"')) {
        params.set('strict', 'false');
        const words = await getJson('/api/search?' + params, inFlight.signal);
        if (words.ok && words.body.relaxed) reply = words;
      }
    } catch (e) {
      if (e.name === 'AbortError') return;
      reply = { status: 0, ok: false, body: { error: { message: 'The search service is not answering. Check the connection and try again.' } } };
    }
    document.body.classList.remove('busy');
    if (!reply.ok) {
      renderError(reply);
      return;
    }
    renderResults(reply.body);
  }

  /** Counts finished renders: tests (and anyone curious) can wait for the next one. */
  function rendered() {
    document.body.dataset.renders = String(Number(document.body.dataset.renders || 0) + 1);
  }

  function renderError(reply) {
    document.body.classList.add('failed');
    const box = $('query-error');
    box.replaceChildren(el('strong', { text: reply.status === 400 ? 'Cannot search: ' : 'Error: ' }),
      el('span', { class: 'message', dir: 'auto', text: errorMessage(reply) }));
    if (reply.body?.error?.code === 'query_syntax') {
      box.append(' ', el('a', { href: searchUrl({ ...state, plain: true, page: 1 }), class: 'plain-link',
        onclick: (e) => { e.preventDefault(); go({ plain: true }); }, text: 'Search these as plain words' }));
    }
    box.hidden = false;
    interpreted = null;
    $('q').setAttribute('aria-invalid', 'true');
    $('summary').textContent = '';
    $('hits').replaceChildren();
    $('pager').replaceChildren();
    $('did-you-mean').hidden = true;
    $('relaxed').hidden = true;
    // The sidebar would otherwise show the previous search's counts as if they were for this one.
    for (const f of FACETS) $('facet-' + f.facet).replaceChildren();
    $('histogram').replaceChildren();
    const empty = $('empty');
    empty.replaceChildren(el('h2', { text: 'No results: the search could not run' }),
      el('p', { text: 'Correct the query in the box above, or search its words as plain text.' }));
    empty.hidden = false;
    renderActiveFilters();
    rendered();
  }

  function renderResults(r) {
    document.body.classList.remove('failed');
    // Nothing matched and no filter to undo: the sidebar would only list "none"s.
    document.body.classList.toggle('nothing', r.total === 0 && activeFilters().length === 0);
    $('query-error').hidden = true;
    $('q').removeAttribute('aria-invalid');
    const pages = Math.max(1, Math.ceil(Math.min(r.total, MAX_RESULTS) / PAGE_SIZE));
    $('summary').replaceChildren(
      el('strong', { text: (r.total_relation === 'approx' ? 'About ' : '') + plural(r.total, 'result', 'results') }),
      ` in ${r.took_ms} ms`,
      pages > 1 ? ` · page ${state.page} of ${pages}` : '');
    renderDidYouMean(r.suggestion);
    renderRelaxed(r.relaxed);
    interpreted = r.interpreted || null;
    renderActiveFilters();
    $('hits').replaceChildren(...r.hits.map(renderHit));
    renderEmpty(r.total === 0 || r.hits.length === 0, r.total);
    renderPager(pages);
    for (const f of FACETS) renderFacet(f, r.facets?.[f.facet] || []);
    renderHistogram(r.facets?.date);
    rendered();
  }

  function renderHit(h) {
    const dir = dirFor(h.language);
    const title = el('a', { href: '/articles/' + encodeURIComponent(h.id), class: 'hit-link' });
    title.append(allowMarkup(h.highlight?.title || escapeText(h.title), 'MARK'));
    const snippet = el('p', { class: 'snippet', dir });
    snippet.append(allowMarkup(h.highlight?.body || '', 'MARK'));
    const meta = el('p', { class: 'meta' },
      h.source ? el('span', { class: 'source', dir: 'auto', text: h.source }) : null,
      timeElement(h.published),
      h.language ? el('span', { class: 'lang', dir: 'ltr', title: languageNames(h.language), text: h.language }) : null);
    const tags = el('ul', { class: 'chips tags', 'aria-label': 'Tags' },
      ...(h.tags || []).map((t) => el('li', {}, el('button', {
        type: 'button', class: 'chip tag' + (state.tag.includes(t) ? ' on' : ''), dir: 'auto',
        'aria-pressed': state.tag.includes(t) ? 'true' : 'false',
        title: `Filter by tag ${t}`, text: t,
        onclick: () => { if (!state.tag.includes(t)) go({ tag: [...state.tag, t] }); },
      }))));
    return el('li', { class: 'hit', dir, lang: h.language || null, 'data-id': h.id },
      el('h3', { class: 'hit-title', dir }, title), meta, snippet, tags, renderSources(h), renderWhy(h));
  }

  /** The score's parts (title, body, proximity, recency...), folded under "Why this rank". */
  function renderWhy(h) {
    if (!h.explanation) return null;
    return el('details', { class: 'why', dir: 'ltr' }, el('summary', { text: 'Why this rank' }),
      el('ul', {}, ...h.explanation.parts.map((p) => el('li', {},
        el('strong', { text: `${p.name} ${p.value >= 0 ? '+' : '−'}${Math.abs(p.value).toFixed(2)}` }), ` ${p.detail}`))),
      el('p', { class: 'why-sum', text: h.explanation.summary }));
  }

  /** "Also reported by" the story's other versions (collapse=story), each a link to its article. */
  function renderSources(h) {
    if (!h.sources_count) return null;
    const links = h.sources.map((v) => el('li', {}, el('a', { href: '/articles/' + encodeURIComponent(v.id),
      dir: 'auto', text: v.source || v.id })));
    return el('div', { class: 'sources' },
      el('span', { text: `Also reported by ${plural(h.sources_count, 'other source', 'other sources')}: ` }),
      el('ul', { class: 'source-list' }, ...links));
  }

  function escapeText(s) {
    const d = document.createElement('div');
    d.textContent = s || '';
    return d.innerHTML;
  }

  function renderDidYouMean(suggestion) {
    const box = $('did-you-mean');
    if (!suggestion || suggestion === state.q) {
      box.hidden = true;
      return;
    }
    box.replaceChildren('Did you mean ', el('a', {
      href: searchUrl({ ...state, q: suggestion, page: 1 }), dir: 'auto', text: suggestion,
      onclick: (e) => { e.preventDefault(); go({ q: suggestion }); },
    }), '?');
    box.hidden = false;
  }

  /** Says which quoted phrases no article holds, so these results are for their words. */
  function renderRelaxed(relaxed) {
    const box = $('relaxed');
    box.hidden = !relaxed;
    if (!relaxed) return;
    const phrases = relaxed.phrases.map((p) => `“${p}”`).join(', ');
    box.replaceChildren(`No results for the exact phrase${relaxed.phrases.length > 1 ? 's' : ''} `,
      el('strong', { dir: 'auto', text: phrases }), '; showing results for the words.');
  }

  function activeFilters() {
    const out = [];
    for (const f of FACETS) {
      for (const v of state[f.key]) {
        out.push({ label: `${f.label}: ${f.key === 'lang' ? languageNames(v) : v}`,
          remove: { [f.key]: state[f.key].filter((x) => x !== v) } });
      }
    }
    if (state.from || state.to) {
      const range = state.from && state.to ? `${state.from} – ${state.to}`
        : state.from ? `from ${state.from}` : `until ${state.to}`;
      out.push({ label: `Date: ${range}`, remove: { from: '', to: '' } });
    }
    if (interpreted) {
      const day = (iso) => (iso ? iso.slice(0, 10) : '…');
      out.push({ label: `“${interpreted.text}”: ${day(interpreted.from)} – ${day(interpreted.to)}`,
        remove: { dates: 'off' }, kind: 'interpreted' });
    }
    return out;
  }

  function renderActiveFilters() {
    const filters = activeFilters();
    const chips = filters.map((f) => el('li', {}, el('button', {
      type: 'button', class: 'chip removable' + (f.kind ? ' ' + f.kind : ''), 'aria-label': `Remove filter ${f.label}`,
      title: f.kind === 'interpreted' ? 'Read from your query as a date; remove to search these words instead' : undefined,
      onclick: () => go(f.remove),
    }, el('span', { dir: 'auto', text: f.label }), el('span', { class: 'x', 'aria-hidden': 'true', text: '×' }))));
    if (filters.length > 1) {
      chips.push(el('li', {}, el('button', { type: 'button', class: 'chip clear', text: 'Clear all',
        onclick: () => go({ lang: [], source: [], tag: [], person: [], org: [], place: [], from: '', to: '', dates: interpreted ? 'off' : state.dates }) })));
    }
    $('active-filters').replaceChildren(...chips);
    $('filters-toggle').textContent = filters.length ? `Filters (${filters.length})` : 'Filters';
  }

  function renderEmpty(isEmpty, total) {
    const box = $('empty');
    box.hidden = !isEmpty;
    if (!isEmpty) return;
    const hasFilters = activeFilters().length > 0;
    box.replaceChildren(
      el('h2', { text: total === 0 ? 'No articles match' : 'No more results on this page' }),
      el('p', { dir: 'auto', text: state.q ? `Nothing was found for “${state.q}”.` : 'Nothing was found.' }),
      el('ul', {},
        el('li', { text: 'Check the spelling, or try fewer or more general words.' }),
        hasFilters ? el('li', {}, el('button', { type: 'button', class: 'linkish', text: 'Search without filters',
          onclick: () => go({ lang: [], source: [], tag: [], person: [], org: [], place: [], from: '', to: '' }) })) : null,
        state.page > 1 ? el('li', {}, el('a', { href: searchUrl({ ...state, page: 1 }), text: 'Back to the first page' })) : null));
  }

  function renderPager(pages) {
    const nav = $('pager');
    if (pages <= 1) {
      nav.replaceChildren();
      return;
    }
    const link = (page, text, attrs = {}) => el('a', {
      href: searchUrl({ ...state, page }), class: 'page', ...attrs, text,
      onclick: (e) => {
        e.preventDefault();
        go({ page });
        $('results').focus({ preventScroll: true });
        window.scrollTo(0, 0);
      },
    });
    const items = [];
    items.push(state.page > 1 ? link(state.page - 1, '‹ Prev', { rel: 'prev', class: 'page prev' })
      : el('span', { class: 'page prev disabled', 'aria-disabled': 'true', text: '‹ Prev' }));
    const first = Math.max(1, Math.min(state.page - 3, pages - 6));
    const last = Math.min(pages, first + 6);
    for (let p = first; p <= last; p++) {
      items.push(p === state.page ? el('span', { class: 'page current', 'aria-current': 'page', text: String(p) })
        : link(p, String(p), { 'aria-label': `Page ${p}` }));
    }
    items.push(state.page < pages ? link(state.page + 1, 'Next ›', { rel: 'next', class: 'page next' })
      : el('span', { class: 'page next disabled', 'aria-disabled': 'true', text: 'Next ›' }));
    nav.replaceChildren(...items);
  }

  function renderFacet(f, values) {
    const list = $('facet-' + f.facet);
    const shown = [...values];
    // A selected value the server did not list (e.g. no longer matching) stays removable.
    for (const v of state[f.key]) {
      if (!shown.some((x) => x.value === v)) shown.push({ value: v, count: 0, selected: true });
    }
    if (shown.length === 0) {
      list.replaceChildren(el('li', { class: 'none', text: 'none' }));
      return;
    }
    list.replaceChildren(...shown.map((v, i) => {
      const checked = state[f.key].includes(v.value);
      const id = `f-${f.key}-${i}`;
      const label = f.key === 'lang' ? `${languageNames(v.value)} (${v.value})` : v.value;
      return el('li', { class: checked ? 'on' : null },
        el('input', { type: 'checkbox', id, checked, 'data-value': v.value,
          onchange: () => go({ [f.key]: checked ? state[f.key].filter((x) => x !== v.value) : [...state[f.key], v.value] }) }),
        el('label', { for: id, title: `${label}: ${plural(v.count, 'article', 'articles')}` },
          el('span', { class: 'value', dir: 'auto', text: label }),
          el('span', { class: 'count', 'aria-label': plural(v.count, 'article', 'articles'), text: v.count.toLocaleString('en') })));
    }));
  }

  // ----- date histogram: bars as buttons; click one, or press and drag across several -----

  function renderHistogram(date) {
    const box = $('histogram');
    const buckets = date?.buckets || [];
    lastBuckets = buckets;
    if (buckets.length === 0) {
      box.replaceChildren(el('p', { class: 'none', text: 'No dated articles.' }));
      return;
    }
    const max = Math.max(1, ...buckets.map((b) => b.count));
    const bars = buckets.map((b, i) => {
      const inRange = state.from || state.to
        ? (!state.from || b.to.slice(0, 10) >= state.from) && (!state.to || b.from.slice(0, 10) <= state.to)
        : false;
      return el('button', {
        type: 'button', class: 'bar' + (inRange ? ' in-range' : '') + (b.count === 0 ? ' zero' : ''),
        'data-index': i, 'data-from': b.from.slice(0, 10), 'data-to': b.to.slice(0, 10),
        'aria-label': `${b.key}: ${plural(b.count, 'article', 'articles')}`, title: `${b.key}: ${b.count}`,
        style: { '--h': `${b.count === 0 ? 0 : Math.max(4, Math.round((b.count / max) * 100))}%` },
        onclick: (e) => { if (e.detail === 0) chooseRange(i, i); }, // keyboard: Enter/Space
      });
    });
    const chart = el('div', { class: 'bars' + (state.from || state.to ? ' has-range' : ''), role: 'group', 'aria-label': `Articles per ${date.interval}` }, ...bars);
    // One tab stop for the whole chart (roving tabindex); arrows move between bars, Enter picks one.
    const current = Math.max(0, bars.findIndex((b) => b.classList.contains('in-range')));
    bars.forEach((b, i) => b.setAttribute('tabindex', i === current ? '0' : '-1'));
    chart.addEventListener('keydown', (e) => {
      const i = Number(e.target.dataset?.index);
      const next = { ArrowLeft: i - 1, ArrowRight: i + 1, Home: 0, End: bars.length - 1 }[e.key];
      if (next === undefined || Number.isNaN(i)) return;
      e.preventDefault();
      const target = bars[Math.max(0, Math.min(bars.length - 1, next))];
      bars.forEach((b) => b.setAttribute('tabindex', b === target ? '0' : '-1'));
      target.focus();
    });
    const axis = el('div', { class: 'axis' }, el('span', { text: buckets[0].key }),
      el('span', { text: `per ${date.interval}` }), el('span', { text: buckets[buckets.length - 1].key }));
    box.replaceChildren(chart, axis);
    wireDrag(chart);
  }

  function wireDrag(chart) {
    let start = null;
    let end = null;
    const barAt = (e) => document.elementFromPoint(e.clientX, e.clientY)?.closest?.('.bar');
    const preview = () => {
      const [a, b] = [Math.min(start, end), Math.max(start, end)];
      for (const bar of chart.children) {
        const i = Number(bar.dataset.index);
        bar.classList.toggle('preview', i >= a && i <= b);
      }
    };
    chart.addEventListener('pointerdown', (e) => {
      const bar = e.target.closest('.bar');
      if (!bar || e.button !== 0) return;
      e.preventDefault();
      start = end = Number(bar.dataset.index);
      chart.setPointerCapture?.(e.pointerId);
      preview();
    });
    chart.addEventListener('pointermove', (e) => {
      if (start === null) return;
      const bar = barAt(e);
      if (bar && chart.contains(bar)) {
        end = Number(bar.dataset.index);
        preview();
      }
    });
    const finish = () => {
      if (start === null) return;
      const [a, b] = [Math.min(start, end), Math.max(start, end)];
      start = end = null;
      chooseRange(a, b);
    };
    chart.addEventListener('pointerup', finish);
    chart.addEventListener('pointercancel', () => { start = end = null; preview(); });
  }

  function chooseRange(a, b) {
    const from = lastBuckets[a].from.slice(0, 10);
    const to = lastBuckets[b].to.slice(0, 10); // bucket ends are inclusive; a bare date means the whole day
    if (from === state.from && to === state.to) return;
    go({ from, to });
  }

  // ----- suggestions: debounced, keyboard driven combobox (WAI-ARIA 1.2 pattern) -----

  function wireSuggestions() {
    const input = $('q');
    const list = $('suggestions');
    let timer = null;
    let controller = null;
    let items = [];
    let active = -1;
    let available = true; // false once the server says the endpoint does not exist

    const close = () => {
      // Also drop a pending or in-flight request, so no list pops up after Enter was pressed.
      clearTimeout(timer);
      if (controller) controller.abort();
      list.hidden = true;
      list.replaceChildren();
      items = [];
      active = -1;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    };
    const highlight = (i) => {
      active = i;
      [...list.children].forEach((li, j) => li.setAttribute('aria-selected', j === i ? 'true' : 'false'));
      if (i >= 0) input.setAttribute('aria-activedescendant', list.children[i].id);
      else input.removeAttribute('aria-activedescendant');
    };
    const choose = (s) => {
      close();
      if (s.kind === 'tag') {
        go({ q: '', tag: state.tag.includes(s.text) ? state.tag : [...state.tag, s.text] });
      } else {
        go({ q: s.text, plain: false });
      }
    };
    const fetchSuggestions = async (text) => {
      if (controller) controller.abort();
      controller = new AbortController();
      let reply;
      try {
        reply = await getJson('/api/suggest?' + new URLSearchParams({ q: text, size: '8' }), controller.signal);
      } catch {
        return; // aborted or offline: suggestions are a nicety, the search box still works
      }
      if (reply.status === 404) {
        available = false;
        return;
      }
      if (!reply.ok || input.value.trim() !== text || document.activeElement !== input) return;
      items = reply.body?.suggestions || [];
      if (items.length === 0) {
        close();
        return;
      }
      list.replaceChildren(...items.map((s, i) => {
        const li = el('li', { id: `suggestion-${i}`, role: 'option', 'aria-selected': 'false', class: 'suggestion', dir: 'auto' });
        li.append(el('span', { class: 'text' }, allowMarkup(s.highlighted || '', 'B')));
        if (s.kind === 'tag') li.append(el('span', { class: 'kind', text: 'tag' }));
        li.addEventListener('mousedown', (e) => e.preventDefault()); // keep focus in the box
        li.addEventListener('click', () => choose(s));
        return li;
      }));
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      active = -1;
    };

    input.addEventListener('input', () => {
      clearTimeout(timer);
      const text = input.value.trim();
      if (!available || text.length < 2) {
        close();
        return;
      }
      timer = setTimeout(() => fetchSuggestions(text), 150);
    });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' && items.length) {
        e.preventDefault();
        highlight((active + 1) % items.length);
      } else if (e.key === 'ArrowUp' && items.length) {
        e.preventDefault();
        highlight(active <= 0 ? items.length - 1 : active - 1);
      } else if (e.key === 'Enter' && active >= 0) {
        e.preventDefault();
        choose(items[active]);
      } else if (e.key === 'Escape') {
        if (!list.hidden) e.preventDefault();
        close();
      }
    });
    input.addEventListener('blur', () => setTimeout(close, 100));
    return close;
  }

  // ----- wiring -----

  const closeSuggestions = wireSuggestions();
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    closeSuggestions();
    go({ q: $('q').value.trim(), plain: false, dates: 'on' });
  });
  $('sort').addEventListener('change', () => go({ sort: $('sort').value }));
  $('filters-toggle').addEventListener('click', () => {
    const open = document.body.classList.toggle('filters-open');
    $('filters-toggle').setAttribute('aria-expanded', String(open));
  });
  window.addEventListener('popstate', () => {
    state = readState();
    run();
  });
  run();
}

// ---------- article view ----------

async function articleView() {
  try {
    await renderArticle();
  } finally {
    document.body.dataset.renders = '1';
  }
}

async function renderArticle() {
  const id = decodeURIComponent(location.pathname.replace(/^\/articles\//, ''));
  const main = $('article');
  const last = sessionStorage.getItem('newssearch.lastSearch');
  if (last && last.startsWith('/')) $('back').href = last;

  const reply = await getJson('/api/articles/' + encodeURIComponent(id)).catch(() => null);
  if (!reply || !reply.ok) {
    main.replaceChildren(el('h1', { text: reply?.status === 404 ? 'Article not found' : 'Cannot load the article' }),
      el('p', { class: 'error', text: reply ? errorMessage(reply) : 'The service is not answering.' }));
    $('related').replaceChildren();
    return;
  }
  const a = reply.body;
  document.title = `${a.title} · newssearch`;
  const dir = dirFor(a.language);
  const safeUrl = /^https?:\/\//i.test(a.url || '') ? a.url : null; // never a javascript: link
  main.setAttribute('dir', dir);
  if (a.language) main.setAttribute('lang', a.language);
  main.replaceChildren(
    el('h1', { dir, text: a.title }),
    el('p', { class: 'meta', dir: 'auto' },
      a.source ? el('span', { class: 'source', text: a.source }) : null,
      a.author ? el('span', { class: 'author', text: 'by ' + a.author }) : null,
      timeElement(a.published),
      a.language ? el('span', { class: 'lang', title: languageNames(a.language), text: languageNames(a.language) }) : null,
      safeUrl ? el('a', { href: safeUrl, rel: 'noopener noreferrer', class: 'original', text: 'Original ↗' }) : null),
    el('ul', { class: 'chips tags', 'aria-label': 'Tags' },
      ...(a.tags || []).map((t) => el('li', {}, el('a', { class: 'chip tag', dir: 'auto', href: searchUrl({ ...readState(''), tag: [t] }), text: t })))),
    el('div', { class: 'body', dir }, ...(a.body || '').split(/\n\s*\n|\n/).filter((p) => p.trim())
      .map((p) => el('p', { text: p.trim() }))));

  const related = await getJson(`/api/articles/${encodeURIComponent(id)}/related?size=5`).catch(() => null);
  const list = $('related');
  if (!related || !related.ok) {
    list.replaceChildren(el('li', { class: 'none', text: related?.status === 404
      ? 'Related stories are not available on this server.' : 'Related stories could not be loaded.' }));
    return;
  }
  const hits = related.body?.hits || [];
  if (hits.length === 0) {
    list.replaceChildren(el('li', { class: 'none', text: 'No related stories.' }));
    return;
  }
  list.replaceChildren(...hits.map((h) => el('li', { class: 'related-hit', dir: dirFor(h.language), lang: h.language || null },
    el('a', { href: '/articles/' + encodeURIComponent(h.id), text: h.title }),
    el('p', { class: 'meta' }, h.source ? el('span', { class: 'source', dir: 'auto', text: h.source }) : null,
      timeElement(h.published), h.language ? el('span', { class: 'lang', text: h.language }) : null))));
}

if (document.body.dataset.view === 'article') articleView();
else searchView();
