//! Behaviour of the event store through its public API: idempotent ingest, duplicate-report
//! clustering (on hand-coded articles that report the same events in different words),
//! independence of ingest order, queries, statistics, alerts, exports and old schema fixtures.

mod common;

use common::{dup_articles, Code, Place};
use lapwing_core::Document;
use lapwing_store::*;
use std::path::PathBuf;

/// A scratch path whose directory is removed when the test ends, passed or failed, so that
/// test runs leave nothing behind in the temporary directory.
struct Scratch {
    dir: PathBuf,
    path: PathBuf,
}

impl std::ops::Deref for Scratch {
    type Target = std::path::Path;
    fn deref(&self) -> &std::path::Path {
        &self.path
    }
}

impl AsRef<std::path::Path> for Scratch {
    fn as_ref(&self) -> &std::path::Path {
        &self.path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A fresh path `name` in a directory of its own.
fn temp_path(name: &str) -> Scratch {
    let dir =
        std::env::temp_dir().join(format!("lapwing-store-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::create_dir_all(&dir);
    Scratch { path: dir.join(name), dir }
}

fn all(store: &Store) -> Vec<EventCluster> {
    store.events(&EventFilter { with_members: true, ..Default::default() }).unwrap()
}

/// Everything a user can see of the clusters, as JSON.
fn snapshot(store: &Store) -> String {
    serde_json::to_string(&all(store)).unwrap()
}

fn find<'a>(events: &'a [EventCluster], text_part: &str) -> &'a EventCluster {
    events
        .iter()
        .find(|e| e.members.iter().any(|m| m.text.contains(text_part)))
        .unwrap_or_else(|| panic!("no cluster with {text_part:?}"))
}

#[test]
fn duplicate_reports_become_one_event() {
    let mut store = Store::open_in_memory().unwrap();
    let out = store.ingest_batch(&dup_articles()).unwrap();
    assert_eq!((out.documents_added, out.records_added), (5, 11));
    let events = all(&store);
    assert_eq!(events.len(), 6, "{events:#?}");

    // The shelling of Sweida: three articles, two outlets (Reuters twice), dates a day apart.
    let sweida = find(&events, "bombarded Suwayda");
    assert_eq!((sweida.num_articles, sweida.num_sources, sweida.num_mentions), (3, 2, 3));
    assert_eq!(sweida.event, "ASSAULT");
    assert_eq!(sweida.admin1.as_deref(), Some("As-Suwayda"));
    assert_eq!(sweida.first_seen.as_deref(), Some("2025-07-16T08:00:00Z"));
    assert_eq!(sweida.last_seen.as_deref(), Some("2025-07-17T09:00:00Z"));
    assert_eq!(sweida.merges.len(), 2, "a spanning tree joins three records");
    assert!(sweida.merges.iter().any(|m| m.place_rule == "distance"
        && m.distance_km.is_some_and(|d| d > 1.0 && d < 10.0)
        && m.date_gap_days == 1));

    // The strike on Damascus: three outlets, different words and actor detail.
    let damascus = find(&events, "defence ministry in central Damascus");
    assert_eq!((damascus.num_articles, damascus.num_sources), (3, 3));
    assert_eq!(damascus.mode, vec!["aerial".to_string()]);
    assert!(damascus.actor_codes.contains(&"ISR".to_string()));

    // The unlocated US demand: both reports unlocated.
    let request = find(&events, "urged Damascus");
    assert_eq!((request.num_articles, request.num_sources), (2, 2));
    assert!(request.merges.iter().all(|m| m.place_rule == "both unlocated"));

    // Kept apart: a shelling near Homs the same day (far away), a negated report, a protest.
    let homs = find(&events, "near Homs");
    assert_eq!(homs.num_articles, 1);
    let negated = find(&events, "has not resumed");
    assert!(negated.negated && negated.num_articles == 1);
    assert_eq!(find(&events, "protested in Beirut").num_articles, 1);
}

#[test]
fn reingest_is_idempotent_and_replacement_rebuilds_clusters() {
    let mut store = Store::open_in_memory().unwrap();
    let batch = dup_articles();
    store.ingest_batch(&batch).unwrap();
    let before = snapshot(&store);
    let again = store.ingest_batch(&batch).unwrap();
    assert_eq!(again.documents_unchanged, 5);
    assert_eq!(again.records_added, 0);
    assert_eq!(snapshot(&store), before);

    // The same document coded on another day is not a change.
    let mut recoded = batch.clone();
    for (_, recs) in &mut recoded {
        for r in recs {
            r.coded_date = "2030-01-01".into();
        }
    }
    assert_eq!(store.ingest_batch(&recoded).unwrap().documents_unchanged, 5);

    // dup-a2 is re-coded without its shelling record: the Sweida cluster loses a member but
    // keeps the other two; the US demand still has both reports.
    let (doc2, recs2) = batch.iter().find(|(d, _)| d.id == "dup-a2").cloned().unwrap();
    let kept: Vec<_> = recs2.into_iter().filter(|r| r.event.as_str() == "REQUEST").collect();
    let out = store.ingest(&doc2, &kept).unwrap();
    assert_eq!((out.documents_replaced, out.records_removed, out.records_added), (1, 2, 1));
    let events = all(&store);
    assert_eq!(store.counts().unwrap().records, 10);
    let sweida = find(&events, "shelled the city of Sweida");
    assert_eq!((sweida.num_articles, sweida.num_sources), (2, 1));
    assert_eq!(find(&events, "urged Damascus").num_articles, 2);

    // Putting it back gives the first store again.
    store.ingest(&doc2, &batch.iter().find(|(d, _)| d.id == "dup-a2").unwrap().1).unwrap();
    assert_eq!(snapshot(&store), before);
}

#[test]
fn daily_reports_do_not_chain() {
    // One army shelling one town, reported on three consecutive days: day 1 and day 2 are a
    // day apart and may be one event, but day 3 is two days from day 1.
    let docs: Vec<Document> = ["x1", "x2", "x3"]
        .iter()
        .map(|id| Document { id: id.to_string(), text: "t".into(), ..Default::default() })
        .collect();
    let place = Place {
        name: "Gaza".into(),
        country: Some("PSE".into()),
        lat: Some(31.5),
        lon: Some(34.47),
        ..Default::default()
    };
    let code = |doc: &str, date: &str| Code {
        doc_id: doc.into(),
        event: "ASSAULT".into(),
        actor: vec!["ISR:MIL".into()],
        date: Some(date.into()),
        date_precision: "day".into(),
        place: Some(place.clone()),
        sentence: format!("Israeli forces attacked Gaza ({doc})."),
        ..Default::default()
    };
    let codes = vec![code("x1", "2024-03-01"), code("x2", "2024-03-02"), code("x3", "2024-03-03")];
    let batch = common::batch(&docs, &codes);
    let mut store = Store::open_in_memory().unwrap();
    store.ingest_batch(&batch).unwrap();
    let sizes = |s: &Store| {
        let mut v: Vec<i64> = all(s).iter().map(|e| e.num_articles).collect();
        v.sort();
        v
    };
    assert_eq!(sizes(&store), vec![1, 2]);
    let before = snapshot(&store);
    // Any ingest order gives the same clusters.
    let mut reversed = Store::open_in_memory().unwrap();
    for (d, r) in batch.iter().rev() {
        reversed.ingest(d, r).unwrap();
    }
    assert_eq!(snapshot(&reversed), before);
    // Withdrawing the middle report leaves two single reports; restoring it restores the pair.
    store.ingest(&docs[1], &[]).unwrap();
    assert_eq!(sizes(&store), vec![1, 1]);
    store.ingest(&batch[1].0, &batch[1].1).unwrap();
    assert_eq!(snapshot(&store), before);
}

#[test]
fn ingest_order_does_not_change_the_store() {
    let batch = dup_articles();
    let mut forward = Store::open_in_memory().unwrap();
    forward.ingest_batch(&batch).unwrap();
    let mut backward = Store::open_in_memory().unwrap();
    for (d, r) in batch.iter().rev() {
        backward.ingest(d, r).unwrap();
    }
    let export = |s: &Store, f, t| {
        let mut v = Vec::new();
        s.export(f, t, &mut v).unwrap();
        String::from_utf8(v).unwrap()
    };
    for table in [ExportTable::Records, ExportTable::Events] {
        assert_eq!(
            export(&forward, ExportFormat::Csv, table),
            export(&backward, ExportFormat::Csv, table)
        );
    }
    assert_eq!(
        export(&forward, ExportFormat::Jsonl, ExportTable::Events),
        export(&backward, ExportFormat::Jsonl, ExportTable::Events)
    );
}

#[test]
fn filters_narrow_the_events() {
    let mut store = Store::open_in_memory().unwrap();
    store.ingest_batch(&dup_articles()).unwrap();
    let n = |f: EventFilter| store.events(&f).unwrap().len();
    let s = |x: &str| Some(x.to_string());
    assert_eq!(n(EventFilter::default()), 6);
    assert_eq!(n(EventFilter { country: s("lbn"), ..Default::default() }), 1);
    assert_eq!(n(EventFilter { admin1: s("as-suwayda"), ..Default::default() }), 2);
    assert_eq!(n(EventFilter { actor: s("USA"), ..Default::default() }), 1);
    assert_eq!(n(EventFilter { actor: s("REB"), ..Default::default() }), 2);
    assert_eq!(n(EventFilter { actor: s("Syrian"), ..Default::default() }), 0);
    assert_eq!(n(EventFilter { actor: s("SYR:M"), ..Default::default() }), 3);
    assert_eq!(n(EventFilter { event: s("assault"), ..Default::default() }), 4);
    assert_eq!(n(EventFilter { mode: s("aerial"), ..Default::default() }), 1);
    assert_eq!(
        n(EventFilter { since: s("2025-07-16"), until: s("2025-07-16"), ..Default::default() }),
        3
    );
    assert_eq!(n(EventFilter { near: Some((32.7, 36.57, 20.0)), ..Default::default() }), 2);
    assert_eq!(n(EventFilter { min_sources: Some(2), ..Default::default() }), 3);
    assert_eq!(n(EventFilter { text: s("artillery Suwayda"), ..Default::default() }), 1);
    assert_eq!(
        n(EventFilter { text: s("protested"), factual_only: true, ..Default::default() }),
        1
    );
    assert_eq!(n(EventFilter { factual_only: true, ..Default::default() }), 5);
    assert_eq!(n(EventFilter { limit: Some(2), ..Default::default() }), 2);
    assert!(store.events(&EventFilter { event: s("FIGHT"), ..Default::default() }).is_err());
    assert!(store.events(&EventFilter { since: s("July"), ..Default::default() }).is_err());
}

#[test]
fn stats_count_and_sum_scores() {
    let mut store = Store::open_in_memory().unwrap();
    store.ingest_batch(&dup_articles()).unwrap();
    let rows = store.stats(&StatsQuery::default()).unwrap();
    let assault_16: Vec<&StatRow> =
        rows.iter().filter(|r| r.period == "2025-07-16" && r.key == "ASSAULT").collect();
    assert_eq!(assault_16.len(), 1);
    assert_eq!(assault_16[0].events, 2, "Damascus strike and Homs shelling");
    assert!((assault_16[0].score - (-9.5 - 9.5)).abs() < 1e-9, "{:?}", assault_16[0]);
    let months = store
        .stats(&StatsQuery { by: Period::Month, split: Split::Quad, ..Default::default() })
        .unwrap();
    let quad4: i64 = months.iter().filter(|r| r.key == "4").map(|r| r.events).sum();
    assert_eq!(quad4, 4, "negated report left out: {months:?}");
    let weeks = store
        .stats(&StatsQuery { by: Period::Week, group: RegionLevel::Admin1, ..Default::default() })
        .unwrap();
    assert!(weeks.iter().all(|r| r.period == "2025-07-14"), "{weeks:?}");
}

#[test]
fn alerts_flag_a_jump_over_the_baseline() {
    // One shelling a day in Homs for three weeks, then seven on one day.
    let place = Place {
        name: "Homs".into(),
        country: Some("SYR".into()),
        admin1: Some("Homs".into()),
        lat: Some(34.73),
        lon: Some(36.71),
        ..Default::default()
    };
    let mut docs = Vec::new();
    let mut codes = Vec::new();
    for day in 1..=22 {
        let n = if day == 22 { 7 } else { 1 };
        for i in 0..n {
            let id = format!("h{day:02}-{i}");
            docs.push(Document { id: id.clone(), text: "t".into(), ..Default::default() });
            codes.push(Code {
                doc_id: id.clone(),
                event: "ASSAULT".into(),
                // Distinct actors keep the seven reports of day 22 seven events.
                actor: vec![format!("A{}{}", (b'A' + i as u8) as char, (b'A' + day as u8) as char)],
                date: Some(format!("2025-03-{day:02}")),
                date_precision: "day".into(),
                place: Some(place.clone()),
                sentence: format!("Shelling number {i} hit Homs."),
                ..Default::default()
            });
        }
    }
    let mut store = Store::open_in_memory().unwrap();
    store.ingest_batch(&common::batch(&docs, &codes)).unwrap();
    let alerts = store.alerts(&AlertConfig::default()).unwrap();
    assert_eq!(alerts.len(), 1, "{alerts:#?}");
    let a = &alerts[0];
    assert_eq!(
        (a.day.as_str(), a.country.as_str(), a.admin1.as_deref()),
        ("2025-03-22", "SYR", Some("Homs"))
    );
    assert_eq!(a.count, 7);
    assert_eq!(a.events.len(), 7);
    assert!(a.baseline_mean > 0.0 && a.threshold < 7.0);
    let score =
        store.alerts(&AlertConfig { metric: AlertMetric::Score, ..Default::default() }).unwrap();
    assert_eq!(score.len(), 1);
    let strict = store.alerts(&AlertConfig { min_count: 8, ..Default::default() }).unwrap();
    assert!(strict.is_empty());
}

#[test]
fn exports_hold_every_record() {
    let mut store = Store::open_in_memory().unwrap();
    store.ingest_batch(&dup_articles()).unwrap();
    let mut jsonl = Vec::new();
    assert_eq!(store.export(ExportFormat::Jsonl, ExportTable::Records, &mut jsonl).unwrap(), 11);
    let text = String::from_utf8(jsonl).unwrap();
    let coded: Vec<String> = dup_articles()
        .iter()
        .flat_map(|(_, recs)| recs.iter().map(|r| serde_json::to_string(r).unwrap()))
        .collect();
    for line in text.lines() {
        let r: lapwing_core::EventRecord = serde_json::from_str(line).unwrap();
        assert!(r.doc_id.starts_with("dup-a"));
        // Exactly as coded, coding date included.
        assert!(!r.coded_date.is_empty());
        assert!(coded.iter().any(|c| c == line), "{line}");
    }
    let mut csv = Vec::new();
    assert_eq!(store.export(ExportFormat::Csv, ExportTable::Events, &mut csv).unwrap(), 6);
    assert_eq!(String::from_utf8(csv).unwrap().lines().count(), 7);
    let path = temp_path("records.parquet");
    let file = std::fs::File::create(&path).unwrap();
    assert_eq!(store.export(ExportFormat::Parquet, ExportTable::Records, file).unwrap(), 11);
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));
    check_with_pyarrow(&path, 11, "record_id");
}

/// Reads a Parquet file with pyarrow (a reader that is not lapwing) when it is installed.
fn check_with_pyarrow(path: &std::path::Path, rows: usize, column: &str) {
    let probe = std::process::Command::new("python3").args(["-c", "import pyarrow"]).output();
    if !probe.is_ok_and(|o| o.status.success()) {
        println!("pyarrow is not installed: Parquet read-back skipped");
        return;
    }
    let script = "import sys, pyarrow.parquet as pq\nt = pq.read_table(sys.argv[1])\nprint(t.num_rows)\nprint(','.join(t.column_names))";
    let out =
        std::process::Command::new("python3").args(["-c", script]).arg(path).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next().and_then(|l| l.parse().ok()), Some(rows));
    assert!(lines.next().unwrap_or("").split(',').any(|c| c == column));
}

/// Opens a copy of the committed fixture of schema `version`: the current code migrates it,
/// and its events and text index answer as when it was written.
fn fixture_opens_and_reads(version: i64) {
    let name = format!("v{version}.db");
    let fixture = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(&name);
    let copy = temp_path(&format!("v{version}-copy.db"));
    std::fs::copy(&fixture, &copy).unwrap();
    let mut store = Store::open_existing(&copy).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let c = store.counts().unwrap();
    assert_eq!((c.documents, c.records, c.clusters), (5, 11, 6));
    // The text index (built from the v1 rows by v2) still finds the sentences.
    let f =
        EventFilter { text: Some("bombarded".into()), with_members: true, ..Default::default() };
    let hits = store.events(&f).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].num_articles, 3);
    // A migrated store takes new and replaced documents, and its text index stays exact.
    let batch = dup_articles();
    let (doc, recs) = batch.iter().find(|(d, _)| d.id == "dup-a2").cloned().unwrap();
    let kept: Vec<_> = recs.into_iter().filter(|r| r.event.as_str() == "REQUEST").collect();
    assert_eq!(store.ingest(&doc, &kept).unwrap().documents_replaced, 1);
    let late = Document { id: "late".into(), text: "t".into(), ..Default::default() };
    assert_eq!(store.ingest(&late, &[]).unwrap().documents_added, 1);
    // The only "bombarded" sentence was in the removed record.
    assert!(store.events(&f).unwrap().is_empty());
    let f = EventFilter { text: Some("Sweida".into()), ..Default::default() };
    assert!(!store.events(&f).unwrap().is_empty());
    text_index_is_exact(&copy);
    assert!(Store::open_existing(temp_path("absent.db")).is_err());
}

/// FTS5's own check that the text index matches the records' sentences.
fn text_index_is_exact(path: &std::path::Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute("INSERT INTO record_text(record_text, rank) VALUES ('integrity-check', 1)", [])
        .unwrap();
}

#[test]
fn v1_fixture_opens_and_reads() {
    fixture_opens_and_reads(1);
}

#[test]
fn v2_fixture_opens_and_reads() {
    fixture_opens_and_reads(2);
}

#[test]
fn a_document_replaced_within_one_batch_keeps_the_text_index_exact() {
    let path = temp_path("replace-in-batch.db");
    let mut store = Store::open(&path).unwrap();
    let mut batch = dup_articles();
    // The first document again, re-coded without its records, later in the same batch.
    let (doc, _) = batch.first().cloned().unwrap();
    batch.push((doc.clone(), Vec::new()));
    let out = store.ingest_batch(&batch).unwrap();
    assert_eq!((out.documents_added, out.documents_replaced), (5, 1));
    text_index_is_exact(&path);
    let mut fresh = Store::open_in_memory().unwrap();
    let mut once = dup_articles();
    once.remove(0);
    once.insert(0, (doc, Vec::new()));
    fresh.ingest_batch(&once).unwrap();
    assert_eq!(snapshot(&store), snapshot(&fresh));
    let f = EventFilter { text: Some("shelled".into()), ..Default::default() };
    assert_eq!(store.events(&f).unwrap().len(), fresh.events(&f).unwrap().len());
}

#[test]
fn changing_the_distance_reclusters() {
    let mut store = Store::open_in_memory().unwrap();
    store.ingest_batch(&dup_articles()).unwrap();
    // Sweida reports are about 5 km apart; 1 km keeps them apart.
    assert!(store.set_cluster_config(ClusterConfig { max_km: 1.0, ..Default::default() }).unwrap());
    let events = all(&store);
    assert_eq!(find(&events, "bombarded Suwayda").num_articles, 1);
    assert!(store.set_cluster_config(ClusterConfig::default()).unwrap());
    assert_eq!(all(&store).len(), 6);
}

#[test]
fn readers_work_during_a_write() {
    let path = temp_path("concurrent.db");
    let mut writer = Store::open(&path).unwrap();
    writer.ingest_batch(&dup_articles()).unwrap();
    // Another process holds the write lock in the middle of a transaction...
    let other = rusqlite::Connection::open(&path).unwrap();
    other
        .execute_batch(
            "BEGIN IMMEDIATE; DELETE FROM merges; DELETE FROM clusters; UPDATE records SET cluster_key = NULL;",
        )
        .unwrap();
    // ...while a reader still sees the last committed store.
    let reader = Store::open_existing(&path).unwrap();
    assert_eq!(reader.events(&EventFilter::default()).unwrap().len(), 6);
    assert_eq!(reader.counts().unwrap().clusters, 6);
    other.execute_batch("ROLLBACK").unwrap();
    // And the writer can write again once the lock is released.
    let doc = Document { id: "late".into(), text: "t".into(), ..Default::default() };
    assert_eq!(writer.ingest(&doc, &[]).unwrap().documents_added, 1);
}
