-- 0006: each normalised value of an intervention is a row of its own. The agent, agent_class,
-- target and partner_class columns held lists joined with ' + ' ("nivolumab + ipilimumab"),
-- which every reader had to split again; rows are filtered and counted with an index, and an
-- intervention can have any number of each. rt_modality (one per intervention) moves too, so
-- that every normalised intervention value is in one place.

CREATE TABLE intervention_values (
    nct_id   TEXT    NOT NULL REFERENCES studies (nct_id) ON DELETE CASCADE,
    ordinal  INTEGER NOT NULL,  -- the intervention's (interventions.ordinal)
    field    TEXT    NOT NULL CHECK (field IN ('agent', 'agent_class', 'target', 'rt_modality', 'partner_class')),
    position INTEGER NOT NULL,  -- the value's place in the intervention's list of that field, from 0
    value    TEXT    NOT NULL,
    PRIMARY KEY (nct_id, ordinal, field, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX ix_intervention_values_value ON intervention_values (field, value, nct_id);

-- Values normalised before this migration move over, split once here. ('renormalize' would
-- derive the same rows from the stored raw records.)
WITH RECURSIVE
    joined (nct_id, ordinal, field, list) AS (
        SELECT nct_id, ordinal, 'agent', agent FROM interventions WHERE agent IS NOT NULL
        UNION ALL SELECT nct_id, ordinal, 'agent_class', agent_class FROM interventions WHERE agent_class IS NOT NULL
        UNION ALL SELECT nct_id, ordinal, 'target', target FROM interventions WHERE target IS NOT NULL
        UNION ALL SELECT nct_id, ordinal, 'rt_modality', rt_modality FROM interventions WHERE rt_modality IS NOT NULL
        UNION ALL SELECT nct_id, ordinal, 'partner_class', partner_class FROM interventions WHERE partner_class IS NOT NULL),
    split (nct_id, ordinal, field, position, value, rest) AS (
        SELECT nct_id, ordinal, field, -1, NULL, list || ' + ' FROM joined
        UNION ALL
        SELECT nct_id, ordinal, field, position + 1,
               substr(rest, 1, instr(rest, ' + ') - 1),
               substr(rest, instr(rest, ' + ') + 3)
        FROM split WHERE rest <> '')
INSERT INTO intervention_values (nct_id, ordinal, field, position, value)
SELECT nct_id, ordinal, field, position, value FROM split WHERE value IS NOT NULL;

-- The interventions table keeps what the registry wrote. One rebuild rather than five
-- DROP COLUMNs, each of which would rewrite the table.
DROP INDEX ix_interventions_agent;
CREATE TABLE interventions_rebuilt (
    nct_id           TEXT    NOT NULL REFERENCES studies (nct_id) ON DELETE CASCADE,
    ordinal          INTEGER NOT NULL,
    type             TEXT,
    name             TEXT,
    description      TEXT,
    other_names      TEXT,   -- JSON array of strings, e.g. ["Opdivo","BMS-936558"]
    arm_group_labels TEXT,   -- JSON array of the arm labels this intervention belongs to
    PRIMARY KEY (nct_id, ordinal)
) STRICT, WITHOUT ROWID;
INSERT INTO interventions_rebuilt (nct_id, ordinal, type, name, description, other_names, arm_group_labels)
SELECT nct_id, ordinal, type, name, description, other_names, arm_group_labels FROM interventions;
DROP TABLE interventions;
ALTER TABLE interventions_rebuilt RENAME TO interventions;
