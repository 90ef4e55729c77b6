//! Reading the store: event clusters with filters, statistics by period × region × category,
//! and escalation alerts against a trailing baseline.

use crate::ingest::unpipe;
use crate::util::{civil_from_days, day_number};
use crate::{Result, Store, StoreError};
use lapwing_core::plover::{EventType, Mode};
use rusqlite::types::Value;
use serde::Serialize;
use std::collections::BTreeMap;

/// Which events to list. Every set field narrows the result.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventFilter {
    /// Country of the place (ISO alpha-3).
    pub country: Option<String>,
    /// First-level division of the place (exact name, any case).
    pub admin1: Option<String>,
    /// Three letters: an actor or recipient code or sector (`SYR`, `GOV`); anything else: a
    /// substring of an actor's or recipient's words or canonical name.
    pub actor: Option<String>,
    /// PLOVER category.
    pub event: Option<String>,
    /// PLOVER quad class 1..4.
    pub quad: Option<u8>,
    /// PLOVER mode (any member record having it).
    pub mode: Option<String>,
    /// First day, `YYYY-MM-DD`, inclusive.
    pub since: Option<String>,
    /// Last day, `YYYY-MM-DD`, inclusive.
    pub until: Option<String>,
    /// Latitude, longitude and radius in km.
    pub near: Option<(f64, f64, f64)>,
    /// At least this many distinct sources.
    pub min_sources: Option<u32>,
    /// Words that must all occur in a member record's sentence.
    pub text: Option<String>,
    /// Leave out negated, hypothetical and future events.
    pub factual_only: bool,
    /// At most this many clusters.
    pub limit: Option<usize>,
    /// Fill [`EventCluster::members`] and [`EventCluster::merges`].
    pub with_members: bool,
}

/// One record of a cluster.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Member {
    /// The record's id.
    pub record_id: String,
    /// Its document's id.
    pub doc_id: String,
    /// The document's outlet.
    pub source: Option<String>,
    /// The document's address.
    pub url: Option<String>,
    /// The document's publication date.
    pub published: Option<String>,
    /// The record's date.
    pub date: Option<String>,
    /// The record's place name.
    pub place: Option<String>,
    /// The sentence.
    pub text: String,
}

/// Why two records of a cluster were merged.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MergeEvidence {
    /// One record, as `doc_id/record_id`.
    pub a: String,
    /// The other.
    pub b: String,
    /// The rule in words.
    pub rule: String,
    /// Actor keys the two share.
    pub actor_shared: String,
    /// Recipient keys they share, when both had recipients.
    pub recipient_shared: Option<String>,
    /// Days between their dates.
    pub date_gap_days: i64,
    /// `distance`, `same admin1`, `same country` or `both unlocated`.
    pub place_rule: String,
    /// Distance between the places, when both had coordinates.
    pub distance_km: Option<f64>,
}

/// One happening: a cluster of records reporting it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventCluster {
    /// Stable while the cluster's first member stays the same.
    pub id: String,
    /// PLOVER category.
    pub event: String,
    /// Modes of any member.
    pub mode: Vec<String>,
    /// Quad class.
    pub quad_code: i64,
    /// The representative record's score.
    pub event_scale: f64,
    /// The representative record's date.
    pub date: Option<String>,
    /// Its precision.
    pub date_precision: String,
    /// Country of the place.
    pub country: Option<String>,
    /// Province of the place.
    pub admin1: Option<String>,
    /// The place.
    pub place: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Actor codes of any member.
    pub actor_codes: Vec<String>,
    /// Recipient codes of any member.
    pub recipient_codes: Vec<String>,
    /// The representative's actors, as words with code and sector.
    pub actors: Vec<String>,
    /// The representative's recipients.
    pub recipients: Vec<String>,
    /// The text says it did not happen.
    pub negated: bool,
    /// Conditional.
    pub hypothetical: bool,
    /// Announced or planned.
    pub future: bool,
    /// Background.
    pub historical: bool,
    /// Mentions in all documents (repeats within a document count).
    pub num_mentions: i64,
    /// Distinct outlets.
    pub num_sources: i64,
    /// Distinct documents.
    pub num_articles: i64,
    /// Earliest publication among the documents.
    pub first_seen: Option<String>,
    /// Latest publication.
    pub last_seen: Option<String>,
    /// The representative's sentence.
    pub text: String,
    /// The representative's trigger words.
    pub event_text: String,
    /// The representative record's id.
    pub record_id: String,
    /// The representative record's document.
    pub doc_id: String,
    /// Member records, when asked for.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Member>,
    /// The merges that joined the members, when asked for.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub merges: Vec<MergeEvidence>,
    #[serde(skip)]
    pub(crate) key: i64,
}

const CLUSTER_COLUMNS: &str = "c.id, c.event, c.modes, c.quad, c.scale, c.date, c.date_precision, \
    c.country, c.admin1, c.place_name, c.lat, c.lon, c.actor_codes, c.recipient_codes, c.negated, \
    c.hypothetical, c.future, c.historical, c.num_mentions, c.num_sources, c.num_articles, \
    c.first_seen, c.last_seen, r.sentence, r.event_text, r.id, d.id, c.cluster_key, c.rep_key";

fn cluster_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<(EventCluster, i64)> {
    let modes: String = row.get(2)?;
    let actors: String = row.get(12)?;
    let recipients: String = row.get(13)?;
    Ok((
        EventCluster {
            id: row.get(0)?,
            event: row.get(1)?,
            mode: unpipe(&modes),
            quad_code: row.get(3)?,
            event_scale: row.get(4)?,
            date: row.get(5)?,
            date_precision: row.get(6)?,
            country: row.get(7)?,
            admin1: row.get(8)?,
            place: row.get(9)?,
            lat: row.get(10)?,
            lon: row.get(11)?,
            actor_codes: unpipe(&actors),
            recipient_codes: unpipe(&recipients),
            actors: Vec::new(),
            recipients: Vec::new(),
            negated: row.get(14)?,
            hypothetical: row.get(15)?,
            future: row.get(16)?,
            historical: row.get(17)?,
            num_mentions: row.get(18)?,
            num_sources: row.get(19)?,
            num_articles: row.get(20)?,
            first_seen: row.get(21)?,
            last_seen: row.get(22)?,
            text: row.get(23)?,
            event_text: row.get(24)?,
            record_id: row.get(25)?,
            doc_id: row.get(26)?,
            members: Vec::new(),
            merges: Vec::new(),
            key: row.get(27)?,
        },
        row.get(28)?,
    ))
}

fn check_day(s: &str, what: &str) -> Result<String> {
    day_number(s)
        .filter(|_| s.len() == 10)
        .map(|_| s.to_string())
        .ok_or_else(|| StoreError::Invalid(format!("{what}: expected YYYY-MM-DD, got {s:?}")))
}

/// FTS5 query of the words of `text`, each quoted, all required.
fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\""))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

fn like_pattern(s: &str) -> String {
    let mut p = String::from("%");
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

/// Clauses and parameters of a cluster query.
#[derive(Default)]
struct Where {
    clauses: Vec<String>,
    params: Vec<Value>,
}

impl Where {
    fn add(&mut self, clause: &str, params: Vec<Value>) {
        // Each `?` in the clause becomes the next numbered parameter.
        let mut out = String::new();
        for ch in clause.chars() {
            if ch == '?' {
                self.params.push(Value::Null);
                out.push_str(&format!("?{}", self.params.len()));
            } else {
                out.push(ch);
            }
        }
        let start = self.params.len() - params.len().min(self.params.len());
        for (slot, p) in self.params.iter_mut().skip(start).zip(params) {
            *slot = p;
        }
        self.clauses.push(out);
    }

    fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.clauses.join(" AND "))
        }
    }
}

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

impl EventFilter {
    /// The actor filter as an upper-cased code or sector, when it is one.
    fn actor_code(&self) -> Option<String> {
        let a = self.actor.as_deref().map(str::trim)?;
        (a.len() == 3 && a.chars().all(|c| c.is_ascii_alphabetic())).then(|| a.to_uppercase())
    }

    /// `common_actor`: the actor code is frequent enough that checking clusters in date order
    /// finds `limit` of them sooner than listing all of its clusters first.
    fn to_where(&self, common_actor: bool) -> Result<Where> {
        let mut w = Where::default();
        if let Some(c) = &self.country {
            w.add("c.country = ?", vec![text(&c.trim().to_uppercase())]);
        }
        if let Some(a) = &self.admin1 {
            w.add("c.admin1 = ? COLLATE NOCASE", vec![text(a.trim())]);
        }
        if let Some(a) = self.actor.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
            if let Some(a) = self.actor_code() {
                let sql = if common_actor {
                    "EXISTS (SELECT 1 FROM records r2 JOIN entities e ON e.rec_key = r2.rec_key \
                     WHERE r2.cluster_key = c.cluster_key AND (e.code = ? OR e.sector = ?))"
                } else {
                    "c.cluster_key IN (SELECT r2.cluster_key FROM entities e JOIN records r2 \
                     ON r2.rec_key = e.rec_key WHERE e.code = ? OR e.sector = ?)"
                };
                w.add(sql, vec![text(&a), text(&a)]);
            } else {
                let p = like_pattern(a);
                w.add(
                    "c.cluster_key IN (SELECT r2.cluster_key FROM entities e JOIN records r2 \
                     ON r2.rec_key = e.rec_key WHERE e.entity_text LIKE ? ESCAPE '\\' \
                     OR e.identifier_text LIKE ? ESCAPE '\\')",
                    vec![text(&p), text(&p)],
                );
            }
        }
        if let Some(e) = &self.event {
            let ev: EventType = e
                .trim()
                .to_uppercase()
                .parse()
                .map_err(|_| StoreError::Invalid(format!("unknown PLOVER category {e:?}")))?;
            w.add("c.event = ?", vec![text(ev.as_str())]);
        }
        if let Some(q) = self.quad {
            w.add("c.quad = ?", vec![Value::Integer(i64::from(q))]);
        }
        if let Some(m) = &self.mode {
            let mode: Mode = m
                .trim()
                .to_lowercase()
                .parse()
                .map_err(|_| StoreError::Invalid(format!("unknown PLOVER mode {m:?}")))?;
            w.add("c.modes LIKE ?", vec![text(&format!("%|{}|%", mode.as_str()))]);
        }
        if let Some(s) = &self.since {
            w.add("c.date >= ?", vec![text(&check_day(s, "since")?)]);
        }
        if let Some(u) = &self.until {
            w.add("c.date <= ?", vec![text(&check_day(u, "until")?)]);
        }
        if let Some((lat, lon, km)) = self.near {
            if !(lat.is_finite() && lon.is_finite() && km.is_finite() && km >= 0.0) {
                return Err(StoreError::Invalid("near: LAT,LON,KM must be numbers".into()));
            }
            // A bounding box first, so the latitude index does most of the work.
            let dlat = km / 110.574;
            w.add("c.lat BETWEEN ? AND ?", vec![Value::Real(lat - dlat), Value::Real(lat + dlat)]);
            let coslat = lat.to_radians().cos();
            if coslat > 0.01 {
                let dlon = km / (111.320 * coslat);
                if lon - dlon > -180.0 && lon + dlon < 180.0 {
                    w.add(
                        "c.lon BETWEEN ? AND ?",
                        vec![Value::Real(lon - dlon), Value::Real(lon + dlon)],
                    );
                }
            }
            w.add(
                "dist_km(c.lat, c.lon, ?, ?) <= ?",
                vec![Value::Real(lat), Value::Real(lon), Value::Real(km)],
            );
        }
        if let Some(n) = self.min_sources {
            w.add("c.num_sources >= ?", vec![Value::Integer(i64::from(n))]);
        }
        if let Some(q) = self.text.as_deref().and_then(fts_query) {
            w.add(
                "c.cluster_key IN (SELECT r3.cluster_key FROM record_text t JOIN records r3 \
                 ON r3.rec_key = t.rowid WHERE record_text MATCH ?)",
                vec![text(&q)],
            );
        }
        if self.factual_only {
            w.add("c.negated = 0 AND c.hypothetical = 0 AND c.future = 0", vec![]);
        }
        Ok(w)
    }
}

/// Time buckets of statistics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Period {
    /// Calendar day.
    #[default]
    Day,
    /// ISO week, named by its Monday.
    Week,
    /// Calendar month, `YYYY-MM`.
    Month,
}

/// Regions of statistics and alerts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RegionLevel {
    /// By country of the place.
    #[default]
    Country,
    /// By country and first-level division.
    Admin1,
}

/// How statistics split events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Split {
    /// By PLOVER category.
    #[default]
    Event,
    /// By quad class.
    Quad,
}

/// A statistics query. Events without a date are left out.
#[derive(Debug, Clone, PartialEq)]
pub struct StatsQuery {
    /// Time bucket.
    pub by: Period,
    /// Region level.
    pub group: RegionLevel,
    /// Split.
    pub split: Split,
    /// Only this country.
    pub country: Option<String>,
    /// First day, inclusive.
    pub since: Option<String>,
    /// Last day, inclusive.
    pub until: Option<String>,
    /// Leave out negated, hypothetical and future events (default).
    pub factual_only: bool,
}

impl Default for StatsQuery {
    fn default() -> Self {
        StatsQuery {
            by: Period::Day,
            group: RegionLevel::Country,
            split: Split::Event,
            country: None,
            since: None,
            until: None,
            factual_only: true,
        }
    }
}

/// One cell of statistics.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatRow {
    /// `YYYY-MM-DD` (day, or the Monday of a week) or `YYYY-MM`.
    pub period: String,
    /// Country, when known.
    pub country: Option<String>,
    /// Province, when grouped by admin1 and known.
    pub admin1: Option<String>,
    /// Category or quad class.
    pub key: String,
    /// Events (clusters).
    pub events: i64,
    /// Mentions summed.
    pub mentions: i64,
    /// PLOVER scores of the events summed.
    pub score: f64,
}

/// What an alert measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AlertMetric {
    /// Material-conflict events a day.
    #[default]
    Count,
    /// Their summed conflict intensity (minus the PLOVER score, so positive).
    Score,
}

/// Escalation-alert thresholds; docs/STORE.md explains the method.
#[derive(Debug, Clone, PartialEq)]
pub struct AlertConfig {
    /// Region level.
    pub group: RegionLevel,
    /// What is compared with the baseline.
    pub metric: AlertMetric,
    /// Trailing baseline length in days.
    pub window_days: i64,
    /// Standard deviations above the baseline mean.
    pub k: f64,
    /// At least this many events that day.
    pub min_count: i64,
    /// At least this many baseline days covered by the store.
    pub min_baseline_days: i64,
    /// First alert day, inclusive.
    pub since: Option<String>,
    /// Last alert day, inclusive.
    pub until: Option<String>,
}

impl Default for AlertConfig {
    fn default() -> Self {
        AlertConfig {
            group: RegionLevel::Admin1,
            metric: AlertMetric::Count,
            window_days: 14,
            k: 3.0,
            min_count: 3,
            min_baseline_days: 7,
            since: None,
            until: None,
        }
    }
}

/// A day when a region's material conflict rose above its baseline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alert {
    /// The day.
    pub day: String,
    /// Country.
    pub country: String,
    /// Province, when grouped by admin1 and known.
    pub admin1: Option<String>,
    /// `count` or `score`.
    pub metric: String,
    /// The day's value.
    pub value: f64,
    /// Material-conflict events that day.
    pub count: i64,
    /// Baseline mean.
    pub baseline_mean: f64,
    /// Baseline standard deviation.
    pub baseline_sd: f64,
    /// mean + k·sd.
    pub threshold: f64,
    /// Days the baseline covered.
    pub baseline_days: i64,
    /// The events of that day and region.
    pub events: Vec<EventCluster>,
}

impl Store {
    /// Event clusters matching `filter`, latest first.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<EventCluster>> {
        let mut common_actor = false;
        if let (Some(code), Some(limit)) = (filter.actor_code(), filter.limit) {
            let n: i64 = self.conn.query_row(
                "SELECT (SELECT COUNT(*) FROM entities WHERE code = ?1)
                      + (SELECT COUNT(*) FROM entities WHERE sector = ?1)",
                [&code],
                |r| r.get(0),
            )?;
            common_actor = n > 50 * i64::try_from(limit).unwrap_or(i64::MAX / 100).max(20);
        }
        let w = filter.to_where(common_actor)?;
        self.select_clusters(&w, "ORDER BY c.date DESC, c.id", filter.limit, filter.with_members)
    }

    fn select_clusters(
        &self,
        w: &Where,
        order: &str,
        limit: Option<usize>,
        with_members: bool,
    ) -> Result<Vec<EventCluster>> {
        let limit_sql = limit.map(|n| format!("LIMIT {n}")).unwrap_or_default();
        let sql = format!(
            "SELECT {CLUSTER_COLUMNS} FROM clusters c JOIN records r ON r.rec_key = c.rep_key \
             JOIN documents d ON d.doc_key = r.doc_key {} {order} {limit_sql}",
            w.sql()
        );
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(w.params.iter()), cluster_from_row)?;
        let mut out = Vec::new();
        for row in rows {
            let (mut c, rep) = row?;
            self.fill_entities(&mut c, rep)?;
            if with_members {
                self.fill_members(&mut c)?;
            }
            out.push(c);
        }
        Ok(out)
    }

    fn fill_entities(&self, c: &mut EventCluster, rep: i64) -> Result<()> {
        let mut st = self.conn.prepare_cached(
            "SELECT role, entity_text, code, sector FROM entities WHERE rec_key = ?1 ORDER BY role, pos",
        )?;
        let rows = st.query_map([rep], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })?;
        for row in rows {
            let (role, words, code, sector) = row?;
            let tags: Vec<String> = code.into_iter().chain(sector).collect();
            let shown =
                if tags.is_empty() { words } else { format!("{words} [{}]", tags.join(" ")) };
            if role == "actor" {
                c.actors.push(shown);
            } else {
                c.recipients.push(shown);
            }
        }
        Ok(())
    }

    fn fill_members(&self, c: &mut EventCluster) -> Result<()> {
        let mut st = self.conn.prepare_cached(
            "SELECT r.id, d.id, d.source, d.url, d.published, r.date, r.place_name, r.sentence
             FROM records r JOIN documents d ON d.doc_key = r.doc_key
             WHERE r.cluster_key = ?1 ORDER BY d.id, r.pos",
        )?;
        let rows = st.query_map([c.key], |r| {
            Ok(Member {
                record_id: r.get(0)?,
                doc_id: r.get(1)?,
                source: r.get(2)?,
                url: r.get(3)?,
                published: r.get(4)?,
                date: r.get(5)?,
                place: r.get(6)?,
                text: r.get(7)?,
            })
        })?;
        c.members = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        let mut st = self.conn.prepare_cached(
            "SELECT da.id || '/' || ra.id, db.id || '/' || rb.id, m.rule, m.actor_shared,
                    m.recipient_shared, m.date_gap_days, m.place_rule, m.distance_km
             FROM merges m
             JOIN records ra ON ra.rec_key = m.rec_a JOIN documents da ON da.doc_key = ra.doc_key
             JOIN records rb ON rb.rec_key = m.rec_b JOIN documents db ON db.doc_key = rb.doc_key
             WHERE m.cluster_key = ?1 ORDER BY 1, 2",
        )?;
        let rows = st.query_map([c.key], |r| {
            Ok(MergeEvidence {
                a: r.get(0)?,
                b: r.get(1)?,
                rule: r.get(2)?,
                actor_shared: r.get(3)?,
                recipient_shared: r.get(4)?,
                date_gap_days: r.get(5)?,
                place_rule: r.get(6)?,
                distance_km: r.get(7)?,
            })
        })?;
        c.merges = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(())
    }

    /// Every cluster in id order, in pages, for export.
    pub(crate) fn for_each_cluster(
        &self,
        with_members: bool,
        f: &mut dyn FnMut(&EventCluster) -> Result<()>,
    ) -> Result<u64> {
        let mut last = String::new();
        let mut n = 0u64;
        loop {
            let mut w = Where::default();
            w.add("c.id > ?", vec![text(&last)]);
            let page = self.select_clusters(&w, "ORDER BY c.id", Some(2000), with_members)?;
            let Some(tail) = page.last() else { break };
            last = tail.id.clone();
            for c in &page {
                f(c)?;
                n += 1;
            }
        }
        Ok(n)
    }

    /// Counts and summed scores by period × region × category or quad.
    pub fn stats(&self, q: &StatsQuery) -> Result<Vec<StatRow>> {
        let period = match q.by {
            Period::Day => "c.date",
            Period::Week => "date(c.date, '-6 days', 'weekday 1')",
            Period::Month => "substr(c.date, 1, 7)",
        };
        let admin1 = match q.group {
            RegionLevel::Country => "NULL",
            RegionLevel::Admin1 => "c.admin1",
        };
        let key = match q.split {
            Split::Event => "c.event",
            Split::Quad => "CAST(c.quad AS TEXT)",
        };
        let f = EventFilter {
            country: q.country.clone(),
            since: q.since.clone(),
            until: q.until.clone(),
            factual_only: q.factual_only,
            ..Default::default()
        };
        let mut w = f.to_where(false)?;
        w.add("c.date IS NOT NULL", vec![]);
        let sql = format!(
            "SELECT {period} AS p, c.country AS g, {admin1} AS a, {key} AS k, COUNT(*),
                    SUM(c.num_mentions), SUM(c.scale)
             FROM clusters c {} GROUP BY p, g, a, k ORDER BY p, g, a, k",
            w.sql()
        );
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(w.params.iter()), |r| {
            Ok(StatRow {
                period: r.get(0)?,
                country: r.get(1)?,
                admin1: r.get(2)?,
                key: r.get(3)?,
                events: r.get(4)?,
                mentions: r.get(5)?,
                score: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Days when a region's factual material-conflict events rose above its trailing baseline.
    pub fn alerts(&self, cfg: &AlertConfig) -> Result<Vec<Alert>> {
        if cfg.window_days < 1 || !cfg.k.is_finite() {
            return Err(StoreError::Invalid(
                "alerts: window must be ≥ 1 day and k a number".into(),
            ));
        }
        let since = cfg.since.as_deref().map(|s| check_day(s, "since")).transpose()?;
        let until = cfg.until.as_deref().map(|s| check_day(s, "until")).transpose()?;
        let since_n = since.as_deref().and_then(day_number).unwrap_or(i64::MIN);
        let until_n = until.as_deref().and_then(day_number).unwrap_or(i64::MAX);
        // The store covers days from its earliest dated event on; before that nothing is known,
        // so those days are not zeros of the baseline.
        let start: Option<String> = self.conn.query_row(
            "SELECT MIN(date) FROM clusters WHERE date IS NOT NULL",
            [],
            |r| r.get(0),
        )?;
        let Some(start) = start.as_deref().and_then(day_number) else { return Ok(Vec::new()) };
        let admin1 = match cfg.group {
            RegionLevel::Country => "NULL",
            RegionLevel::Admin1 => "c.admin1",
        };
        let sql = format!(
            "SELECT c.country, {admin1} AS a, c.date, COUNT(*), SUM(-c.scale) FROM clusters c
             WHERE c.quad = 4 AND c.negated = 0 AND c.hypothetical = 0 AND c.future = 0
               AND c.date IS NOT NULL AND c.country IS NOT NULL
             GROUP BY c.country, a, c.date"
        );
        type Region = (String, Option<String>);
        let mut series: BTreeMap<Region, BTreeMap<i64, (i64, f64)>> = BTreeMap::new();
        {
            let mut st = self.conn.prepare(&sql)?;
            let rows = st.query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, f64>(4)?,
                ))
            })?;
            for row in rows {
                let (country, a, date, n, score) = row?;
                if let Some(d) = day_number(&date) {
                    series.entry((country, a)).or_default().insert(d, (n, score));
                }
            }
        }
        let mut alerts = Vec::new();
        let first = since_n.max(start);
        if first > until_n {
            return Ok(Vec::new());
        }
        for ((country, a), days) in &series {
            for (&day, &(count, score)) in days.range(first..=until_n) {
                let from = (day - cfg.window_days).max(start);
                let n = day - from;
                if n < cfg.min_baseline_days.max(1) || count < cfg.min_count {
                    continue;
                }
                let pick = |v: (i64, f64)| match cfg.metric {
                    AlertMetric::Count => v.0 as f64,
                    AlertMetric::Score => v.1,
                };
                let values: Vec<f64> =
                    (from..day).map(|d| days.get(&d).copied().map(pick).unwrap_or(0.0)).collect();
                let mean = values.iter().sum::<f64>() / n as f64;
                let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n as f64;
                let sd = var.sqrt();
                let threshold = mean + cfg.k * sd;
                let value = pick((count, score));
                if value <= threshold {
                    continue;
                }
                let mut w = Where::default();
                w.add(
                    "c.quad = 4 AND c.negated = 0 AND c.hypothetical = 0 AND c.future = 0",
                    vec![],
                );
                w.add("c.date = ?", vec![text(&civil_from_days(day))]);
                w.add("c.country = ?", vec![text(country)]);
                if cfg.group == RegionLevel::Admin1 {
                    w.add("c.admin1 IS ?", vec![a.clone().map(Value::Text).unwrap_or(Value::Null)]);
                }
                let events = self.select_clusters(&w, "ORDER BY c.scale, c.id", None, false)?;
                alerts.push(Alert {
                    day: civil_from_days(day),
                    country: country.clone(),
                    admin1: a.clone(),
                    metric: match cfg.metric {
                        AlertMetric::Count => "count".into(),
                        AlertMetric::Score => "score".into(),
                    },
                    value,
                    count,
                    baseline_mean: mean,
                    baseline_sd: sd,
                    threshold,
                    baseline_days: n,
                    events,
                });
            }
        }
        alerts
            .sort_by(|x, y| (&x.day, &x.country, &x.admin1).cmp(&(&y.day, &y.country, &y.admin1)));
        Ok(alerts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn where_numbers_parameters_in_order() {
        let mut w = Where::default();
        w.add("a = ?", vec![text("x")]);
        w.add("b BETWEEN ? AND ?", vec![Value::Integer(1), Value::Integer(2)]);
        assert_eq!(w.sql(), "WHERE a = ?1 AND b BETWEEN ?2 AND ?3");
        assert_eq!(w.params, vec![text("x"), Value::Integer(1), Value::Integer(2)]);
    }

    #[test]
    fn text_queries_are_quoted_words() {
        assert_eq!(fts_query("shelling, Sweida!").as_deref(), Some("\"shelling\" \"Sweida\""));
        assert_eq!(fts_query("\"*)"), None);
        assert_eq!(like_pattern("a%b"), "%a\\%b%");
    }
}
