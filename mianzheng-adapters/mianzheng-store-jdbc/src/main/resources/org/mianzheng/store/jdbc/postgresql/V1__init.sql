-- mianzheng JDBC stores, schema version 1 (PostgreSQL 12+).
--
-- Run by the built-in runner (SchemaMigrator) or by your own migration tool (Flyway, Liquibase, psql -1 -f ...).
-- Each script records itself in mz_schema_version, whichever tool runs it, so that the library can check at start
-- that the schema is the version it knows. Run it in one transaction.
--
-- Instants are BIGINT nanoseconds since 1970-01-01T00:00:00Z (exact; the audit hash covers nanoseconds).
-- Personal data (applicants' identity numbers and names) is kept in mz_case, mz_consent and mz_work_order: protect
-- the database and its backups accordingly.

CREATE TABLE IF NOT EXISTS mz_schema_version (
    version      INTEGER PRIMARY KEY,
    description  VARCHAR(200) NOT NULL,
    installed_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);

-- catalog filings (Art. 16), replayed at start-up; changes in CatalogCodec format changes_format
CREATE TABLE mz_catalog_filing (
    seq             BIGINT PRIMARY KEY,
    filed_at_ns     BIGINT NOT NULL,
    department_code VARCHAR(64) NOT NULL,
    operator_id     VARCHAR(64) NOT NULL,
    reason          TEXT NOT NULL,
    legal_basis     TEXT NOT NULL,
    changes_format  INTEGER NOT NULL,
    changes         TEXT NOT NULL
);

-- operator accounts (Art. 9), their history and department liaisons
CREATE TABLE mz_operator (
    id                 VARCHAR(64) PRIMARY KEY,
    name               TEXT NOT NULL,
    department_code    VARCHAR(64) NOT NULL,
    window_id          VARCHAR(64),
    roles              VARCHAR(400) NOT NULL,
    registered_at_ns   BIGINT NOT NULL,
    deregistered_at_ns BIGINT
);

CREATE TABLE mz_account_event (
    pos         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        VARCHAR(40) NOT NULL,
    operator_id VARCHAR(64) NOT NULL,
    at_ns       BIGINT NOT NULL,
    recorded_by VARCHAR(64) NOT NULL,
    reported_to TEXT NOT NULL,
    note        TEXT NOT NULL
);

CREATE TABLE mz_liaison (
    department_code VARCHAR(64) PRIMARY KEY,
    operator_id     VARCHAR(64) NOT NULL
);

-- cases and voluntary submissions (Art. 4)
CREATE TABLE mz_case (
    biz_no            VARCHAR(64) PRIMARY KEY,
    item_code         VARCHAR(64) NOT NULL,
    applicant_kind    VARCHAR(20) NOT NULL,
    applicant_id_type VARCHAR(40) NOT NULL,
    applicant_id      VARCHAR(64) NOT NULL,
    applicant_name    TEXT NOT NULL,
    declared          TEXT NOT NULL,
    window_id         VARCHAR(64) NOT NULL,
    operator_id       VARCHAR(64) NOT NULL,
    opened_at_ns      BIGINT NOT NULL
);

CREATE TABLE mz_voluntary_submission (
    pos            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    biz_no         VARCHAR(64) NOT NULL,
    material_code  VARCHAR(64) NOT NULL,
    operator_id    VARCHAR(64) NOT NULL,
    received_at_ns BIGINT NOT NULL,
    planned        VARCHAR(20) NOT NULL,
    note           TEXT NOT NULL
);
CREATE INDEX mz_voluntary_submission_biz_no ON mz_voluntary_submission (biz_no, pos);

-- on-site consents (Art. 10)
CREATE TABLE mz_consent (
    id                VARCHAR(64) PRIMARY KEY,
    pos               BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    biz_no            VARCHAR(64) NOT NULL,
    item_code         VARCHAR(64) NOT NULL,
    applicant_id_type VARCHAR(40) NOT NULL,
    applicant_id      VARCHAR(64) NOT NULL,
    operator_id       VARCHAR(64) NOT NULL,
    window_id         VARCHAR(64) NOT NULL,
    material_codes    TEXT NOT NULL,
    purpose           TEXT NOT NULL,
    method            VARCHAR(40) NOT NULL,
    evidence_ref      TEXT NOT NULL,
    evidence_sha256   CHAR(64) NOT NULL,
    granted_at_ns     BIGINT NOT NULL,
    expires_at_ns     BIGINT NOT NULL,
    revoked_at_ns     BIGINT,
    revoked_by        TEXT
);
CREATE INDEX mz_consent_biz_no ON mz_consent (biz_no, pos);

-- the audit chain: one linear hash chain; the primary key on seq makes concurrent writers conflict
CREATE TABLE mz_audit_event (
    seq           BIGINT PRIMARY KEY,
    at_ns         BIGINT NOT NULL,
    type          VARCHAR(40) NOT NULL,
    actor         TEXT NOT NULL,
    biz_no        TEXT,
    subject       TEXT,
    detail        TEXT NOT NULL,
    previous_hash CHAR(64) NOT NULL,
    hash          CHAR(64) NOT NULL
);

-- violations (Art. 11)
CREATE TABLE mz_violation (
    id          VARCHAR(64) PRIMARY KEY,
    pos         BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    at_ns       BIGINT NOT NULL,
    kind        VARCHAR(40) NOT NULL,
    operator_id VARCHAR(64) NOT NULL,
    biz_no      VARCHAR(64),
    refused     BOOLEAN NOT NULL,
    detail      TEXT NOT NULL
);
CREATE INDEX mz_violation_at ON mz_violation (at_ns, pos);

-- work orders (Art. 10(二)(三)); is_open is false once the state is terminal
CREATE TABLE mz_work_order (
    id                  VARCHAR(64) PRIMARY KEY,
    version             BIGINT NOT NULL,
    kind                VARCHAR(40) NOT NULL,
    origin              VARCHAR(20) NOT NULL,
    complexity          VARCHAR(20) NOT NULL,
    state               VARCHAR(20) NOT NULL,
    is_open             BOOLEAN NOT NULL,
    item_code           VARCHAR(64) NOT NULL,
    biz_no              VARCHAR(64) NOT NULL,
    material_code       VARCHAR(64) NOT NULL,
    material_name       TEXT NOT NULL,
    to_department       VARCHAR(64) NOT NULL,
    applicant_id_type   VARCHAR(40) NOT NULL,
    applicant_id        VARCHAR(64) NOT NULL,
    applicant_name      TEXT NOT NULL,
    requested_by        TEXT NOT NULL,
    purpose             TEXT NOT NULL,
    created_at_ns       BIGINT NOT NULL,
    rule_version        INTEGER NOT NULL,
    answer_due_ns       BIGINT NOT NULL,
    return_due_ns       BIGINT NOT NULL,
    provisional         BOOLEAN NOT NULL,
    accepted_at_ns      BIGINT,
    closed_at_ns        BIGINT,
    closed_by           TEXT,
    result_type         VARCHAR(10),
    result              BYTEA,
    return_reason       TEXT,
    transfer_suggestion TEXT,
    transferred_from    VARCHAR(64),
    transferred_to      VARCHAR(64),
    external_id         TEXT
);
CREATE INDEX mz_work_order_open ON mz_work_order (created_at_ns) WHERE is_open;
CREATE INDEX mz_work_order_created ON mz_work_order (created_at_ns);

-- the SLA schedule and notification outbox: one row per notification id. Scheduled actions have a due time and
-- are claimed with a lease (claimed_by, lease_until_ns) before they are sent; sent_at_ns marks them done. Rows
-- without due_at_ns are notifications only recorded as sent (result pushes, calendar alarms).
CREATE TABLE mz_notification (
    id             VARCHAR(300) PRIMARY KEY,
    order_id       VARCHAR(64) REFERENCES mz_work_order (id),
    action         VARCHAR(64),
    due_at_ns      BIGINT,
    kind           VARCHAR(20),
    recipient      VARCHAR(30),
    claimed_by     VARCHAR(200),
    lease_until_ns BIGINT,
    sent_at_ns     BIGINT
);
CREATE INDEX mz_notification_due ON mz_notification (due_at_ns, id) WHERE sent_at_ns IS NULL AND due_at_ns IS NOT NULL;
CREATE INDEX mz_notification_order ON mz_notification (order_id);

INSERT INTO mz_schema_version (version, description) VALUES (1, 'init');
