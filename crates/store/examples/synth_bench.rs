//! Benchmark: builds a large synthetic store and times ingest and queries.
//!
//! `cargo run --release -p lapwing-store --example synth_bench -- [RECORDS] [DB]` (default
//! 1,000,000 records in /tmp/lapwing-bench.db). Documents carry 5 records each; about a third
//! of the records repeat an earlier happening in another outlet's words, so the clustering
//! does real work. The generator is a fixed LCG: every run builds the same store.

use lapwing_core::plover::{ActorCode, EventType, Sector};
use lapwing_core::{Aux, CiteInfo, Document, Entity, EventRecord, Evidence, Location, TextInfo};
use lapwing_store::{AlertConfig, EventFilter, Period, RegionLevel, StatsQuery, Store};
use std::time::Instant;

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 =
            self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn unit(&mut self) -> f64 {
        self.below(1_000_000) as f64 / 1_000_000.0
    }
}

const COUNTRIES: &[&str] = &[
    "SYR", "ISR", "LBN", "IRQ", "IRN", "TUR", "UKR", "RUS", "SDN", "SSD", "COD", "NGA", "MLI",
    "BFA", "NER", "SOM", "ETH", "YEM", "AFG", "PAK", "IND", "MMR", "PHL", "COL", "MEX", "VEN",
    "HTI", "USA", "FRA", "DEU", "GBR", "CHN", "PRK", "KOR", "JPN", "EGY", "LBY", "TUN", "DZA",
    "MAR",
];
const WORDS: &[&str] = &[
    "forces",
    "shelled",
    "village",
    "protesters",
    "gathered",
    "minister",
    "said",
    "talks",
    "border",
    "troops",
    "killed",
    "aid",
    "convoy",
    "strike",
    "drone",
    "police",
    "arrested",
    "rebels",
    "ceasefire",
    "agreed",
    "condemned",
    "sanctions",
    "market",
    "capital",
    "north",
];

fn day_text(day: i64) -> String {
    // 2023-01-01 is day 19358.
    let z = day + 19_358 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

struct Happening {
    event: EventType,
    actor: usize,
    recipient: usize,
    country: usize,
    admin1: u64,
    lat: f64,
    lon: f64,
    day: i64,
}

fn happening(rng: &mut Lcg) -> Happening {
    let country = rng.below(COUNTRIES.len() as u64) as usize;
    let admin1 = rng.below(8);
    let (clat, clon) =
        (-30.0 + (country as f64 * 7.3) % 80.0, -100.0 + (country as f64 * 37.1) % 200.0);
    Happening {
        event: EventType::ALL[rng.below(EventType::ALL.len() as u64) as usize],
        actor: if rng.below(3) == 0 { rng.below(COUNTRIES.len() as u64) as usize } else { country },
        recipient: rng.below(COUNTRIES.len() as u64) as usize,
        country,
        admin1,
        lat: clat + admin1 as f64 * 0.6 + rng.unit() * 0.5,
        lon: clon + rng.unit() * 0.5,
        day: rng.below(3 * 365) as i64,
    }
}

fn record(h: &Happening, doc: &Document, pos: usize, rng: &mut Lcg) -> EventRecord {
    let sentence: Vec<&str> =
        (0..12).map(|_| WORDS[rng.below(WORDS.len() as u64) as usize]).collect();
    let ent = |c: usize, s: Sector| Entity {
        entity_text: format!("{} {}", COUNTRIES[c], s),
        code: ActorCode::new(COUNTRIES[c]),
        sector: Some(s),
        ..Default::default()
    };
    EventRecord {
        id: format!("{}-{pos}", doc.id),
        doc_id: doc.id.clone(),
        event: h.event,
        mode: vec![],
        context: vec![],
        actor: vec![ent(h.actor, Sector::Mil)],
        recipient: vec![ent(h.recipient, Sector::Gov)],
        date: Some(day_text(h.day)),
        enddate: None,
        date_precision: "day".into(),
        date_text: None,
        event_loc: Some(Location {
            name: format!("{}-{}", COUNTRIES[h.country], h.admin1),
            text: "there".into(),
            country: Some(COUNTRIES[h.country].into()),
            admin1: Some(format!("{}-A{}", COUNTRIES[h.country], h.admin1)),
            lat: Some(h.lat + rng.unit() * 0.05),
            lon: Some(h.lon + rng.unit() * 0.05),
            geonames_id: None,
            feature: "city".into(),
        }),
        event_text: sentence[1].to_string(),
        quad_code: h.event.quad().code(),
        event_scale: h.event.scale(None),
        aux: Aux::default(),
        text: sentence.join(" "),
        text_info: TextInfo { sequence: pos, start: 0, end: 80 },
        cite_info: CiteInfo { source: doc.source.clone(), ..Default::default() },
        confidence: 0.5 + rng.unit() / 2.0,
        evidence: Evidence { pattern: "synthetic".into(), ..Default::default() },
        coder: "synth".into(),
        coded_date: "2026-01-01".into(),
    }
}

fn time<T>(label: &str, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let v = f();
    println!("{label:<58} {:>9.1} ms", t.elapsed().as_secs_f64() * 1000.0);
    v
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
    let path = args.next().unwrap_or_else(|| "/tmp/lapwing-bench.db".into());
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{path}{suffix}"));
    }
    let mut store = Store::open(&path)?;
    let mut rng = Lcg(42);
    let mut past: Vec<Happening> = Vec::new();
    let per_doc = 5;
    let docs = n.div_ceil(per_doc);
    let batch_docs = 1000;
    let started = Instant::now();
    let mut batch = Vec::with_capacity(batch_docs);
    for d in 0..docs {
        let doc = Document {
            id: format!("doc{d:08}"),
            text: String::new(),
            source: Some(format!("outlet{}", rng.below(300))),
            published: Some(day_text(rng.below(3 * 365) as i64)),
            ..Default::default()
        };
        let mut recs = Vec::with_capacity(per_doc);
        for pos in 0..per_doc.min(n - d * per_doc) {
            // A third of the reports retell a recent happening.
            let h = if !past.is_empty() && rng.below(3) == 0 {
                let i = past.len() - 1 - rng.below(past.len().min(2000) as u64) as usize;
                let p = &past[i];
                Happening { day: p.day + rng.below(2) as i64, ..*p }
            } else {
                let h = happening(&mut rng);
                past.push(Happening { ..h });
                h
            };
            recs.push(record(&h, &doc, pos, &mut rng));
        }
        batch.push((doc, recs));
        if batch.len() == batch_docs || d + 1 == docs {
            store.ingest_batch(&batch)?;
            batch.clear();
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let c = store.counts()?;
    println!(
        "ingest: {} records in {} documents -> {} clusters in {secs:.1} s = {:.0} records/s",
        c.records,
        c.documents,
        c.clusters,
        c.records as f64 / secs
    );
    store.checkpoint()?;
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!("database size: {:.0} MB", size as f64 / 1e6);
    drop(store);
    let store = Store::open_existing(&path)?;
    let s = |x: &str| Some(x.to_string());
    let q = |label: &str, f: EventFilter| -> Result<(), lapwing_store::StoreError> {
        let rows = time(label, || store.events(&f))?;
        println!("{:>58} {:>9} rows", "", rows.len());
        Ok(())
    };
    let lim = Some(100);
    q("events, no filter, limit 100", EventFilter { limit: lim, ..Default::default() })?;
    q(
        "events --country SYR --limit 100",
        EventFilter { country: s("SYR"), limit: lim, ..Default::default() },
    )?;
    q(
        "events --country SYR --since/--until one month (all)",
        EventFilter {
            country: s("SYR"),
            since: s("2024-03-01"),
            until: s("2024-03-31"),
            ..Default::default()
        },
    )?;
    q(
        "events --actor UKR --limit 100",
        EventFilter { actor: s("UKR"), limit: lim, ..Default::default() },
    )?;
    q(
        "events --actor UKR --event ASSAULT --since 2025-01-01 (all)",
        EventFilter {
            actor: s("UKR"),
            event: s("ASSAULT"),
            since: s("2025-01-01"),
            ..Default::default()
        },
    )?;
    q(
        "events --event PROTEST --since/--until one week (all)",
        EventFilter {
            event: s("PROTEST"),
            since: s("2024-06-01"),
            until: s("2024-06-07"),
            ..Default::default()
        },
    )?;
    q(
        "events --near -29.5,-99.7,50 (all)",
        EventFilter { near: Some((-29.5, -99.7, 50.0)), ..Default::default() },
    )?;
    q(
        "events --min-sources 3 --limit 100",
        EventFilter { min_sources: Some(3), limit: lim, ..Default::default() },
    )?;
    q(
        "events --text 'drone convoy' --limit 100",
        EventFilter { text: s("drone convoy"), limit: lim, ..Default::default() },
    )?;
    q(
        "events --text 'drone convoy ceasefire' --country IRQ (all)",
        EventFilter { text: s("drone convoy ceasefire"), country: s("IRQ"), ..Default::default() },
    )?;
    let rows = time("stats --by month --group country --split quad (all)", || {
        store.stats(&StatsQuery {
            by: Period::Month,
            split: lapwing_store::Split::Quad,
            ..Default::default()
        })
    })?;
    println!("{:>58} {:>9} rows", "", rows.len());
    let rows = time("stats --by day --country SYR --group admin1", || {
        store.stats(&StatsQuery {
            country: s("SYR"),
            group: RegionLevel::Admin1,
            ..Default::default()
        })
    })?;
    println!("{:>58} {:>9} rows", "", rows.len());
    let alerts = time("alerts (defaults, whole store)", || store.alerts(&AlertConfig::default()))?;
    println!("{:>58} {:>9} alerts", "", alerts.len());
    Ok(())
}
