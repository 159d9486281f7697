/* storyline web page: a small hash-routed client of the JSON API.
   Views: stories (home, with SVG timelines), one story, events, one event
   (every report grouped by language), entities, one entity, search.
   Every piece of data enters the DOM as text nodes (never innerHTML), so
   nothing in an article can run as markup. */
'use strict';

const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi']);
const SCRIPTS = { Latn: 'Latin', Arab: 'Arabic', Cyrl: 'Cyrillic', Hani: 'Han', Hans: 'Han',
  Grek: 'Greek', Hebr: 'Hebrew', Zyyy: 'Other' };
let langNames = null;
try { langNames = new Intl.DisplayNames(['en'], { type: 'language' }); } catch (e) { langNames = null; }
const main = document.getElementById('main');

/* ---- DOM helpers ---- */
function h(tag, attrs, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v);
  }
  for (const kid of kids.flat()) {
    if (kid === null || kid === undefined || kid === false) continue;
    el.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return el;
}
const SVGNS = 'http://www.w3.org/2000/svg';
function s(tag, attrs, ...kids) {
  const el = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'text') el.textContent = v; else el.setAttribute(k, v);
  }
  for (const kid of kids.flat()) if (kid) el.append(kid);
  return el;
}
/* Text in its own language: lang attribute and direction. */
function ltext(tag, text, lang, attrs) {
  const a = Object.assign({}, attrs || {});
  if (lang) a.lang = lang;
  a.dir = lang && RTL.has(lang) ? 'rtl' : 'auto';
  a.text = text || '';
  return h(tag, a);
}
function badge(lang) {
  return h('span', { class: 'badge ' + lang, title: langName(lang), text: lang });
}
function langName(l) {
  try { return (langNames && langNames.of(l)) || l; } catch (e) { return l; }
}
function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

/* ---- dates ---- */
function parseDate(d) {
  if (!d) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(d);
  if (!m) return null;
  return Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1);
}
function fmtDate(d) {
  if (!d) return 'undated';
  const t = parseDate(d);
  if (t === null) return d;
  const opts = { timeZone: 'UTC', year: 'numeric' };
  if (d.length >= 7) opts.month = 'short';
  if (d.length >= 10) opts.day = 'numeric';
  return new Intl.DateTimeFormat('en-GB', opts).format(new Date(t));
}

/* ---- API ---- */
async function api(path) {
  const r = await fetch(path, { headers: { Accept: 'application/json' } });
  let body = null;
  try { body = await r.json(); } catch (e) { body = null; }
  if (!r.ok) throw new Error((body && body.error) || ('HTTP ' + r.status));
  return body;
}

/* ---- timeline (SVG) ---- */
function truncate(t, n) { t = t || ''; return t.length > n ? t.slice(0, n - 1) + '…' : t; }

/* events: [{id, title, date}] — positioned by date, undated at the end. */
function timeline(events, label) {
  const W = 1000, padL = 40, padR = 40;
  const dated = events.filter(e => parseDate(e.date) !== null)
    .sort((a, b) => parseDate(a.date) - parseDate(b.date));
  const undated = events.filter(e => parseDate(e.date) === null);
  const undatedW = undated.length ? 110 : 0;
  const x0 = padL, x1 = W - padR - undatedW;
  let t0 = dated.length ? parseDate(dated[0].date) : 0;
  let t1 = dated.length ? parseDate(dated[dated.length - 1].date) : 1;
  if (t1 - t0 < 86400000 * 30) { t0 -= 86400000 * 15; t1 += 86400000 * 15; }
  const X = t => dated.length ? x0 + (x1 - x0) * (t - t0) / (t1 - t0) : x0;
  const pts = dated.map(e => ({ e, x: X(parseDate(e.date)) }));
  const ustep = undated.length > 1 ? Math.min(24, (undatedW - 40) / (undated.length - 1)) : 0;
  undated.forEach((e, i) => pts.push({ e, x: x1 + 50 + i * ustep, undated: true }));
  /* label rows: alternate above / below, move outwards on overlap */
  const LW = 190, rows = [[], [], [], []];
  const placed = pts.map(p => {
    for (let r = 0; r < rows.length; r++) {
      if (rows[r].every(x => Math.abs(x - p.x) > LW)) { rows[r].push(p.x); return { ...p, row: r }; }
    }
    return { ...p, row: -1 };   /* no room: a dot with its tooltip only */
  });
  const used = Math.max(0, ...placed.map(p => p.row));
  const top = used >= 2 ? 100 : 62, bottom = used >= 3 ? 110 : used >= 1 ? 72 : 34;
  const axisY = top, rowDy = [-40, 50, -78, 88];
  const H = top + bottom;
  const svg = s('svg', { class: 'timeline', viewBox: `0 0 ${W} ${H}`, role: 'group',
    'aria-label': label || `Timeline of ${plural(events.length, 'event')}` });
  svg.append(s('line', { class: 'axis', x1: x0 - 20, y1: axisY, x2: x1 + 10, y2: axisY }));
  if (undated.length) {
    svg.append(s('line', { class: 'gap', x1: x1 + 14, y1: axisY, x2: W - 10, y2: axisY }));
    svg.append(s('text', { class: 'year', x: x1 + 60, y: axisY + 22, 'text-anchor': 'middle', text: 'undated' }));
  }
  if (dated.length) {
    const y0 = new Date(t0).getUTCFullYear(), y1 = new Date(t1).getUTCFullYear();
    const step = Math.max(1, Math.ceil((y1 - y0 + 1) / 12));
    for (let y = y0; y <= y1 + 1; y += step) {
      const x = X(Date.UTC(y, 0, 1));
      if (x < x0 - 25 || x > x1 + 5) continue;
      svg.append(s('line', { class: 'tick', x1: x, y1: axisY - 5, x2: x, y2: axisY + 5 }));
      svg.append(s('text', { class: 'year', x, y: axisY + 20, 'text-anchor': 'middle', text: String(y) }));
    }
  }
  for (const p of placed) {
    if (p.row < 0) {
      const a = s('a', { href: '#/event/' + p.e.id, class: 'tl-event', 'data-date': p.e.date || '' });
      a.append(s('title', { text: `${fmtDate(p.e.date)} — ${p.e.title || ''}` }));
      a.append(s('circle', { class: 'dot' + (p.undated ? ' undated' : ''), cx: p.x, cy: axisY, r: 6 }));
      svg.append(a);
      continue;
    }
    const ly = axisY + rowDy[p.row];
    const a = s('a', { href: '#/event/' + p.e.id, class: 'tl-event', 'data-date': p.e.date || '' });
    a.append(s('title', { text: `${fmtDate(p.e.date)} — ${p.e.title || ''}` }));
    a.append(s('line', { class: 'stem', x1: p.x, y1: axisY, x2: p.x, y2: ly + (ly < axisY ? 6 : -14) }));
    const n = p.e.doc_count || (p.e.documents || []).length || 1;
    a.append(s('circle', { class: 'dot' + (p.undated ? ' undated' : ''), cx: p.x, cy: axisY,
      r: 6 + 2 * Math.min(n, 6) }));
    const rtl = /[\u0590-\u08ff\ufb1d-\ufefc]/.test(p.e.title || '');
    /* text-anchor follows the text's direction: swap start/end for RTL */
    const side = p.x < 120 ? 'left' : p.x > W - 120 ? 'right' : 'middle';
    const anchor = side === 'middle' ? 'middle' : (side === 'left') !== rtl ? 'start' : 'end';
    const dateAnchor = side === 'left' ? 'start' : side === 'right' ? 'end' : 'middle';
    a.append(s('text', { class: 'label-date', x: p.x, y: ly - 14 * (ly < axisY ? 1 : 0), 'text-anchor': dateAnchor,
      text: fmtDate(p.e.date) }));
    a.append(s('text', { class: 'label', x: p.x, y: ly + (ly < axisY ? 0 : 14), 'text-anchor': anchor,
      direction: rtl ? 'rtl' : 'ltr', 'unicode-bidi': 'embed', text: truncate(p.e.title, 30) }));
    svg.append(a);
  }
  return svg;
}

/* ---- shared pieces ---- */
function eventCard(ev) {
  return h('article', { class: 'card event-card', 'data-event': ev.id },
    h('div', { class: 'meta' },
      h('span', { class: 'date', text: fmtDate(ev.date) }),
      (ev.langs || []).map(badge),
      h('span', { text: plural(ev.doc_count || (ev.documents || []).length, 'report') })),
    h('h3', { dir: 'auto' }, h('a', { href: '#/event/' + ev.id, text: ev.title })));
}
function entityChip(e) {
  return h('li', { class: 'chip ' + (e.type || '') },
    h('a', { href: '#/entity/' + e.id, dir: 'auto', text: e.name }),
    e.mentions ? h('small', { text: String(e.mentions) }) : null);
}
function setNav(which) {
  for (const a of document.querySelectorAll('.top nav a')) {
    if (a.getAttribute('href') === which) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}
function show(...nodes) {
  main.replaceChildren(...nodes.flat());
}

/* ---- views ---- */
async function viewHome() {
  setNav('#/');
  document.title = 'storyline — stories';
  const [st, ev] = await Promise.all([api('/api/stories?limit=10'), api('/api/events?limit=20')]);
  const nodes = [h('h1', { text: 'Stories' })];
  if (!st.stories.length) nodes.push(h('p', { class: 'muted', text: 'No stories yet — ingest some articles.' }));
  const full = await Promise.all(st.stories.map(x => api('/api/stories/' + x.id)));
  for (const story of full) nodes.push(storyCard(story));
  nodes.push(h('h2', { text: 'Latest events' }));
  for (const e of ev.events) nodes.push(eventCard(e));
  show(nodes);
}
function storyCard(story) {
  const langs = new Set();
  story.timeline.forEach(e => (e.langs || []).forEach(l => langs.add(l)));
  return h('section', { class: 'card story-card', 'aria-labelledby': 'story-' + story.id },
    h('div', { class: 'kicker', text: 'Story' }),
    h('h2', { id: 'story-' + story.id, dir: 'auto' }, h('a', { href: '#/story/' + story.id, text: story.title })),
    h('div', { class: 'meta' },
      h('span', { class: 'date', text: `${fmtDate(story.first_date)} – ${fmtDate(story.last_date)}` }),
      h('span', { text: plural(story.timeline.length, 'event') }),
      h('span', { text: plural(story.documents.length, 'report') }),
      [...langs].sort().map(badge)),
    timeline(story.timeline, `Timeline of story ${story.id}`));
}
async function viewStory(id) {
  setNav('#/');
  const story = await api('/api/stories/' + id);
  document.title = 'storyline — ' + story.title;
  show(storyCard(story), h('h2', { text: 'Events in date order' }), story.timeline.map(eventCard));
}
async function viewEvents(params) {
  setNav('#/events');
  document.title = 'storyline — events';
  const PAGE = 50;
  const offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
  const lang = /^[a-z]{2,3}$/.test(params.get('lang') || '') ? params.get('lang') : '';
  const link = (o, l) => '#/events?offset=' + o + (l ? '&lang=' + l : '');
  const ev = await api(`/api/events?limit=${PAGE}&offset=${offset}` + (lang ? '&lang=' + lang : ''));
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages' },
    offset > 0 ? h('a', { href: link(Math.max(0, offset - PAGE), lang), text: '← Newer' }) : null,
    ev.events.length === PAGE ? h('a', { href: link(offset + PAGE, lang), text: 'Older →' }) : null);
  const langs = ['', 'ar', 'en', 'ru', 'vi', 'zh'];
  const filter = h('p', { class: 'meta' }, 'Language: ', langs.map(l =>
    l === lang ? h('strong', { text: l ? langName(l) : 'all' })
               : h('a', { href: link(0, l), text: l ? langName(l) : 'all' })));
  show(h('h1', { text: 'Events' }),
    h('p', { class: 'muted', text: `Newest first; undated events last. ${offset + 1}–${offset + ev.events.length}.` }),
    filter, ev.events.map(eventCard), pager);
}
async function viewEvent(id) {
  setNav('#/events');
  const ev = await api('/api/events/' + id);
  document.title = 'storyline — ' + ev.title;
  const byLang = new Map();
  for (const r of ev.reports) {
    if (!byLang.has(r.lang)) byLang.set(r.lang, []);
    byLang.get(r.lang).push(r);
  }
  const groups = [...byLang.entries()].map(([lang, reports]) =>
    h('section', { class: 'lang-group', 'data-lang': lang },
      h('h3', {}, badge(lang), `${langName(lang)} · ${plural(reports.length, 'report')}`),
      reports.map(r => reportEl(r))));
  const people = [
    ev.participants.length ? h('div', {}, h('span', { class: 'kicker', text: 'Participants' }),
      h('ul', { class: 'chips' }, ev.participants.map(entityChip))) : null,
    ev.places.length ? h('div', {}, h('span', { class: 'kicker', text: 'Places' }),
      h('ul', { class: 'chips' }, ev.places.map(entityChip))) : null,
    ev.orgs.length ? h('div', {}, h('span', { class: 'kicker', text: 'Organisations' }),
      h('ul', { class: 'chips' }, ev.orgs.map(entityChip))) : null,
  ];
  show(h('article', { class: 'card event-detail', 'data-event': ev.id },
    h('div', { class: 'kicker', text: 'Event' }),
    h('h1', { dir: 'auto', text: ev.title }),
    h('div', { class: 'meta' },
      h('span', { class: 'date', text: fmtDate(ev.date) }),
      ev.langs.map(badge),
      h('span', { text: `${plural(ev.reports.length, 'report')} in ${plural(byLang.size, 'language')}` }),
      ev.story ? h('a', { href: '#/story/' + ev.story.id, text: 'Story: ' + truncate(ev.story.title, 60), dir: 'auto' }) : null),
    people,
    h('h2', { text: 'Reports' }),
    groups));
}
function reportEl(r) {
  const facts = (r.facts || []).map(f => h('li', {},
    h('strong', { text: `${f.value}${f.unit || ''}` }), ' ', ltext('span', f.sentence, r.lang)));
  return h('article', { class: 'report', lang: r.lang, dir: RTL.has(r.lang) ? 'rtl' : 'auto', 'data-doc': r.id },
    ltext('p', r.title, r.lang, { class: 'title' }),
    r.excerpt ? ltext('p', r.excerpt + (r.excerpt_cut ? '…' : ''), r.lang, { class: 'excerpt' }) : null,
    h('div', { class: 'meta', dir: 'ltr', lang: 'en' },
      r.source ? h('span', { text: r.source }) : null,
      r.published ? h('span', { text: 'published ' + fmtDate(r.published) }) : null,
      h('code', { text: r.id }),
      r.url && /^https?:\/\//.test(r.url) ? h('a', { href: r.url, rel: 'noopener noreferrer', target: '_blank', text: 'original ↗' }) : null),
    facts.length ? h('ul', { class: 'facts' }, facts) : null);
}
async function viewEntities(q) {
  setNav('#/entities');
  document.title = 'storyline — entities';
  const data = await api('/api/entities?limit=200' + (q ? '&q=' + encodeURIComponent(q) : ''));
  const input = h('input', { type: 'search', name: 'eq', dir: 'auto', value: q || '', 'aria-label': 'Filter entities', placeholder: 'Filter by name, any script' });
  const form = h('form', { class: 'search', onsubmit: e => { e.preventDefault(); location.hash = '#/entities?q=' + encodeURIComponent(input.value); } },
    input, h('button', { type: 'submit', text: 'Filter' }));
  const rows = data.entities.map(e => h('tr', {},
    h('td', {}, h('a', { href: '#/entity/' + e.id, dir: 'auto', text: e.name })),
    h('td', { text: e.type }), h('td', { text: String(e.doc_count) }), h('td', { text: String(e.mention_count) })));
  show(h('h1', { text: 'Entities' }), form,
    h('table', { class: 'list card' },
      h('thead', {}, h('tr', {}, ['Name', 'Type', 'Reports', 'Mentions'].map(t => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, rows)));
}
async function viewEntity(id) {
  setNav('#/entities');
  const e = await api('/api/entities/' + id);
  document.title = 'storyline — ' + e.name;
  const dl = h('dl', { class: 'variants' });
  for (const [script, vs] of Object.entries(e.variants)) {
    dl.append(h('dt', { text: SCRIPTS[script] || script }),
      h('dd', {}, vs.map(v => h('span', { class: 'chip' }, ltext('span', v.variant, v.lang), h('small', { text: String(v.count) })))));
  }
  show(h('article', { class: 'card entity-detail' },
    h('div', { class: 'kicker', text: e.type }),
    h('h1', { dir: 'auto', text: e.name }),
    h('div', { class: 'meta' }, h('span', { text: plural(e.doc_count, 'report') }), h('span', { text: plural(e.mention_count, 'mention') })),
    h('h2', { text: 'Names by script' }), dl,
    h('h2', { text: 'Events over time' }),
    e.event_count > e.events.length ? h('p', { class: 'muted', text: `The newest ${e.events.length} of ${e.event_count} events.` }) : null,
    e.events.length ? timeline(e.events, `Events mentioning ${e.name}`) : h('p', { class: 'muted', text: 'No events.' }),
    h('ul', { class: 'results' }, e.events.map(ev => h('li', {},
      h('span', { class: 'date', text: fmtDate(ev.date) }), ' ',
      h('a', { href: '#/event/' + ev.id, dir: 'auto', text: ev.title }))))));
}
async function viewSearch(q) {
  setNav('');
  document.getElementById('q').value = q;
  document.title = 'storyline — search: ' + q;
  if (!q.trim()) { show(h('p', { class: 'muted', text: 'Type a name or words in any language.' })); return; }
  const res = await api('/api/search?q=' + encodeURIComponent(q));
  const ents = res.entities.length ? h('div', {}, h('span', { class: 'kicker', text: 'Matching entities' }),
    h('ul', { class: 'chips' }, res.entities.map(entityChip))) : null;
  const items = res.results.map(r => h('li', { class: 'hit', 'data-doc': r.doc, 'data-date': r.date || '', 'data-lang': r.lang },
    h('div', { class: 'meta' }, badge(r.lang), h('span', { class: 'date', text: fmtDate(r.date) }),
      h('span', { class: 'why', text: r.why })),
    r.event !== null && r.event !== undefined
      ? ltext('a', r.title, r.lang, { class: 'event-link', href: '#/event/' + r.event })
      : ltext('span', r.title, r.lang, { class: 'event-link' }),
    r.snippet ? h('p', { class: 'snippet', lang: r.lang, dir: RTL.has(r.lang) ? 'rtl' : 'auto' },
      '…' + r.snippet.before, h('mark', { text: r.snippet.match }), r.snippet.after + '…') : null));
  const langs = new Set(res.results.map(r => r.lang));
  show(h('h1', {}, 'Results for ', h('bdi', { class: 'query', text: q })),
    h('p', { class: 'muted', text: `${plural(res.results.length, 'report')} in ${plural(langs.size, 'language')}` }),
    ents,
    res.results.length ? h('ul', { class: 'results card' }, items) : h('p', { class: 'muted', text: 'Nothing found.' }));
}

/* ---- router ---- */
async function route() {
  const hash = location.hash || '#/';
  const [path, qs] = hash.slice(1).split('?');
  const params = new URLSearchParams(qs || '');
  let m;
  try {
    if (path === '/' || path === '') await viewHome();
    else if (path === '/events') await viewEvents(params);
    else if ((m = /^\/event\/(\d+)$/.exec(path))) await viewEvent(m[1]);
    else if ((m = /^\/story\/(\d+)$/.exec(path))) await viewStory(m[1]);
    else if (path === '/entities') await viewEntities(params.get('q') || '');
    else if ((m = /^\/entity\/(\d+)$/.exec(path))) await viewEntity(m[1]);
    else if (path === '/search') await viewSearch(params.get('q') || '');
    else show(h('p', { class: 'error', text: 'No such page.' }));
  } catch (err) {
    show(h('p', { class: 'error', role: 'alert', text: 'Could not load: ' + err.message }));
  }
  main.setAttribute('data-ready', hash);
  if (document.activeElement !== document.getElementById('q')) main.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

document.getElementById('search-form').addEventListener('submit', e => {
  e.preventDefault();
  const q = document.getElementById('q').value.trim();
  if (q) location.hash = '#/search?q=' + encodeURIComponent(q);
});
window.addEventListener('hashchange', route);
api('/api/health').then(hl => {
  document.getElementById('health').textContent =
    `${plural(hl.documents, 'document')} · ${plural(hl.events, 'event')} · ${plural(hl.stories, 'story').replace('storys', 'stories')} · ${plural(hl.entities, 'entity').replace('entitys', 'entities')}`;
}).catch(() => {});
route();
