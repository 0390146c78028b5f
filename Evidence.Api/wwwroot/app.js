// The Table 1 page: filters -> /api/table1 (rows) and /api/trials (facet values), exports as links.
const form = document.getElementById('filters');
const body = document.querySelector('#table1 tbody');
const facetFields = ['topic', 'status', 'phase', 'setting', 'target', 'agent', 'modality', 'endpoint', 'country'];

function query() {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (value.trim() !== '') params.append(name, value.trim());
  }
  return params;
}

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text ?? '';
  return td;
}

async function load() {
  const params = query();
  // The filters live in the address too, so a filtered view can be bookmarked or sent.
  history.replaceState(null, '', params.size > 0 ? '?' + params : location.pathname);
  const response = await fetch('/api/table1?' + params, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const problem = await response.json();
    showStatus('failed', problem.title + ': ' + Object.values(problem.errors ?? {}).flat().join(' ') );
    return;
  }
  const table = await response.json();
  body.replaceChildren(...table.rows.map(row => {
    const tr = document.createElement('tr');
    // The trial's own page (its values, versions and changes), with the registry record beside.
    const nct = document.createElement('td');
    const link = document.createElement('a');
    link.href = '/trials/' + encodeURIComponent(row.nctNumber);
    link.textContent = row.nctNumber;
    const registry = document.createElement('a');
    registry.href = row.registryUrl;
    registry.textContent = 'registry';
    registry.className = 'registry';
    registry.target = '_blank';
    registry.rel = 'noopener';
    nct.append(link, ' ', registry);
    if (table.comparison?.newSince.includes(row.nctNumber)) nct.append(' *');
    // With compareTo, a cell that changed since then is marked, its value then beneath.
    const changes = table.comparison?.changed[row.nctNumber] ?? [];
    const marked = (column, text) => {
      const td = cell(text);
      const change = changes.find(c => c.column === column);
      if (change) {
        td.className = 'changed';
        const was = document.createElement('span');
        was.className = 'was';
        was.textContent = `${table.comparison.comparedTo}: ${change.then ?? '(empty)'}`;
        td.append(was);
      }
      return td;
    };
    tr.append(nct, marked('Institution', row.institution), marked('Phase', row.phase), marked('Disease', row.disease),
      marked('Intervention', row.intervention), marked('Enrollment', row.enrollment), marked('Primary endpoint', row.primaryEndpoint),
      marked('Status', row.status));
    const version = cell(row.recordVersion);
    version.className = 'version';
    tr.append(version);
    return tr;
  }));
  const when = (table.asOf ? ` as the registry stood on ${table.asOf}` : '') + (table.comparison ? `; ${table.comparison.note}` : '');
  document.getElementById('count').textContent = (table.total > table.rows.length
    ? `${table.rows.length} of ${table.total} trials (narrow the filters, or export with a higher limit=)`
    : `${table.rows.length} trial${table.rows.length === 1 ? '' : 's'}`) + when;
  const empty = document.getElementById('empty');
  empty.textContent = [...params.keys()].length > 0 ? 'No trials match these filters.' : 'No trials in the evidence database yet.';
  empty.hidden = table.rows.length > 0;
  for (const link of document.querySelectorAll('#exports a[data-format]')) {
    const exportParams = new URLSearchParams(params);
    exportParams.set('format', link.dataset.format);
    link.href = '/api/table1?' + exportParams;
  }
  await harvestStatus(table.rows.length === 0);
}

const classFilters = { target: 'any ICI', modality: 'any RT' };

async function loadFacets() {
  const response = await fetch('/api/trials?pageSize=1');
  if (!response.ok) return;
  const page = await response.json();
  for (const field of facetFields) {
    const select = form.elements[field];
    const current = select.value;
    // 'any' is no filter; the class filters (target=any, modality=any) ask for trials that give any ICI or any RT.
    const classFilter = classFilters[field] ? [new Option(classFilters[field], 'any')] : [];
    select.replaceChildren(new Option('any', ''), ...classFilter, ...(page.facets[field] ?? []).map(f => new Option(`${f.value} (${f.count})`, f.value)));
    select.value = current;
  }
}

function showStatus(kind, text) {
  const box = document.getElementById('harvest-status');
  box.className = 'status ' + kind;
  box.textContent = text;
  box.hidden = false;
}

// With nothing to show, say why: a harvest in progress, or one that failed (e.g. offline).
async function harvestStatus(empty) {
  const box = document.getElementById('harvest-status');
  const response = await fetch('/api/harvests?limit=1');
  const runs = response.ok ? await response.json() : [];
  const run = runs[0];
  if (run && run.outcome === 'running' && run.retrying) {
    showStatus('retrying', `Harvesting “${run.topic}” from ClinicalTrials.gov: retrying, ${run.retrying}. ` +
      `${run.pages} page(s) stored so far. This page refreshes by itself.`);
    setTimeout(() => { loadFacets(); load(); }, 5000);
  } else if (run && run.outcome === 'running') {
    const total = run.totalCount ? ` of ${run.totalCount}` : '';
    showStatus('running', `Harvesting “${run.topic}” from ClinicalTrials.gov: ${run.pages} page(s) stored, ` +
      `${run.studiesNew + run.studiesChanged + run.studiesUnchanged}${total} studies so far. This page refreshes by itself.`);
    setTimeout(() => { loadFacets(); load(); }, 5000);
  } else if (run && run.outcome === 'failed' && empty) {
    showStatus('failed', `The last harvest of “${run.topic}” failed: ${run.error}. It will be tried again at the next scheduled time.`);
  } else if (!run && empty) {
    showStatus('running', 'No harvest has run yet. The configured topics are harvested at start-up.');
    setTimeout(() => { loadFacets(); load(); }, 5000);
  } else {
    box.hidden = true;
  }
}

// A bookmarked view: the address's filters fill the form once the selects have their values.
function fromAddress() {
  for (const [name, value] of new URLSearchParams(location.search)) {
    const field = form.elements[name];
    if (field) field.value = value;
  }
}

form.addEventListener('submit', event => { event.preventDefault(); load(); });
form.addEventListener('reset', () => setTimeout(load, 0));
loadFacets().then(fromAddress).then(load);
