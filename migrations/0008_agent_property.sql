-- 0008: an intervention's agents can have properties ("bispecific": an antibody binding two
-- targets), kept apart from its targets, so that target=PD-1 finds a PD-1 x CTLA-4 bispecific
-- and a reviewer can still ask for bispecifics. SQLite cannot change a CHECK constraint, so the
-- table is rebuilt with the new field allowed; its rows are copied as they are.

CREATE TABLE intervention_values_new (
    nct_id   TEXT    NOT NULL REFERENCES studies (nct_id) ON DELETE CASCADE,
    ordinal  INTEGER NOT NULL,  -- the intervention's (interventions.ordinal)
    field    TEXT    NOT NULL CHECK (field IN ('agent', 'agent_class', 'target', 'rt_modality', 'partner_class', 'agent_property')),
    position INTEGER NOT NULL,  -- the value's place in the intervention's list of that field, from 0
    value    TEXT    NOT NULL,
    PRIMARY KEY (nct_id, ordinal, field, position)
) STRICT, WITHOUT ROWID;

INSERT INTO intervention_values_new (nct_id, ordinal, field, position, value)
SELECT nct_id, ordinal, field, position, value FROM intervention_values;

-- Rows normalised with an older vocabulary held "bispecific" as a target: it becomes the
-- property it is. (Their real targets, PD-1 and CTLA-4 for cadonilimab, come with 'renormalize'.)
UPDATE intervention_values_new SET field = 'agent_property', position = 0 WHERE field = 'target' AND value = 'bispecific';

DROP TABLE intervention_values;
ALTER TABLE intervention_values_new RENAME TO intervention_values;
CREATE INDEX ix_intervention_values_value ON intervention_values (field, value, nct_id);
