// The Table 1 page. Its whole state is in the address (filters, ids, hidden columns, the
// selection), so a view can be bookmarked or sent: /?modality=SBRT&target=PD-1 opens filtered.
// Rows come from /api/table1; each filter's values and counts from /api/trials' facets.
import { element, link, statusLabel, phaseCodeLabel, formParams, problemText, showStatus, when } from './common.js';

const form = document.getElementById('filters');
const body = document.querySelector('#table1 tbody');
const head = document.querySelector('#table1 thead tr');
const statusBox = document.getElementById('harvest-status');

/** The facet filters: several values of one are OR, different ones AND. */
const facets = [
  { field: 'topic', label: 'Topic' },
  { field: 'status', label: 'Status', text: statusLabel },
  { field: 'phase', label: 'Phase', text: phaseCodeLabel },
  { field: 'setting', label: 'Setting' },
  { field: 'target', label: 'ICI target', any: 'any ICI' },
  { field: 'agent', label: 'Agent' },
  { field: 'modality', label: 'RT modality', any: 'any RT' },
  { field: 'endpoint', label: 'Primary endpoint' },
  { field: 'country', label: 'Country' },
  { field: 'registry', label: 'Registry' },
];

/** Table 1's columns; all but the NCT number can be hidden. */
const columns = [
  { key: 'nct', header: 'NCT number' },
  { key: 'institution', header: 'Institution', cell: r => r.institution },
  { key: 'phase', header: 'Phase', cell: r => r.phase },
  { key: 'disease', header: 'Disease', cell: r => r.disease },
  { key: 'intervention', header: 'Intervention', cell: r => r.intervention },
  { key: 'enrollment', header: 'Enrollment', cell: r => r.enrollment },
  { key: 'endpoint', header: 'Primary endpoint', cell: r => r.primaryEndpoint },
  { key: 'status', header: 'Status', cell: r => r.status },
  { key: 'version', header: 'Registry version', cell: r => r.recordVersion, className: 'version' },
];

const state = {
  hidden: new Set(),
  /** NCT ids chosen for a Table 1, in the order chosen. */
  selection: [],
  /** The last rows shown, for the selection's titles. */
  rows: new Map(),
};

// ---- the address ----

/** The filters as /api/table1 and /api/trials take them (repeated names for several values). */
function filterParams() {
  const params = formParams(form);
  if (params.has('ids')) params.set('ids', params.get('ids').split(/[\s,|]+/).filter(Boolean).join(','));
  return params;
}

/** The view into the address: a new history entry for a new view (so Back returns to the last), else in place. */
function writeAddress(params, push = false) {
  const address = new URLSearchParams(params);
  if (state.hidden.size > 0) address.set('hide', [...state.hidden].join(','));
  if (state.selection.length > 0) address.set('sel', state.selection.join(','));
  const url = address.size > 0 ? '?' + address : location.pathname;
  const current = location.search === '' ? location.pathname : location.search;
  if (push && url !== current) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

/** The form from the address (a bookmark or a sent link); facet values are checked as their boxes appear. */
function readAddress() {
  const params = new URLSearchParams(location.search);
  for (const name of ['q', 'ids', 'asOf', 'compareTo']) {
    if (params.has(name)) form.elements[name].value = params.get(name);
  }
  state.hidden = new Set((params.get('hide') ?? '').split(',').filter(key => columns.some(c => c.key === key && key !== 'nct')));
  state.selection = (params.get('sel') ?? '').split(',').filter(Boolean);
  return Object.fromEntries(facets.map(f => [f.field, params.getAll(f.field)]));
}

// ---- filters ----

/** The values checked in one facet. */
const checked = field => [...form.querySelectorAll(`input[name="${field}"]:checked`)].map(box => box.value);

function facetBox(facet) {
  let box = document.getElementById('facet-' + facet.field);
  if (!box) {
    box = element('details', undefined, 'facet');
    box.id = 'facet-' + facet.field;
    const summary = element('summary');
    summary.append(element('span', facet.label), element('span', '', 'chosen'));
    const group = element('fieldset');
    group.append(element('legend', facet.label, 'visually-hidden'), element('div', undefined, 'options'));
    box.append(summary, group);
    document.getElementById('facets').append(box);
  }
  return box;
}

/**
 * A facet's choices with the number of trials each would give together with the other filters
 * (its own values left out, since they are OR). Chosen values stay listed, even at 0; focus
 * stays on the box it was on.
 */
function renderFacet(facet, counts, chosen) {
  const box = facetBox(facet);
  const options = box.querySelector('.options');
  const focused = document.activeElement?.name === facet.field ? document.activeElement.value : null;
  const values = new Map((counts ?? []).map(c => [c.value, c.count]));
  for (const value of chosen) if (!values.has(value)) values.set(value, 0);
  const choices = facet.any ? [{ value: 'any', text: facet.any, count: null }] : [];
  for (const [value, count] of values) if (value !== 'any') choices.push({ value, text: facet.text ? facet.text(value) : value, count: count ?? null });
  options.replaceChildren(...choices.map(choice => {
    const label = element('label', undefined, 'check');
    const input = element('input');
    input.type = 'checkbox';
    input.name = facet.field;
    input.value = choice.value;
    input.checked = chosen.includes(choice.value);
    label.append(input, ' ', element('span', choice.text));
    if (choice.count !== null) label.append(' ', element('span', String(choice.count), 'n'));
    return label;
  }));
  if (choices.length === 0) options.append(element('p', 'No values yet.', 'hint'));
  if (focused !== null) options.querySelector(`input[value="${CSS.escape(focused)}"]`)?.focus();
  const names = chosen.map(v => choices.find(c => c.value === v)?.text ?? v);
  box.querySelector('.chosen').textContent = names.length === 0 ? '' : names.length <= 2 ? `: ${names.join(' or ')}` : `: ${names.length} chosen`;
  box.classList.toggle('active', chosen.length > 0);
}

async function facetCounts(params) {
  const query = new URLSearchParams(params);
  for (const name of ['ids', 'compareTo']) query.delete(name);
  query.set('pageSize', '1');
  const response = await fetch('/api/trials?' + query);
  return response.ok ? (await response.json()).facets : {};
}

/** Every facet's counts: those of the filters as they are, and for a facet in use, without its own values. */
async function loadFacets(chosenByField, mine) {
  const params = filterParams();
  const inUse = facets.filter(f => chosenByField[f.field].length > 0);
  const [all, ...without] = await Promise.all([facetCounts(params), ...inUse.map(f => {
    const others = new URLSearchParams(params);
    others.delete(f.field);
    return facetCounts(others);
  })]);
  if (mine !== generation) return;
  // A list of ids is not counted by the facets: with one, the values are offered without numbers that would not match the table.
  const uncounted = params.has('ids');
  for (const facet of facets) {
    const i = inUse.indexOf(facet);
    const counts = (i < 0 ? all : without[i])[facet.field] ?? [];
    renderFacet(facet, uncounted ? counts.map(c => ({ value: c.value, count: null })) : counts, chosenByField[facet.field]);
  }
}

// ---- the table ----

function renderHead() {
  const select = element('th', undefined, 'select');
  select.append(element('span', 'Select', 'visually-hidden'));
  head.replaceChildren(select, ...columns.filter(c => !state.hidden.has(c.key)).map(c => element('th', c.header)));
}

/** A row's selection box is named by its trial; the name finds it again after a redraw. */
const selectLabel = nctId => `Select ${nctId} for Table 1`;
const rowBox = label => [...body.querySelectorAll('td.select input')].find(box => box.getAttribute('aria-label') === label);

function renderRow(row, table) {
  const tr = element('tr');
  const pick = element('td', undefined, 'select');
  const box = element('input');
  box.type = 'checkbox';
  box.checked = state.selection.includes(row.nctNumber);
  box.setAttribute('aria-label', selectLabel(row.nctNumber));
  box.addEventListener('change', () => toggleSelected(row.nctNumber, box.checked));
  pick.append(box);
  tr.append(pick);
  // With compareTo, a cell that changed since then is marked, its value then beneath.
  const changes = table.comparison?.changed[row.nctNumber] ?? [];
  for (const column of columns.filter(c => !state.hidden.has(c.key))) {
    if (column.key === 'nct') {
      // The trial's own page (its values, versions and changes), with the registry record beside.
      const td = element('td', undefined, 'nct');
      td.dataset.column = column.key;
      td.append(link('/trials/' + encodeURIComponent(row.nctNumber), row.nctNumber), ' ',
        link(row.registryUrl, 'registry', { className: 'registry', external: true }));
      if (table.comparison?.newSince.includes(row.nctNumber)) td.append(' *');
      tr.append(td);
      continue;
    }
    const td = element('td', column.cell(row) ?? '', column.className);
    td.dataset.column = column.key;
    const change = changes.find(c => c.column === column.header);
    if (change) {
      td.classList.add('changed');
      td.append(element('span', `${table.comparison.comparedTo}: ${change.then ?? '(empty)'}`, 'was'));
    }
    tr.append(td);
  }
  return tr;
}

function exportLinks(params) {
  const shown = columns.filter(c => !state.hidden.has(c.key)).map(c => c.header);
  for (const anchor of document.querySelectorAll('#exports a[data-format]')) {
    const exportParams = new URLSearchParams(params);
    exportParams.set('format', anchor.dataset.format);
    if (state.hidden.size > 0) exportParams.set('columns', shown.join('|'));
    anchor.href = '/api/table1?' + exportParams;
  }
}

let generation = 0;

/** Draws the view the form describes; <paramref name="push"/>: a view the user asked for, kept in the history. */
async function load({ push = false } = {}) {
  // Only the newest request draws: an earlier one that answers late is dropped.
  const mine = ++generation;
  const params = filterParams();
  writeAddress(params, push);
  exportLinks(params);
  const chosen = Object.fromEntries(facets.map(f => [f.field, checked(f.field)]));
  const facetsLoaded = loadFacets(chosen, mine);
  const response = await fetch('/api/table1?' + params, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    if (mine === generation) showStatus(statusBox, 'failed', await problemText(response));
    return;
  }
  const table = await response.json();
  if (mine !== generation) return;
  renderHead();
  // A redraw (a refresh while a harvest runs, say) keeps focus on the row box it was on.
  const focused = body.contains(document.activeElement) ? document.activeElement.getAttribute('aria-label') : null;
  body.replaceChildren(...table.rows.map(row => renderRow(row, table)));
  if (focused) rowBox(focused)?.focus();
  for (const row of table.rows) state.rows.set(row.nctNumber, row);
  const asOf = (table.asOf ? ` as the registry stood on ${table.asOf}` : '') + (table.comparison ? `; ${table.comparison.note}` : '');
  const missing = table.notFound.length > 0 ? `; not in the database: ${table.notFound.join(', ')}` : '';
  const count = (table.total > table.rows.length
    ? `${table.rows.length} of ${table.total} trials (narrow the filters, or export with a higher limit=)`
    : `${table.rows.length} trial${table.rows.length === 1 ? '' : 's'}`) + asOf + missing;
  // Set only when it differs: a screen reader reads the count out when it changes, not on every refresh.
  const counter = document.getElementById('count');
  if (counter.textContent !== count) counter.textContent = count;
  const empty = document.getElementById('empty');
  empty.textContent = params.size > 0 ? 'No trials match these filters.' : 'No trials in the evidence database yet.';
  empty.hidden = table.rows.length > 0;
  renderSelection();
  await Promise.all([facetsLoaded, dataState(table.rows.length === 0)]);
}

// ---- columns ----

function renderColumnChoices() {
  const group = document.querySelector('#columns fieldset');
  group.querySelectorAll('label').forEach(l => l.remove());
  for (const column of columns.filter(c => c.key !== 'nct')) {
    const label = element('label', undefined, 'check');
    const box = element('input');
    box.type = 'checkbox';
    box.value = column.key;
    box.checked = !state.hidden.has(column.key);
    box.addEventListener('change', () => {
      if (box.checked) state.hidden.delete(column.key); else state.hidden.add(column.key);
      load({ push: true });
    });
    label.append(box, ' ', column.header);
    group.append(label);
  }
}

// ---- the selection: trials chosen for a Table 1, in an order ----

function toggleSelected(nctId, on) {
  state.selection = on ? [...state.selection.filter(id => id !== nctId), nctId] : state.selection.filter(id => id !== nctId);
  writeAddress(filterParams());
  renderSelection();
}

function move(index, by) {
  const to = index + by;
  if (to < 0 || to >= state.selection.length) return;
  [state.selection[index], state.selection[to]] = [state.selection[to], state.selection[index]];
  writeAddress(filterParams());
  renderSelection();
  document.querySelectorAll('#selected li')[to]?.querySelector(by < 0 ? '.up' : '.down')?.focus();
}

function renderSelection() {
  const section = document.getElementById('selection');
  section.hidden = state.selection.length === 0;
  document.getElementById('selection-heading').textContent = `Selected for Table 1 (${state.selection.length})`;
  document.getElementById('selected').replaceChildren(...state.selection.map((id, i) => {
    const item = element('li');
    const title = state.rows.get(id)?.intervention;
    item.append(element('span', id, 'id'), title ? element('span', ` ${title}`, 'hint') : '');
    const button = (text, className, label, action) => {
      const b = element('button', text, className);
      b.type = 'button';
      b.setAttribute('aria-label', label);
      b.addEventListener('click', action);
      return b;
    };
    item.append(' ', button('↑', 'up', `Move ${id} up`, () => move(i, -1)), button('↓', 'down', `Move ${id} down`, () => move(i, 1)),
      button('✕', 'remove', `Remove ${id} from the selection`, () => {
        toggleSelected(id, false);
        const box = rowBox(selectLabel(id));
        if (box) box.checked = false;
        // Focus stays in the list: on the item that took this one's place, else the one before, else the table's box.
        const items = document.querySelectorAll('#selected li');
        (items[Math.min(i, items.length - 1)]?.querySelector('.remove') ?? box)?.focus();
      }));
    return item;
  }));
}

// ---- where the data come from ----

function harvestLine(topic) {
  const run = topic.lastRun;
  if (!run) return `Topic “${topic.name}”: not harvested yet${topic.enabled ? '' : ' (its schedule is off)'}.`;
  const found = run.studiesNew + run.studiesChanged + run.studiesUnchanged;
  const data = run.registryDataTimestamp ? `, registry data of ${run.registryDataTimestamp.slice(0, 10)}` : '';
  const counts = `${found} studies (${run.studiesNew} new, ${run.studiesChanged} changed${run.studiesRejected ? `, ${run.studiesRejected} rejected` : ''})`;
  switch (run.outcome) {
    case 'running':
      return `Topic “${topic.name}”: harvesting since ${when(run.startedAt)}, ${counts} so far${run.retrying ? `; retrying: ${run.retrying}` : ''}.`;
    case 'failed':
      return `Topic “${topic.name}”: the last harvest (${when(run.startedAt)}) failed: ${run.error}. ${topic.studies} studies held from earlier harvests.`;
    case 'interrupted':
      return `Topic “${topic.name}”: the last harvest (${when(run.startedAt)}) was interrupted after ${counts}; the next run resumes it.`;
    default:
      return `Topic “${topic.name}”: harvested ${when(run.finishedAt ?? run.startedAt)}, ${counts}${data}; ${topic.studies} studies held.`;
  }
}

function importLine(run) {
  const paths = run.paths.join(', ');
  const counts = `${run.studiesRead} studies read, ${run.studiesNew} new, ${run.studiesChanged} changed, ${run.studiesRejected} rejected`;
  if (run.outcome === 'running') return `Import of ${paths}: started ${when(run.startedAt)}, not finished.`;
  if (run.outcome === 'failed') return `Import of ${paths} (${when(run.startedAt)}) failed: ${run.error}.`;
  return `Import of ${paths}, ${when(run.finishedAt)}: ${counts}${run.outcome === 'interrupted' ? ' (cancelled; the rest not imported)' : ''}${run.error && run.outcome === 'succeeded' ? `; ${run.error}` : ''}.`;
}

let refresh = null;

/** Each topic's last harvest and the recent imports, always shown; a running or failing harvest also as a banner. */
async function dataState(empty) {
  const [topics, imports] = await Promise.all([
    fetch('/api/topics').then(r => (r.ok ? r.json() : [])),
    fetch('/api/imports?limit=3').then(r => (r.ok ? r.json() : [])),
  ]);
  // Each topic's search report (PRISMA items 6 and 7) states how this view's Table 1 was filtered.
  const filters = filterParams();
  filters.delete('topic');
  for (const name of ['asOf', 'compareTo']) filters.delete(name);
  const report = (topic, format, text) => {
    const query = new URLSearchParams(filters);
    query.set('format', format);
    return link(`/api/topics/${encodeURIComponent(topic.name)}/report?${query}`, text);
  };
  document.getElementById('sources').replaceChildren(
    ...topics.map(t => {
      const item = element('li', harvestLine(t) + ' Search report: ', t.lastRun?.outcome ?? 'none');
      item.append(report(t, 'md', 'Markdown'), ' · ', report(t, 'docx', 'Word'));
      return item;
    }),
    ...imports.map(i => element('li', importLine(i), i.outcome)));
  const running = topics.map(t => t.lastRun).find(r => r?.outcome === 'running');
  clearTimeout(refresh);
  if (running) {
    const total = running.totalCount ? ` of ${running.totalCount}` : '';
    showStatus(statusBox, running.retrying ? 'retrying' : 'running', running.retrying
      ? `Harvesting “${running.topic}” from ClinicalTrials.gov: retrying, ${running.retrying}. ${running.pages} page(s) stored so far. This page refreshes by itself.`
      : `Harvesting “${running.topic}” from ClinicalTrials.gov: ${running.pages} page(s) stored, ` +
        `${running.studiesNew + running.studiesChanged + running.studiesUnchanged}${total} studies so far. This page refreshes by itself.`);
    refresh = setTimeout(load, 5000);
  } else if (empty && topics.length > 0 && topics.every(t => !t.lastRun) && imports.length === 0) {
    showStatus(statusBox, 'running', 'No harvest has run yet. The configured topics are harvested at start-up.');
    refresh = setTimeout(load, 5000);
  } else {
    const failed = topics.find(t => t.lastRun?.outcome === 'failed');
    showStatus(statusBox, 'failed', empty && failed
      ? `The last harvest of “${failed.name}” failed: ${failed.lastRun.error}. It will be tried again at the next scheduled time.` : '');
  }
}

// ---- start ----

function clearFilters() {
  for (const field of form.elements) {
    if (field.type === 'checkbox') field.checked = false;
    else if (field.name) field.value = '';
  }
}

form.addEventListener('submit', event => { event.preventDefault(); load({ push: true }); });
form.addEventListener('change', event => { if (event.target.type === 'checkbox') load({ push: true }); });
form.addEventListener('reset', event => {
  event.preventDefault();
  clearFilters();
  load({ push: true });
});
document.getElementById('use-selection').addEventListener('click', () => {
  clearFilters();
  form.elements.ids.value = state.selection.join(', ');
  load({ push: true });
});
document.getElementById('clear-selection').addEventListener('click', () => {
  state.selection = [];
  body.querySelectorAll('td.select input').forEach(box => { box.checked = false; });
  writeAddress(filterParams());
  renderSelection();
});

/** The view the address describes: on opening the page, and on Back and Forward. */
function showAddress() {
  clearFilters();
  const fromAddress = readAddress();
  renderColumnChoices();
  // The address's facet values become checked boxes (drawn with no counts, then counted).
  for (const facet of facets) renderFacet(facet, [], fromAddress[facet.field]);
  load();
}

window.addEventListener('popstate', showAddress);
showAddress();
