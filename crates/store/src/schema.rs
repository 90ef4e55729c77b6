//! The database schema and its migrations, versioned with `PRAGMA user_version`.
//!
//! Migration N takes a store of version N-1 to version N and is never edited once released:
//! a committed fixture of every released version (tests/fixtures/v1.db, ...) must still open.

use rusqlite::Connection;

/// The schema version this code writes.
pub const SCHEMA_VERSION: i64 = 3;

/// Migration `i` takes version `i` to version `i + 1`.
const MIGRATIONS: &[&str] = &[
    // v1: documents, records, entities, clusters and the evidence of each merge.
    r#"
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    doc_key INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    title TEXT, published TEXT, url TEXT, source TEXT,
    source_key TEXT NOT NULL,
    num_records INTEGER NOT NULL
);
CREATE TABLE records (
    rec_key INTEGER PRIMARY KEY,
    doc_key INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
    pos INTEGER NOT NULL,
    id TEXT NOT NULL,
    event TEXT NOT NULL,
    modes TEXT NOT NULL,
    contexts TEXT NOT NULL,
    quad INTEGER NOT NULL,
    scale REAL NOT NULL,
    date TEXT, enddate TEXT,
    date_precision TEXT NOT NULL,
    date_text TEXT,
    date_class TEXT NOT NULL,
    date_lo INTEGER, date_hi INTEGER,
    place_level INTEGER NOT NULL,
    place_name TEXT, place_text TEXT, country TEXT, admin1 TEXT,
    lat REAL, lon REAL, geonames_id INTEGER, feature TEXT,
    event_text TEXT NOT NULL,
    negated INTEGER NOT NULL, hypothetical INTEGER NOT NULL,
    future INTEGER NOT NULL, historical INTEGER NOT NULL,
    aux_key INTEGER NOT NULL,
    sentence TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    confidence REAL NOT NULL,
    mentions INTEGER NOT NULL,
    actor_keys TEXT NOT NULL,
    recipient_keys TEXT NOT NULL,
    cluster_key INTEGER,
    UNIQUE (doc_key, pos)
);
-- The record as coded, apart from the query columns so that their rows stay small.
CREATE TABLE record_json (
    rec_key INTEGER PRIMARY KEY REFERENCES records(rec_key) ON DELETE CASCADE,
    json TEXT NOT NULL
);
CREATE INDEX records_block ON records(event, date_class, date_lo);
CREATE INDEX records_cluster ON records(cluster_key);
CREATE TABLE entities (
    rec_key INTEGER NOT NULL REFERENCES records(rec_key) ON DELETE CASCADE,
    role TEXT NOT NULL,
    pos INTEGER NOT NULL,
    entity_text TEXT NOT NULL,
    identifier_text TEXT, identifier_id TEXT, code TEXT, sector TEXT,
    other_sectors TEXT NOT NULL,
    PRIMARY KEY (rec_key, role, pos)
) WITHOUT ROWID;
CREATE INDEX entities_code ON entities(code);
CREATE INDEX entities_sector ON entities(sector);
CREATE TABLE clusters (
    cluster_key INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    rep_key INTEGER NOT NULL,
    event TEXT NOT NULL,
    modes TEXT NOT NULL,
    quad INTEGER NOT NULL,
    scale REAL NOT NULL,
    date TEXT, date_precision TEXT NOT NULL,
    country TEXT, admin1 TEXT, place_name TEXT, lat REAL, lon REAL,
    actor_codes TEXT NOT NULL, recipient_codes TEXT NOT NULL,
    negated INTEGER NOT NULL, hypothetical INTEGER NOT NULL,
    future INTEGER NOT NULL, historical INTEGER NOT NULL,
    num_mentions INTEGER NOT NULL, num_sources INTEGER NOT NULL, num_articles INTEGER NOT NULL,
    first_seen TEXT, last_seen TEXT
);
CREATE INDEX clusters_date ON clusters(date);
CREATE INDEX clusters_country_date ON clusters(country, date);
CREATE INDEX clusters_event_date ON clusters(event, date);
CREATE INDEX clusters_quad_date ON clusters(quad, date);
CREATE INDEX clusters_lat ON clusters(lat);
CREATE INDEX clusters_sources ON clusters(num_sources);
CREATE TABLE merges (
    cluster_key INTEGER NOT NULL REFERENCES clusters(cluster_key) ON DELETE CASCADE,
    rec_a INTEGER NOT NULL,
    rec_b INTEGER NOT NULL,
    actor_shared TEXT NOT NULL,
    recipient_shared TEXT,
    date_gap_days INTEGER NOT NULL,
    place_rule TEXT NOT NULL,
    distance_km REAL,
    rule TEXT NOT NULL
);
CREATE INDEX merges_cluster ON merges(cluster_key);
"#,
    // v2: full-text index of the sentences, for `--text`; built from the rows v1 has.
    r#"
CREATE VIRTUAL TABLE record_text USING fts5(
    sentence, content='records', content_rowid='rec_key',
    tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO record_text(record_text) VALUES ('rebuild');
CREATE TRIGGER records_text_ai AFTER INSERT ON records BEGIN
    INSERT INTO record_text(rowid, sentence) VALUES (new.rec_key, new.sentence);
END;
CREATE TRIGGER records_text_ad AFTER DELETE ON records BEGIN
    INSERT INTO record_text(record_text, rowid, sentence)
        VALUES ('delete', old.rec_key, old.sentence);
END;
"#,
    // v3: the text index is fed once per batch by the ingest (one FTS5 flush per batch instead
    // of one per record); deletes still go through the trigger, which needs the old text.
    r#"
DROP TRIGGER records_text_ai;
"#,
];

/// The schema version of an open database (0 for a new one).
pub(crate) fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// Brings the database to `target` (at most [`SCHEMA_VERSION`]), one transaction per step.
/// Returns the version found, or an error naming a version newer than this code knows.
pub(crate) fn migrate(conn: &mut Connection, target: i64) -> Result<i64, crate::StoreError> {
    let found = version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(crate::StoreError::TooNew { found, known: SCHEMA_VERSION });
    }
    let mut v = found;
    while v < target.min(SCHEMA_VERSION) {
        // IMMEDIATE takes the write lock before reading the version, so that two processes
        // opening a new store at once migrate it once.
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        v = version(&tx)?;
        if v >= target.min(SCHEMA_VERSION) {
            break;
        }
        let sql = usize::try_from(v)
            .ok()
            .and_then(|i| MIGRATIONS.get(i))
            .ok_or(crate::StoreError::TooNew { found: v, known: SCHEMA_VERSION })?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", v + 1)?;
        tx.commit()?;
        v += 1;
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_version_has_a_migration() {
        assert_eq!(MIGRATIONS.len() as i64, SCHEMA_VERSION);
        let mut conn = Connection::open_in_memory().unwrap();
        assert_eq!(migrate(&mut conn, SCHEMA_VERSION).ok(), Some(0));
        assert_eq!(version(&conn).ok(), Some(SCHEMA_VERSION));
        assert_eq!(migrate(&mut conn, SCHEMA_VERSION).ok(), Some(SCHEMA_VERSION));
    }

    #[test]
    fn a_newer_store_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap();
        assert!(matches!(
            migrate(&mut conn, SCHEMA_VERSION),
            Err(crate::StoreError::TooNew { .. })
        ));
    }
}
