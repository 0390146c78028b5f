// A trial's page: what was normalised from it and where from, its versions (any two compared, the
// raw JSON), its status and enrollment over time (a chart of every enrollment the registry
// showed, the first estimate and the target marked) and every change with its registry date.
const nctId = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() ?? '');
import { element, link, statusLabel, phaseLabel, problemText, when, showStatus } from '/common.js';

const svgNs = 'http://www.w3.org/2000/svg';

function svg(name, attributes, text) {
  const node = document.createElementNS(svgNs, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}


// ---- what was normalised, and from where ----

const termNames = {
  agent: 'Agent', target: 'ICI target', rt_modality: 'RT modality', institution: 'Institution', disease_setting: 'Setting',
  rt_ici_sequence: 'RT and ICI sequence', endpoint_class: 'Endpoint', agent_class: 'Agent class', disease: 'Disease',
};

/** Words read from a title, summary, description or arm rather than a structured field. */
const fromFreeText = term => (term.entity === 'intervention' && term.entityOrdinal < 0)
  || /(title|briefSummary|detailedDescription|description|armGroups|keywords)/i.test(term.sourceField);

function normalised(detail) {
  const n = detail.normalised;
  const cells = document.getElementById('cells');
  const summary = n.summary ?? {};
  for (const [term, value] of [['Institution', summary.institution], ['Intervention', summary.interventionSummary],
    ['Disease', summary.disease], ['Setting', (summary.settings ?? []).join(', ')], ['RT and ICI sequence', summary.sequence]]) {
    cells.append(element('dt', term), element('dd', value || '—'));
  }
  document.getElementById('vocabulary').textContent = n.vocabularyVersion
    ? `Normalised with vocabulary ${n.vocabularyVersion} on ${when(n.normalisedAt)}.` : 'Not normalised yet.';
  const rows = [...n.provenance].sort((a, b) => (termNames[a.field] ?? a.field).localeCompare(termNames[b.field] ?? b.field));
  document.querySelector('#provenance tbody').replaceChildren(...rows.map(term => {
    const tr = element('tr');
    const free = fromFreeText(term);
    tr.append(element('td', termNames[term.field] ?? term.field), element('td', term.value), element('td', term.sourceField, 'field'),
      element('td', `“${term.matched}”`), element('td', free ? 'free text' : 'structured', free ? 'free' : 'structured'));
    return tr;
  }));
  document.getElementById('no-provenance').hidden = rows.length > 0;
}

// ---- versions: any two compared, and the raw JSON ----

/** What names a list item across versions (a site, an arm, an intervention, an outcome), if anything does. */
const itemKey = item => (item !== null && typeof item === 'object'
  ? (item.facility ? [item.facility, item.city].filter(Boolean).join(', ') : item.label ?? item.measure ?? item.name ?? null)
  : null);

/**
 * A record's JSON as path = value lines, one per scalar, so two versions compare field by field.
 * List items are named by what they are ("locations[Mayo Clinic, Rochester]") when each has a
 * distinct name, so a site added at the top does not make every later site look changed.
 */
function flatten(value, path = '', into = new Map()) {
  if (Array.isArray(value)) {
    const keys = value.map(itemKey);
    const named = keys.every(k => k) && new Set(keys).size === keys.length;
    value.forEach((item, i) => flatten(item, `${path}[${named ? keys[i] : i}]`, into));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) flatten(item, path ? `${path}.${key}` : key, into);
  } else {
    into.set(path, String(value));
  }
  return into;
}

/** A stored version's JSON; a failed answer rejects with the problem's words. */
const raw = version => fetch(`/api/trials/${encodeURIComponent(nctId)}/raw?version=${version}`)
  .then(async r => (r.ok ? r.json() : Promise.reject(new Error(await problemText(r)))));

let comparing = 0;

function versionName(v) {
  return `#${v.id}: update posted ${v.lastUpdatePostedDate ?? 'date not given'}, stored ${when(v.fetchedAt)}${v.current ? ' (current)' : ''}`;
}

async function compare(versions) {
  const from = Number(document.getElementById('from').value);
  const to = Number(document.getElementById('to').value);
  const out = document.querySelector('#diff tbody');
  const note = document.getElementById('diff-note');
  // Only the newest comparison draws: one asked for before it that answers late is dropped.
  const mine = ++comparing;
  let a, b;
  try {
    [a, b] = await Promise.all([raw(from), raw(to)]);
  } catch (error) {
    if (mine === comparing) {
      note.textContent = `The versions could not be read: ${error.message}`;
      document.getElementById('diff').hidden = true;
    }
    return;
  }
  if (mine !== comparing) return;
  const before = flatten(a), after = flatten(b);
  const paths = [...new Set([...before.keys(), ...after.keys()])].filter(p => before.get(p) !== after.get(p)).sort();
  out.replaceChildren(...paths.map(p => {
    const tr = element('tr');
    tr.append(element('td', p, 'field'), element('td', before.get(p) ?? '(absent)', 'old'), element('td', after.get(p) ?? '(absent)', 'new'));
    return tr;
  }));
  const name = id => versionName(versions.find(v => v.id === id));
  note.textContent = paths.length === 0 ? 'The two versions hold the same values.' : `${paths.length} value(s) differ between ${name(from)} and ${name(to)}.`;
  document.getElementById('diff').hidden = paths.length === 0;
}

function versionList(versions) {
  const list = document.getElementById('versions');
  list.replaceChildren(...versions.map(v => {
    const item = element('li', versionName(v) + ` · from ${v.source} · `);
    const json = link(`/api/trials/${encodeURIComponent(nctId)}/raw?version=${v.id}`, 'JSON');
    json.title = `content hash ${v.contentHash}`;
    item.append(json);
    return item;
  }));
  const chooser = document.getElementById('compare');
  chooser.hidden = versions.length < 2;
  if (versions.length >= 2) {
    for (const id of ['from', 'to']) {
      document.getElementById(id).replaceChildren(...versions.map(v => new Option(versionName(v), v.id)));
    }
    const current = versions.findIndex(v => v.current);
    const to = current >= 0 ? current : versions.length - 1;
    document.getElementById('from').value = String(versions[to > 0 ? to - 1 : 1].id);
    document.getElementById('to').value = String(versions[to].id);
    chooser.addEventListener('submit', event => { event.preventDefault(); compare(versions); });
  }
  const rawBox = document.getElementById('raw');
  rawBox.addEventListener('toggle', async () => {
    const pre = rawBox.querySelector('pre');
    const current = versions.find(v => v.current) ?? versions[versions.length - 1];
    if (!rawBox.open || pre.textContent !== '') return;
    try {
      pre.textContent = JSON.stringify(await raw(current.id), null, 2);
    } catch (error) {
      pre.textContent = `The stored JSON could not be read: ${error.message}`;
    }
  });
}

function facts(detail) {
  const record = detail.record;
  const list = document.getElementById('facts');
  const rows = [
    ['Status', record.overallStatus ? statusLabel(record.overallStatus) : record.registryStatus],
    ['Phase', phaseLabel(record.phases ?? [])],
    ['Sponsor', record.leadSponsor],
    ['Enrollment', record.enrollmentCount == null ? '—' : record.enrollmentCount + (record.enrollmentType ? ` (${record.enrollmentType.toLowerCase()})` : '')],
    ['Start', record.startDate], ['Primary completion', record.primaryCompletionDate],
    ['Registry version', `${detail.currentVersion.lastUpdatePostedDate ?? ''} (data of ${detail.currentVersion.versionHolder ?? 'unknown date'})`],
  ];
  for (const [term, value] of rows) list.append(element('dt', term), element('dd', value ?? '—'));
  const links = element('dd');
  if (record.registry === 'ClinicalTrials.gov') {
    links.append(link(detail.registryUrl, 'ClinicalTrials.gov record', { external: true }), ' · ',
      link(detail.registryUrl + '?tab=history', 'its version history', { external: true }));
  } else {
    links.append(link(detail.registryUrl, `${record.registry} record`, { external: true }), record.via ? ` (read through ${record.via})` : '');
  }
  list.append(element('dt', 'Registry'), links);
  registrations(detail, list);
  // Suggestions come after the page: a failure to read them leaves the page as it is.
  similarTitles(detail.nctId, list).catch(() => {});
}

// Other registries' trials with similar titles that cite no id in common: possibly the same
// trial, for the reader to check (the sponsor helps); never joined to this one.
async function similarTitles(nctId, list) {
  const response = await fetch(`/api/trials/${encodeURIComponent(nctId)}/similar`);
  if (!response.ok) return;
  const similarTitles = await response.json();
  if (similarTitles.length === 0) return;
  const items = element('ul', undefined, 'similar-titles');
  for (const s of similarTitles) {
    const item = element('li');
    item.append(link(`/trials/${encodeURIComponent(s.id)}`, s.id), ` ${s.registry}: ${s.title ?? 'no title'}`,
      s.sponsor ? ` (${s.sponsor})` : '', `, title similarity ${s.similarity.toFixed(2)}`);
    items.append(item);
  }
  const similar = element('dd');
  similar.append(element('p', 'Similar titles in another registry, citing no id in common: check whether it is the same trial.', 'hint'), items);
  list.append(element('dt', 'Possibly also registered as'), similar);
}

// A trial registered more than once: each registration, the one it is listed under, and per
// field the value of the registration updated last.
function registrations(detail, list) {
  if (detail.registrations.length < 2) return;
  const items = element('ul', undefined, 'registrations');
  for (const r of detail.registrations) {
    const item = element('li');
    item.append(r.id === detail.nctId ? element('strong', r.id) : link(`/trials/${encodeURIComponent(r.id)}`, r.id),
      ` ${r.registry}, ${r.status ? statusText(r.status) : 'status not stated'}, updated ${r.lastUpdatePostedDate ?? 'unknown'}`,
      r.id === r.listedAs ? ' (listed)' : '', ' · ', link(r.registryUrl, 'record', { external: true }));
    items.append(item);
  }
  const registered = element('dd');
  registered.append(items);
  list.append(element('dt', 'Registrations'), registered);
  const fieldNames = { status: 'Status', enrollment: 'Enrollment', startDate: 'Start', completionDate: 'Completion' };
  const newest = element('dd', detail.newest.map(n =>
    `${fieldNames[n.field] ?? n.field} ${n.field === 'status' ? statusText(n.value) : n.value} (${n.from}${n.updated ? ', updated ' + n.updated : ''})`).join('; '));
  list.append(element('dt', 'Newest per field'), newest);
}

// A ClinicalTrials.gov status code as words; another registry's words as they are.
function statusText(status) {
  return /^[A-Z_]+$/.test(status) ? statusLabel(status) : status;
}

// Status from the changes: where it started, then each change with its registry date.
function statusTimeline(record, changes) {
  const steps = changes.filter(c => c.field === 'status').sort((a, b) => (a.registryDate ?? '').localeCompare(b.registryDate ?? ''));
  const list = document.getElementById('status-timeline');
  // Another registry's status is its own words (registryStatus), not a ClinicalTrials.gov code.
  const first = steps.length > 0 ? steps[0].old
    : record.overallStatus ? statusLabel(record.overallStatus) : record.registryStatus ?? 'status not stated';
  list.append(element('li', `${first} (when first stored)`));
  for (const step of steps) list.append(element('li', `${step.new} (from ${step.registryDate})`));
}

// Enrollment as a step line over registry dates: hollow points are estimates, filled ones actual
// counts; the first estimate and the latest target are labelled, the target as a dashed line.
function enrollmentChart(history, statusChanges) {
  const chart = document.getElementById('enrollment-chart');
  const caption = document.getElementById('enrollment-caption');
  const points = history.filter(p => p.count != null && p.lastUpdatePostedDate);
  if (points.length === 0) {
    caption.textContent = 'The registry gives no enrollment for this trial.';
    chart.remove();
    return;
  }
  const width = 760, height = 260, left = 56, right = 24, top = 20, bottom = 40;
  const time = p => Date.parse(p.lastUpdatePostedDate.length === 7 ? p.lastUpdatePostedDate + '-01' : p.lastUpdatePostedDate);
  const start = time(points[0]);
  const end = Math.max(time(points[points.length - 1]), Date.now());
  const max = Math.max(...points.map(p => p.count)) * 1.15 || 1;
  const x = t => left + (end === start ? 0 : (t - start) / (end - start)) * (width - left - right);
  const y = c => top + (1 - c / max) * (height - top - bottom);

  chart.append(svg('line', { x1: left, y1: y(0), x2: width - right, y2: y(0), class: 'axis' }));
  chart.append(svg('line', { x1: left, y1: top, x2: left, y2: y(0), class: 'axis' }));
  for (const tick of [0, 0.5, 1].map(f => Math.round(max / 1.15 * f))) {
    chart.append(svg('text', { x: left - 8, y: y(tick) + 4, class: 'tick', 'text-anchor': 'end' }, String(tick)));
  }
  for (const t of [start, end]) {
    chart.append(svg('text', { x: x(t), y: height - 14, class: 'tick', 'text-anchor': t === start ? 'start' : 'end' }, new Date(t).toISOString().slice(0, 10)));
  }

  const estimates = points.filter(p => p.type === 'ESTIMATED');
  const target = estimates[estimates.length - 1];
  if (target) {
    chart.append(svg('line', { x1: left, y1: y(target.count), x2: width - right, y2: y(target.count), class: 'target' }));
    chart.append(svg('text', { x: width - right, y: y(target.count) - 6, class: 'label', 'text-anchor': 'end' }, `target ${target.count}`));
  }

  let path = '';
  points.forEach((p, i) => {
    path += i === 0 ? `M ${x(time(p))} ${y(p.count)}` : ` H ${x(time(p))} V ${y(p.count)}`;
  });
  path += ` H ${x(end)}`;
  chart.append(svg('path', { d: path, class: 'enrollment' }));
  for (const p of points) {
    const dot = svg('circle', { cx: x(time(p)), cy: y(p.count), r: 5, class: p.type === 'ACTUAL' ? 'actual' : 'estimated' });
    dot.append(svg('title', {}, `${p.lastUpdatePostedDate}: ${p.count} (${(p.type ?? '').toLowerCase()})`));
    chart.append(dot);
  }
  // Each status change as a marker on the time axis.
  for (const change of statusChanges.filter(c => c.registryDate)) {
    const at = x(Math.min(Math.max(Date.parse(change.registryDate), start), end));
    chart.append(svg('line', { x1: at, y1: top, x2: at, y2: y(0), class: 'status-change' }));
    chart.append(svg('text', { x: at + 4, y: top + 10, class: 'tick' }, change.new ?? ''));
  }
  const first = points[0];
  chart.append(svg('text', { x: x(time(first)) + 8, y: y(first.count) + 20, class: 'label' }, `first estimate ${first.count}`));
  const last = points[points.length - 1];
  if (last.type === 'ACTUAL') {
    chart.append(svg('text', { x: x(time(last)) + 8, y: y(last.count) + 18, class: 'label' }, `actual ${last.count}`));
  }
  caption.textContent = `Enrollment as the registry showed it: first estimate ${first.count} (${first.lastUpdatePostedDate})` +
    (target ? `, target ${target.count} (${target.lastUpdatePostedDate})` : '') +
    (last.type === 'ACTUAL' ? `, actual ${last.count} (${last.lastUpdatePostedDate})` : '') +
    '. Hollow points are estimates, filled points actual counts.';
}

function changeTable(changes) {
  const body = document.querySelector('#changes tbody');
  body.replaceChildren(...changes.map(c => {
    const tr = element('tr');
    tr.append(element('td', c.registryDate), element('td', c.field), element('td', c.old ?? '—', 'old'), element('td', c.new ?? '—', 'new'),
      element('td', `${c.fromVersion} → ${c.toVersion}`, 'version'));
    return tr;
  }));
  document.getElementById('no-changes').hidden = changes.length > 0;
}

async function load() {
  document.getElementById('trial-id').textContent = nctId;
  const [detailResponse, changesResponse, versionsResponse] = await Promise.all([
    fetch(`/api/trials/${encodeURIComponent(nctId)}`), fetch(`/api/trials/${encodeURIComponent(nctId)}/changes`),
    fetch(`/api/trials/${encodeURIComponent(nctId)}/versions`)]);
  if (!detailResponse.ok) {
    showStatus(document.getElementById('trial-status'), 'failed', await problemText(detailResponse));
    return;
  }
  const detail = await detailResponse.json();
  document.getElementById('trial-id').textContent = detail.nctId; // as its registry writes it, whatever the address's case
  const changes = changesResponse.ok ? (await changesResponse.json()).changes : [];
  document.title = `TrialEvidence · ${detail.nctId}`;
  document.getElementById('trial-title').textContent = detail.record.briefTitle ?? '';
  facts(detail);
  statusTimeline(detail.record, changes);
  enrollmentChart(detail.enrollmentHistory, changes.filter(c => c.field === 'status'));
  changeTable(changes);
  normalised(detail);
  // In registry order: by the update date they carry (none first), then as stored.
  const versions = versionsResponse.ok ? await versionsResponse.json() : [];
  versionList(versions.sort((a, b) => (a.lastUpdatePostedDate ?? '').localeCompare(b.lastUpdatePostedDate ?? '') || a.id - b.id));
  document.getElementById('trial').hidden = false;
}

load();
