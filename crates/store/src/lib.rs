//! The lapwing event store: coded records in an embedded SQLite database, duplicate reports of
//! one happening merged into event clusters, and the queries, statistics, escalation alerts and
//! exports an analyst runs on them.
//!
//! This is the only lapwing crate that knows SQL. Its public types are its own (rows and
//! reports), converted by hand from `lapwing_core` records, so that the schema can change
//! without touching the coder. The database runs in WAL mode, so queries work while an ingest
//! runs; every batch of documents is one transaction, so a killed ingest loses only the batch in
//! flight and a rerun skips what is already stored.
//!
//! ```
//! use lapwing_store::{EventFilter, Store};
//! let mut store = Store::open_in_memory().unwrap();
//! let doc = lapwing_core::Document { id: "d1".into(), text: "...".into(), ..Default::default() };
//! let outcome = store.ingest(&doc, &[]).unwrap();
//! assert_eq!(outcome.documents_added, 1);
//! assert!(store.events(&EventFilter::default()).unwrap().is_empty());
//! ```
#![deny(missing_docs)]

mod cluster;
mod export;
mod ingest;
mod query;
mod schema;
mod util;

pub use cluster::ClusterConfig;
pub use export::{ExportFormat, ExportTable};
pub use ingest::IngestOutcome;
pub use query::{
    Alert, AlertConfig, AlertMetric, EventCluster, EventFilter, Member, MergeEvidence, Period,
    RegionLevel, Split, StatRow, StatsQuery,
};
pub use schema::SCHEMA_VERSION;

use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::time::Duration;

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite said no.
    #[error("database: {0}")]
    Sql(#[from] rusqlite::Error),
    /// The database was written by a newer lapwing.
    #[error("the database has schema version {found}; this lapwing knows up to {known}")]
    TooNew {
        /// Version found in the file.
        found: i64,
        /// Newest version this code knows.
        known: i64,
    },
    /// The database file does not exist.
    #[error("no database at {0}")]
    Missing(String),
    /// A record could not be turned into JSON, or stored JSON could not be read.
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    /// Writing an export failed.
    #[error("write: {0}")]
    Io(#[from] std::io::Error),
    /// Writing Parquet failed.
    #[error("parquet: {0}")]
    Parquet(String),
    /// A query argument is malformed.
    #[error("{0}")]
    Invalid(String),
}

/// Result with a [`StoreError`].
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// How many rows the store holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Documents ingested.
    pub documents: u64,
    /// Event records.
    pub records: u64,
    /// Event clusters (distinct happenings).
    pub clusters: u64,
}

/// An open event store.
pub struct Store {
    conn: Connection,
    config: ClusterConfig,
    /// Whether the ingest feeds the text index itself (schema v3 on); before v3 a trigger did.
    feeds_text: bool,
}

impl Store {
    /// Opens the store at `path`, creating it when absent and migrating it to the current schema.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        Store::open_at(path.as_ref(), SCHEMA_VERSION, true)
    }

    /// Opens an existing store, failing when there is no file at `path`.
    pub fn open_existing(path: impl AsRef<Path>) -> Result<Store> {
        Store::open_at(path.as_ref(), SCHEMA_VERSION, false)
    }

    /// A store in memory, for tests and examples.
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        Store::setup(conn, SCHEMA_VERSION)
    }

    /// Creates or opens a store migrated only up to `version`: how the fixtures of old schema
    /// versions are made. Not for normal use.
    #[doc(hidden)]
    pub fn open_at_version(path: impl AsRef<Path>, version: i64) -> Result<Store> {
        Store::open_at(path.as_ref(), version, true)
    }

    fn open_at(path: &Path, version: i64, create: bool) -> Result<Store> {
        if !create && !path.exists() {
            return Err(StoreError::Missing(path.display().to_string()));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags)?;
        Store::setup(conn, version)
    }

    fn setup(mut conn: Connection, version: i64) -> Result<Store> {
        // A writer holds the lock only for one batch; readers and other writers wait that long.
        conn.busy_timeout(Duration::from_secs(30))?;
        // WAL lets readers work while an ingest runs; NORMAL sync keeps every committed batch
        // across a process kill (only an OS crash may lose the last one).
        let _mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
        // A larger page cache and memory-mapped reads: the indexes of a million events do not
        // fit SQLite's 2 MB default. The log is folded into the file every 32 MB rather than
        // 4 MB: an ingest rewrites the same index pages batch after batch, and each fold
        // copies and syncs them.
        conn.execute_batch(
            "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-131072;
             PRAGMA mmap_size=1073741824; PRAGMA temp_store=MEMORY;
             PRAGMA wal_autocheckpoint=8192;",
        )?;
        conn.create_scalar_function(
            "dist_km",
            4,
            rusqlite::functions::FunctionFlags::SQLITE_UTF8
                | rusqlite::functions::FunctionFlags::SQLITE_DETERMINISTIC,
            |ctx| {
                let a: Option<f64> = ctx.get(0)?;
                let b: Option<f64> = ctx.get(1)?;
                let c: f64 = ctx.get(2)?;
                let d: f64 = ctx.get(3)?;
                Ok(match (a, b) {
                    (Some(a), Some(b)) => Some(util::distance_km(a, b, c, d)),
                    _ => None,
                })
            },
        )?;
        schema::migrate(&mut conn, version)?;
        let feeds_text = schema::version(&conn)? >= 3;
        let mut store = Store { conn, config: ClusterConfig::default(), feeds_text };
        store.config = store.read_config()?;
        Ok(store)
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(schema::version(&self.conn)?)
    }

    /// The duplicate rules' thresholds this store was clustered with.
    pub fn cluster_config(&self) -> ClusterConfig {
        self.config
    }

    fn read_config(&self) -> Result<ClusterConfig> {
        let get = |k: &str| -> Result<Option<String>> {
            let mut st = self.conn.prepare_cached("SELECT value FROM meta WHERE key = ?1")?;
            let mut rows = st.query([k])?;
            Ok(match rows.next()? {
                Some(r) => Some(r.get(0)?),
                None => None,
            })
        };
        let mut cfg = ClusterConfig::default();
        if let Some(v) = get("cluster.max_km")?.and_then(|v| v.parse().ok()) {
            cfg.max_km = v;
        }
        if let Some(v) = get("cluster.max_date_gap_days")?.and_then(|v| v.parse().ok()) {
            cfg.max_date_gap_days = v;
        }
        Ok(cfg)
    }

    /// Changes the duplicate rules' thresholds. When they differ from the stored ones, every
    /// cluster is rebuilt; returns whether that happened.
    pub fn set_cluster_config(&mut self, cfg: ClusterConfig) -> Result<bool> {
        if !(cfg.max_km.is_finite() && cfg.max_km >= 0.0 && cfg.max_date_gap_days >= 0) {
            return Err(StoreError::Invalid(
                "cluster distance and date gap must be non-negative".into(),
            ));
        }
        if cfg == self.config {
            return Ok(false);
        }
        let tx = self.conn.transaction()?;
        for (k, v) in [
            ("cluster.max_km", cfg.max_km.to_string()),
            ("cluster.max_date_gap_days", cfg.max_date_gap_days.to_string()),
        ] {
            tx.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)", (k, v))?;
        }
        tx.commit()?;
        self.config = cfg;
        self.recluster()?;
        Ok(true)
    }

    /// How many documents, records and clusters the store holds.
    pub fn counts(&self) -> Result<Counts> {
        let n = |sql: &str| -> Result<u64> {
            let v: i64 = self.conn.query_row(sql, [], |r| r.get(0))?;
            Ok(u64::try_from(v).unwrap_or(0))
        };
        Ok(Counts {
            documents: n("SELECT COUNT(*) FROM documents")?,
            records: n("SELECT COUNT(*) FROM records")?,
            clusters: n("SELECT COUNT(*) FROM clusters")?,
        })
    }
}

impl Store {
    /// Copies the write-ahead log into the database file, so that the file alone holds
    /// everything (for copying a store or making a fixture).
    pub fn checkpoint(&self) -> Result<()> {
        self.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        Ok(())
    }
}
