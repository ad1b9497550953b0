-- mianzheng JDBC stores, schema version 2 (PostgreSQL 12+): voucher sequence and registry (Art. 13), complaints (Art. 21),
-- violation reviews (Art. 11, 12). Applies to a database at version 1; run it in one transaction.
--
-- Personal data (complainants' identity numbers, complaint summaries) is kept in mz_complaint: protect the database
-- and its backups accordingly.

-- voucher sequence numbers: one counter row per prefix and issue date; the row lock serialises nodes
CREATE TABLE mz_voucher_sequence (
    prefix     VARCHAR(10) NOT NULL,
    issue_date DATE NOT NULL,
    last_value BIGINT NOT NULL,
    PRIMARY KEY (prefix, issue_date)
);

-- every voucher number issued, write-once
CREATE TABLE mz_voucher (
    voucher      VARCHAR(40) PRIMARY KEY,
    issued_at_ns BIGINT NOT NULL,
    sha256       CHAR(64) NOT NULL,
    biz_no       VARCHAR(64) NOT NULL
);

-- complaints, latest version only (optimistic lock on version)
CREATE TABLE mz_complaint (
    id                  VARCHAR(64) PRIMARY KEY,
    version             BIGINT NOT NULL,
    channel             VARCHAR(40) NOT NULL,
    category            VARCHAR(40) NOT NULL,
    external_ref        VARCHAR(64),
    biz_no              VARCHAR(64),
    department_code     VARCHAR(64),
    summary             TEXT NOT NULL,
    complainant_id_type VARCHAR(40),
    complainant_id      VARCHAR(64),
    state               VARCHAR(20) NOT NULL,
    received_at_ns      BIGINT NOT NULL,
    received_by         VARCHAR(64) NOT NULL,
    assigned_to         VARCHAR(64),
    assigned_at_ns      BIGINT,
    assigned_by         VARCHAR(64),
    resolved_at_ns      BIGINT,
    resolved_by         VARCHAR(64),
    substantiated       BOOLEAN,
    resolution          TEXT
);
CREATE INDEX mz_complaint_received ON mz_complaint (received_at_ns, id);

-- violation reviews: one per violation, first writer wins
CREATE TABLE mz_violation_review (
    violation_id   VARCHAR(64) PRIMARY KEY,
    pos            BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    kind           VARCHAR(40) NOT NULL,
    operator_id    VARCHAR(64) NOT NULL,
    decision       VARCHAR(20) NOT NULL,
    ground         VARCHAR(40),
    note           TEXT NOT NULL,
    reviewer       VARCHAR(64) NOT NULL,
    reviewed_at_ns BIGINT NOT NULL
);

INSERT INTO mz_schema_version (version, description) VALUES (2, 'vouchers_complaints_reviews');
