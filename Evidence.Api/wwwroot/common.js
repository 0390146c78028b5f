// What every page shares: building elements, the registry's codes as people read them, problem
// responses as one line, and the change-feed's field names.

export function element(name, text, className) {
  const node = document.createElement(name);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** A link; opens beside the page (with no access back to it) when external. */
export function link(href, text, { className, external } = {}) {
  const a = element('a', text, className);
  a.href = href;
  if (external) {
    a.target = '_blank';
    a.rel = 'noopener';
  }
  return a;
}

const statusLabels = {
  NOT_YET_RECRUITING: 'Not yet recruiting', RECRUITING: 'Recruiting', ENROLLING_BY_INVITATION: 'Enrolling by invitation',
  ACTIVE_NOT_RECRUITING: 'Active, not recruiting', SUSPENDED: 'Suspended', TERMINATED: 'Terminated', COMPLETED: 'Completed',
  WITHDRAWN: 'Withdrawn', UNKNOWN: 'Unknown status', AVAILABLE: 'Available', NO_LONGER_AVAILABLE: 'No longer available',
  TEMPORARILY_NOT_AVAILABLE: 'Temporarily not available', APPROVED_FOR_MARKETING: 'Approved for marketing', WITHHELD: 'Withheld',
};

export const statusLabel = status => statusLabels[status] ?? status;

/** One phase code as the review's tables write it: "Phase 2", "Early Phase 1", "Not applicable". */
export function phaseCodeLabel(phase) {
  if (phase === 'NA') return 'Not applicable';
  if (phase === 'EARLY_PHASE1') return 'Early Phase 1';
  return phase.replace('PHASE', 'Phase ');
}

/** A trial's phases: "Phase 2", "Phase 1/2", "Not applicable". */
export function phaseLabel(phases) {
  if (phases.length === 0) return '—';
  if (phases.length === 2 && phases.every(p => p.startsWith('PHASE'))) return `Phase ${phases[0].slice(5)}/${phases[1].slice(5)}`;
  return phases.map(phaseCodeLabel).join('/');
}

/** A problem+json response as one sentence: its title, then its detail or the errors by parameter. */
export async function problemText(response) {
  try {
    const problem = await response.json();
    const errors = Object.entries(problem.errors ?? {}).map(([name, messages]) => `${name}: ${messages.join(' ')}`);
    return `${problem.title ?? response.statusText}: ${problem.detail ?? errors.join('; ')}`;
  } catch {
    return `${response.status} ${response.statusText}`;
  }
}

/** The fields of a change, in the order pages list them (as /api/changes names them). */
export const changeFields = ['status', 'whyStopped', 'enrollment.count', 'enrollment.type', 'startDate', 'primaryCompletionDate', 'completionDate',
  'phase', 'sponsor', 'interventions', 'arms', 'primaryOutcomes', 'secondaryOutcomes', 'sites', 'eligibility'];

/** A form's fields as query parameters: each non-empty value, trimmed, under its name (a repeated name for several). */
export function formParams(form) {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    const text = String(value).trim();
    if (text !== '') params.append(name, text);
  }
  return params;
}

/** A status box's text and kind (running, retrying, failed); hidden without text. */
export function showStatus(box, kind, text) {
  box.className = 'status ' + kind;
  box.textContent = text ?? '';
  box.hidden = !text;
}

/** "2026-12-04 14:08 UTC" from an ISO time. */
export const when = iso => (iso ? iso.slice(0, 16).replace('T', ' ') + ' UTC' : '');
