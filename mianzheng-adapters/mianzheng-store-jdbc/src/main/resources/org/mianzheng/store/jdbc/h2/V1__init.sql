-- mianzheng JDBC stores, schema version 1 (H2 2.x).
--
-- Run by the built-in runner (SchemaMigrator) or by your own migration tool (Flyway, Liquibase, H2 RunScript).
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
    reason          CHARACTER VARYING NOT NULL,
    legal_basis     CHARACTER VARYING NOT NULL,
    changes_format  INTEGER NOT NULL,
    changes         CHARACTER LARGE OBJECT NOT NULL
);

-- operator accounts (Art. 9), their history and department liaisons
CREATE TABLE mz_operator (
    id                 VARCHAR(64) PRIMARY KEY,
    name               CHARACTER VARYING NOT NULL,
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
    reported_to CHARACTER VARYING NOT NULL,
    note        CHARACTER VARYING NOT NULL
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
    applicant_name    CHARACTER VARYING NOT NULL,
    declared          CHARACTER VARYING NOT NULL,
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
    note           CHARACTER VARYING NOT NULL
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
    material_codes    CHARACTER VARYING NOT NULL,
    purpose           CHARACTER VARYING NOT NULL,
    method            VARCHAR(40) NOT NULL,
    evidence_ref      CHARACTER VARYING NOT NULL,
    evidence_sha256   CHAR(64) NOT NULL,
    granted_at_ns     BIGINT NOT NULL,
    expires_at_ns     BIGINT NOT NULL,
    revoked_at_ns     BIGINT,
    revoked_by        CHARACTER VARYING
);
CREATE INDEX mz_consent_biz_no ON mz_consent (biz_no, pos);

-- the audit chain: one linear hash chain; the primary key on seq makes concurrent writers conflict
CREATE TABLE mz_audit_event (
    seq           BIGINT PRIMARY KEY,
    at_ns         BIGINT NOT NULL,
    type          VARCHAR(40) NOT NULL,
    actor         CHARACTER VARYING NOT NULL,
    biz_no        CHARACTER VARYING,
    subject       CHARACTER VARYING,
    detail        CHARACTER VARYING NOT NULL,
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
    detail      CHARACTER VARYING NOT NULL
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
    material_name       CHARACTER VARYING NOT NULL,
    to_department       VARCHAR(64) NOT NULL,
    applicant_id_type   VARCHAR(40) NOT NULL,
    applicant_id        VARCHAR(64) NOT NULL,
    applicant_name      CHARACTER VARYING NOT NULL,
    requested_by        CHARACTER VARYING NOT NULL,
    purpose             CHARACTER VARYING NOT NULL,
    created_at_ns       BIGINT NOT NULL,
    rule_version        INTEGER NOT NULL,
    answer_due_ns       BIGINT NOT NULL,
    return_due_ns       BIGINT NOT NULL,
    provisional         BOOLEAN NOT NULL,
    accepted_at_ns      BIGINT,
    closed_at_ns        BIGINT,
    closed_by           CHARACTER VARYING,
    result_type         VARCHAR(10),
    result              BINARY VARYING,
    return_reason       CHARACTER VARYING,
    transfer_suggestion CHARACTER VARYING,
    transferred_from    VARCHAR(64),
    transferred_to      VARCHAR(64),
    external_id         CHARACTER VARYING
);
CREATE INDEX mz_work_order_open ON mz_work_order (is_open, created_at_ns);
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
CREATE INDEX mz_notification_due ON mz_notification (sent_at_ns, due_at_ns, id);
CREATE INDEX mz_notification_order ON mz_notification (order_id);

INSERT INTO mz_schema_version (version, description) VALUES (1, 'init');
