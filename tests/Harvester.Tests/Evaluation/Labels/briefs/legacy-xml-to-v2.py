#!/usr/bin/env python3
"""legacy-xml-to-v2.py IN.xml OUT.json : a ClinicalTrials.gov legacy record (<clinical_study>) as API v2 JSON.
Deterministic field mapping, so that a copied record can be checked against its source: text blocks
keep their paragraphs (blank lines) and bullets ("-" becomes v2's "* "), and the export's line wraps
are joined. Fields the legacy format lacks are left out; MeSH terms carry no ids."""
import sys, json, re
import xml.etree.ElementTree as ET

def txt(e, path):
    x = e.find(path)
    return None if x is None or x.text is None else x.text.strip()

BULLET = re.compile(r'^(?:[-*\u2022o]\s+|\d{1,2}[.)]\s+|[a-zA-Z][.)]\s+|\(\w{1,3}\)\s+)')
def block(e, path):
    x = e.find(path)
    if x is None: return None
    t = x.findtext('textblock') if x.find('textblock') is not None else x.text
    if t is None: return None
    # the legacy export wraps every line at ~100 columns (each ending in &#xD;); a blank line
    # is a paragraph break and a bullet starts a new line. Bullets "-" become v2's "* ".
    lines = t.replace('\r', '').split('\n')
    paras, cur, base = [], [], None
    for raw in lines:
        s = raw.strip()
        if not s:
            if cur: paras.append(cur); cur = []
            continue
        ind = len(raw) - len(raw.lstrip(' '))
        m = BULLET.match(s)
        if m:
            if base is None or ind < base: base = ind
            lead = '  ' if ind > base + 1 else ''
            s = (lead + '* ' + s[m.end():]) if s[0] in '-*\u2022' or (s[0] == 'o' and s[1] == ' ') else lead + s
            cur.append(s)
        elif cur:
            cur[-1] = cur[-1] + ' ' + s
        else:
            cur.append(s)
    if cur: paras.append(cur)
    r = '\n\n'.join('\n'.join(re.sub(r' {2,}', ' ', l) if not l.startswith('  * ') else '  ' + re.sub(r' {2,}', ' ', l[2:]) for l in p) for p in paras)
    return r.strip() or None

MONTHS = {m: i for i, m in enumerate(['January','February','March','April','May','June','July','August','September','October','November','December'], 1)}
def date(s):
    if not s: return None
    m = re.match(r'(\w+) (\d+), (\d{4})$', s)
    if m: return f'{int(m.group(3)):04d}-{MONTHS[m.group(1)]:02d}-{int(m.group(2)):02d}'
    m = re.match(r'(\w+) (\d{4})$', s)
    if m: return f'{int(m.group(2)):04d}-{MONTHS[m.group(1)]:02d}'
    return s

def dstruct(e, path):
    x = e.find(path)
    if x is None or not (x.text or '').strip(): return None
    d = {'date': date(x.text.strip())}
    t = x.get('type')
    if t: d['type'] = {'Actual': 'ACTUAL', 'Anticipated': 'ESTIMATED', 'Estimate': 'ESTIMATED', 'Estimated': 'ESTIMATED'}.get(t, t.upper())
    return d

def enum(s):
    return None if s is None else re.sub(r'[^A-Z0-9]+', '_', s.upper()).strip('_')

STATUS = {'Unknown status': 'UNKNOWN'}
SPONSOR = {'Other': 'OTHER', 'Industry': 'INDUSTRY', 'NIH': 'NIH', 'U.S. Fed': 'FED', 'Other U.S. Federal agency': 'OTHER_GOV', 'Individual': 'INDIV', 'Network': 'NETWORK', 'Unknown': 'UNKNOWN'}
ARM = {'Experimental': 'EXPERIMENTAL', 'Active Comparator': 'ACTIVE_COMPARATOR', 'Placebo Comparator': 'PLACEBO_COMPARATOR', 'Sham Comparator': 'SHAM_COMPARATOR', 'No Intervention': 'NO_INTERVENTION', 'Other': 'OTHER'}
MODEL = {'Single Group Assignment': 'SINGLE_GROUP', 'Parallel Assignment': 'PARALLEL', 'Crossover Assignment': 'CROSSOVER', 'Factorial Assignment': 'FACTORIAL', 'Sequential Assignment': 'SEQUENTIAL'}

def phases(s):
    if not s: return None
    if s in ('N/A', 'Not Applicable'): return ['NA']
    return [('EARLY_PHASE1' if p.strip() == 'Early Phase 1' else 'PHASE' + p.strip().split()[-1]) for p in s.split('/')]

def put(d, k, v):
    if v not in (None, [], {}, ''): d[k] = v

def convert(root):
    p = {}
    ident = {}
    put(ident, 'nctId', txt(root, 'id_info/nct_id'))
    org = txt(root, 'id_info/org_study_id')
    if org: ident['orgStudyIdInfo'] = {'id': org}
    sec = [{'id': x.text.strip()} for x in root.findall('id_info/secondary_id') if x.text]
    put(ident, 'secondaryIdInfos', sec)
    put(ident, 'briefTitle', txt(root, 'brief_title'))
    put(ident, 'officialTitle', txt(root, 'official_title'))
    put(ident, 'acronym', txt(root, 'acronym'))
    p['identificationModule'] = ident
    st = {}
    vd = txt(root, 'verification_date'); put(st, 'statusVerifiedDate', date(vd))
    s = txt(root, 'overall_status'); put(st, 'overallStatus', STATUS.get(s, enum(s)))
    put(st, 'whyStopped', txt(root, 'why_stopped'))
    put(st, 'startDateStruct', dstruct(root, 'start_date'))
    put(st, 'primaryCompletionDateStruct', dstruct(root, 'primary_completion_date'))
    put(st, 'completionDateStruct', dstruct(root, 'completion_date'))
    put(st, 'studyFirstSubmitDate', date(txt(root, 'study_first_submitted')))
    put(st, 'studyFirstPostDateStruct', dstruct(root, 'study_first_posted'))
    put(st, 'lastUpdateSubmitDate', date(txt(root, 'last_update_submitted')))
    put(st, 'lastUpdatePostDateStruct', dstruct(root, 'last_update_posted'))
    p['statusModule'] = st
    sp = {}
    rp = root.find('responsible_party')
    if rp is not None:
        r = {}
        t = txt(rp, 'responsible_party_type')
        put(r, 'type', {'Principal Investigator': 'PRINCIPAL_INVESTIGATOR', 'Sponsor': 'SPONSOR', 'Sponsor-Investigator': 'SPONSOR_INVESTIGATOR'}.get(t, enum(t)))
        put(r, 'investigatorFullName', txt(rp, 'investigator_full_name'))
        put(r, 'investigatorTitle', txt(rp, 'investigator_title'))
        put(r, 'investigatorAffiliation', txt(rp, 'investigator_affiliation'))
        put(sp, 'responsibleParty', r)
    ls = root.find('sponsors/lead_sponsor')
    if ls is not None:
        sp['leadSponsor'] = {'name': txt(ls, 'agency'), 'class': SPONSOR.get(txt(ls, 'agency_class'), enum(txt(ls, 'agency_class')))}
    col = [{'name': txt(c, 'agency'), 'class': SPONSOR.get(txt(c, 'agency_class'), enum(txt(c, 'agency_class')))} for c in root.findall('sponsors/collaborator')]
    put(sp, 'collaborators', col)
    p['sponsorCollaboratorsModule'] = sp
    de = {}
    put(de, 'briefSummary', block(root, 'brief_summary'))
    put(de, 'detailedDescription', block(root, 'detailed_description'))
    put(p, 'descriptionModule', de)
    co = {}
    put(co, 'conditions', [x.text.strip() for x in root.findall('condition') if x.text])
    put(co, 'keywords', [x.text.strip() for x in root.findall('keyword') if x.text])
    put(p, 'conditionsModule', co)
    dm = {}
    put(dm, 'studyType', enum(txt(root, 'study_type')))
    put(dm, 'phases', phases(txt(root, 'phase')))
    di = {}
    sd = root.find('study_design_info')
    if sd is not None:
        a = txt(sd, 'allocation'); put(di, 'allocation', {'Randomized': 'RANDOMIZED', 'Non-Randomized': 'NON_RANDOMIZED', 'N/A': 'NA'}.get(a, enum(a)))
        m = txt(sd, 'intervention_model'); put(di, 'interventionModel', MODEL.get(m, enum(m)))
        put(di, 'interventionModelDescription', txt(sd, 'intervention_model_description'))
        put(di, 'primaryPurpose', enum(txt(sd, 'primary_purpose')))
        mk = txt(sd, 'masking')
        if mk:
            mm = re.match(r'(\w+)', mk).group(1).upper()
            put(di, 'maskingInfo', {'masking': mm})
    put(dm, 'designInfo', di)
    en = root.find('enrollment')
    if en is not None and en.text:
        e = {'count': int(en.text.strip())}
        if en.get('type'): e['type'] = {'Actual': 'ACTUAL', 'Anticipated': 'ESTIMATED', 'Estimate': 'ESTIMATED'}.get(en.get('type'), en.get('type').upper())
        dm['enrollmentInfo'] = e
    p['designModule'] = dm
    ai = {}
    ivs = []
    names = {}
    for iv in root.findall('intervention'):
        t = txt(iv, 'intervention_type'); n = txt(iv, 'intervention_name')
        d = {'type': enum(t), 'name': n}
        put(d, 'description', block(iv, 'description') if iv.find('description/textblock') is not None else txt(iv, 'description'))
        labels = [x.text.strip() for x in iv.findall('arm_group_label') if x.text]
        put(d, 'armGroupLabels', labels)
        put(d, 'otherNames', [x.text.strip() for x in iv.findall('other_name') if x.text])
        for l in labels: names.setdefault(l, []).append(f'{t}: {n}')
        ivs.append(d)
    arms = []
    for ag in root.findall('arm_group'):
        l = txt(ag, 'arm_group_label')
        d = {'label': l}
        put(d, 'type', ARM.get(txt(ag, 'arm_group_type'), enum(txt(ag, 'arm_group_type'))))
        put(d, 'description', txt(ag, 'description'))
        put(d, 'interventionNames', names.get(l, []))
        arms.append(d)
    put(ai, 'armGroups', arms); put(ai, 'interventions', ivs)
    put(p, 'armsInterventionsModule', ai)
    om = {}
    for tag, key in (('primary_outcome', 'primaryOutcomes'), ('secondary_outcome', 'secondaryOutcomes'), ('other_outcome', 'otherOutcomes')):
        lst = []
        for o in root.findall(tag):
            d = {'measure': txt(o, 'measure')}
            put(d, 'description', txt(o, 'description')); put(d, 'timeFrame', txt(o, 'time_frame'))
            lst.append(d)
        put(om, key, lst)
    put(p, 'outcomesModule', om)
    el = {}
    e = root.find('eligibility')
    if e is not None:
        put(el, 'eligibilityCriteria', block(e, 'criteria'))
        hv = txt(e, 'healthy_volunteers')
        if hv: el['healthyVolunteers'] = hv.startswith('Accepts')
        g = txt(e, 'gender'); put(el, 'sex', {'All': 'ALL', 'Male': 'MALE', 'Female': 'FEMALE'}.get(g, enum(g)))
        for k, t in (('minimumAge', 'minimum_age'), ('maximumAge', 'maximum_age')):
            v = txt(e, t)
            if v and v != 'N/A': el[k] = v
    put(p, 'eligibilityModule', el)
    cl = {}
    offs = []
    for o in root.findall('overall_official'):
        d = {}
        put(d, 'name', txt(o, 'last_name')); put(d, 'affiliation', txt(o, 'affiliation')); put(d, 'role', enum(txt(o, 'role')))
        offs.append(d)
    put(cl, 'overallOfficials', offs)
    locs = []
    for l in root.findall('location'):
        d = {}
        put(d, 'facility', txt(l, 'facility/name'))
        put(d, 'status', enum(txt(l, 'status')))
        put(d, 'city', txt(l, 'facility/address/city')); put(d, 'state', txt(l, 'facility/address/state'))
        put(d, 'zip', txt(l, 'facility/address/zip')); put(d, 'country', txt(l, 'facility/address/country'))
        locs.append(d)
    put(cl, 'locations', locs)
    put(p, 'contactsLocationsModule', cl)
    out = {'protocolSection': p}
    dv = {}
    for tag, key in (('condition_browse', 'conditionBrowseModule'), ('intervention_browse', 'interventionBrowseModule')):
        ms = [{'term': x.text.strip()} for x in root.findall(tag + '/mesh_term') if x.text]
        if ms: dv[key] = {'meshes': ms}
    if dv: out['derivedSection'] = dv
    out['hasResults'] = root.find('clinical_results') is not None
    return out

if __name__ == '__main__':
    root = ET.parse(sys.argv[1]).getroot()
    assert root.tag == 'clinical_study', root.tag
    json.dump(convert(root), open(sys.argv[2], 'w'), indent=2, ensure_ascii=False)
    print('wrote', sys.argv[2])
