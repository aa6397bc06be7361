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
ALTER TABLE cases ADD COLUMN urgency_rank INTEGER NOT NULL DEFAULT 3;
ALTER TABLE cases ADD COLUMN risk_rank INTEGER NOT NULL DEFAULT 2;
ALTER TABLE cases ADD COLUMN waiting_since_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN answered_at_ms INTEGER;
ALTER TABLE cases ADD COLUMN assignee_id BLOB;
ALTER TABLE cases ADD COLUMN follow_up_ms INTEGER;

UPDATE cases SET
    urgency_rank = CASE urgency
        WHEN 'detained_now' THEN 0
        WHEN 'threat_to_life' THEN 1
        WHEN 'within_days' THEN 2
        ELSE 3 END,
    waiting_since_ms = created_at_ms,
    -- A case staff recorded themselves waits for nobody's answer.
    answered_at_ms = CASE WHEN codename_digest IS NULL THEN created_at_ms END;

-- The queue in its order: a page of it is read from the index.
CREATE INDEX cases_triage ON cases (organization_id, urgency_rank, risk_rank,
    waiting_since_ms, id) WHERE status <> 'closed';
-- The cases still waiting for a first answer, by how long. The overdue are
-- those unanswered (counted in `triage_tally`) less the recent ones, a short
-- range of this index: what is counted per view is what arrived within the
-- time targets, not the backlog.
CREATE INDEX cases_unanswered ON cases (organization_id, urgency_rank, waiting_since_ms)
    WHERE status <> 'closed' AND answered_at_ms IS NULL;

-- The queue's counts by urgency (open, nobody assigned, not answered), kept by
-- the triggers below in the same
-- transaction as every write to `cases`, whichever statement makes it: counting
-- 100,000 open cases on every view would cost the page its time.
CREATE TABLE triage_tally (
    organization_id BLOB NOT NULL,
    urgency_rank INTEGER NOT NULL,
    open INTEGER NOT NULL,
    unassigned INTEGER NOT NULL,
    unanswered INTEGER NOT NULL,
    PRIMARY KEY (organization_id, urgency_rank)
);
INSERT INTO triage_tally (organization_id, urgency_rank, open, unassigned, unanswered)
    SELECT organization_id, urgency_rank, COUNT(*),
        SUM(CASE WHEN assignee_id IS NULL THEN 1 ELSE 0 END),
        SUM(CASE WHEN answered_at_ms IS NULL THEN 1 ELSE 0 END)
    FROM cases WHERE status <> 'closed' GROUP BY organization_id, urgency_rank;

CREATE TRIGGER triage_tally_insert AFTER INSERT ON cases WHEN NEW.status <> 'closed'
BEGIN
    INSERT INTO triage_tally (organization_id, urgency_rank, open, unassigned, unanswered)
        VALUES (NEW.organization_id, NEW.urgency_rank, 1, NEW.assignee_id IS NULL,
            NEW.answered_at_ms IS NULL)
        ON CONFLICT (organization_id, urgency_rank) DO UPDATE SET
            open = open + 1, unassigned = unassigned + excluded.unassigned,
            unanswered = unanswered + excluded.unanswered;
END;
CREATE TRIGGER triage_tally_delete AFTER DELETE ON cases WHEN OLD.status <> 'closed'
BEGIN
    UPDATE triage_tally SET open = open - 1, unassigned = unassigned - (OLD.assignee_id IS NULL),
        unanswered = unanswered - (OLD.answered_at_ms IS NULL)
        WHERE organization_id = OLD.organization_id AND urgency_rank = OLD.urgency_rank;
END;
CREATE TRIGGER triage_tally_update
    AFTER UPDATE OF status, urgency_rank, assignee_id, answered_at_ms ON cases
BEGIN
    UPDATE triage_tally SET open = open - 1, unassigned = unassigned - (OLD.assignee_id IS NULL),
        unanswered = unanswered - (OLD.answered_at_ms IS NULL)
        WHERE organization_id = OLD.organization_id AND urgency_rank = OLD.urgency_rank
        AND OLD.status <> 'closed';
    INSERT INTO triage_tally (organization_id, urgency_rank, open, unassigned, unanswered)
        SELECT NEW.organization_id, NEW.urgency_rank, 1, NEW.assignee_id IS NULL,
            NEW.answered_at_ms IS NULL
        WHERE NEW.status <> 'closed'
        ON CONFLICT (organization_id, urgency_rank) DO UPDATE SET
            open = open + 1, unassigned = unassigned + excluded.unassigned,
            unanswered = unanswered + excluded.unanswered;
END;
-- An organisation's own time targets (hours to a first answer, by urgency); the
-- defaults of `core::triage::TimeTargets` when it has none.
CREATE TABLE time_targets (
    organization_id BLOB NOT NULL PRIMARY KEY,
    detained_now INTEGER NOT NULL,
    threat_to_life INTEGER NOT NULL,
    within_days INTEGER NOT NULL,
    not_urgent INTEGER NOT NULL
);
