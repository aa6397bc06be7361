-- Case work: the triage queue, assignments, assessed risk and follow-ups.
--
-- What the queue sorts and counts on is kept in clear beside the case, as its
-- country and urgency are, so the queue is read without opening any case:
-- * `urgency_rank`: the urgency's place, most urgent first (0 to 3);
-- * `risk_rank`: the latest assessment's place (0 critical, 1 high, 2 not
--   assessed yet, 3 medium, 4 low; `core::triage::risk_rank`);
-- * `waiting_since_ms`: since when the case waits for an answer (its arrival, or
--   the defender's latest new risk); `answered_at_ms`: when the organisation
--   answered since then (a message, a decision), NULL while it has not;
-- * `assignee_id`: the caseworker it is assigned to, NULL in the shared queue;
-- * `follow_up_ms`: when it is next due for a follow-up, NULL when none is set.
-- None of them is bound to the content: a database writer could reorder the
-- queue, not read or change a case. What the assessment found is sealed in its
-- entry (`case_entries`), and the case page shows that.
ALTER TABLE cases ADD COLUMN urgency_rank BIGINT NOT NULL DEFAULT 3;
ALTER TABLE cases ADD COLUMN risk_rank BIGINT NOT NULL DEFAULT 2;
ALTER TABLE cases ADD COLUMN waiting_since_ms BIGINT NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN answered_at_ms BIGINT;
ALTER TABLE cases ADD COLUMN assignee_id UUID;
ALTER TABLE cases ADD COLUMN follow_up_ms BIGINT;

UPDATE cases SET
    urgency_rank = CASE urgency
        WHEN 'detained_now' THEN 0
        WHEN 'threat_to_life' THEN 1
        WHEN 'within_days' THEN 2
        ELSE 3 END,
    waiting_since_ms = created_at_ms,
    -- A case staff recorded themselves waits for nobody's answer.
    answered_at_ms = CASE WHEN codename_digest IS NULL THEN created_at_ms END;

-- The queue in its order, with what its counts need: read from the index alone.
CREATE INDEX cases_triage ON cases (organization_id, urgency_rank, risk_rank,
    waiting_since_ms, id, assignee_id, answered_at_ms) WHERE status <> 'closed';
CREATE INDEX cases_follow_up ON cases (organization_id, follow_up_ms)
    WHERE follow_up_ms IS NOT NULL;

-- An organisation's own time targets (hours to a first answer, by urgency); the
-- defaults of `core::triage::TimeTargets` when it has none.
CREATE TABLE time_targets (
    organization_id UUID NOT NULL PRIMARY KEY,
    detained_now BIGINT NOT NULL,
    threat_to_life BIGINT NOT NULL,
    within_days BIGINT NOT NULL,
    not_urgent BIGINT NOT NULL
);
