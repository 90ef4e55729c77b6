//! Ingest: documents and their records into the tables, then the clusters the batch touched
//! rebuilt so that they stay the connected components of the duplicate rules.

use crate::cluster::{compatible, partition, DateClass, MatchKey, PlaceLevel, Summary};
use crate::util::{days_from_civil, fnv128_hex, parse_ymd, url_host};
use crate::{Result, Store};
use lapwing_core::{Document, Entity, EventRecord};
use rusqlite::{params, OptionalExtension, Transaction};
use std::collections::{BTreeMap, BTreeSet};

/// What one ingest call did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct IngestOutcome {
    /// Documents stored for the first time.
    pub documents_added: usize,
    /// Documents stored before with other content, whose records were replaced.
    pub documents_replaced: usize,
    /// Documents already stored with the same content: skipped.
    pub documents_unchanged: usize,
    /// Records written.
    pub records_added: usize,
    /// Records removed because their document was replaced.
    pub records_removed: usize,
    /// Clusters written (new or rebuilt).
    pub clusters_written: usize,
}

impl IngestOutcome {
    fn add(&mut self, o: &IngestOutcome) {
        self.documents_added += o.documents_added;
        self.documents_replaced += o.documents_replaced;
        self.documents_unchanged += o.documents_unchanged;
        self.records_added += o.records_added;
        self.records_removed += o.records_removed;
        self.clusters_written += o.clusters_written;
    }
}

/// Joins codes as `|A|B|` so that `LIKE '%|A|%'` finds one exactly.
pub(crate) fn pipe_list<I: IntoIterator<Item = S>, S: AsRef<str>>(items: I) -> String {
    let mut s = String::from("|");
    for i in items {
        s.push_str(i.as_ref());
        s.push('|');
    }
    s
}

/// The items of a `|A|B|` list.
pub(crate) fn unpipe(s: &str) -> Vec<String> {
    s.split('|').filter(|x| !x.is_empty()).map(str::to_string).collect()
}

/// The keys an entity is matched by: its code, else its stable id, else its canonical name.
fn entity_key(e: &Entity) -> Option<String> {
    if let Some(c) = &e.code {
        return Some(c.as_str().to_string());
    }
    if let Some(id) = e.identifier_id.as_deref().filter(|s| !s.trim().is_empty()) {
        return Some(format!("id:{}", id.trim()));
    }
    e.identifier_text
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .map(|s| format!("name:{}", s.trim().to_lowercase()))
}

fn keys(es: &[Entity]) -> Vec<String> {
    let set: BTreeSet<String> = es.iter().filter_map(entity_key).collect();
    set.into_iter().collect()
}

/// The interval of days a record's date covers, by class.
fn date_interval(
    r: &EventRecord,
    published_day: Option<i64>,
) -> (DateClass, Option<i64>, Option<i64>) {
    let ymd = r.date.as_deref().and_then(parse_ymd);
    let class = DateClass::parse(r.date_precision.as_str());
    match (class, ymd) {
        (DateClass::Day, Some((y, m, d))) => {
            // A precise report is matched by the day it names; an `enddate` (an event over a
            // span) does not widen the match.
            let lo = days_from_civil(y, m, d);
            (DateClass::Day, Some(lo), Some(lo))
        }
        (DateClass::Week, Some((y, m, d))) => {
            let lo = days_from_civil(y, m, d);
            (DateClass::Week, Some(lo), Some(lo + 6))
        }
        (DateClass::Month, Some((y, m, _))) => {
            let lo = days_from_civil(y, m, 1);
            (DateClass::Month, Some(lo), Some(lo + i64::from(crate::util::days_in_month(y, m)) - 1))
        }
        (DateClass::Year, Some((y, _, _))) => {
            (DateClass::Year, Some(days_from_civil(y, 1, 1)), Some(days_from_civil(y, 12, 31)))
        }
        _ => (DateClass::Published, published_day, published_day),
    }
}

fn place_level(r: &EventRecord) -> PlaceLevel {
    let Some(loc) = &r.event_loc else { return PlaceLevel::None };
    let has_admin1 = loc.admin1.is_some() || loc.feature == "admin1";
    let country = if loc.country.is_some() { PlaceLevel::Country } else { PlaceLevel::None };
    match loc.feature.as_str() {
        "country" => country,
        "admin1" => PlaceLevel::Admin1,
        _ if loc.lat.is_some() && loc.lon.is_some() => PlaceLevel::Point,
        _ if has_admin1 => PlaceLevel::Admin1,
        _ => country,
    }
}

fn level_code(l: PlaceLevel) -> i64 {
    match l {
        PlaceLevel::None => 0,
        PlaceLevel::Country => 1,
        PlaceLevel::Admin1 => 2,
        PlaceLevel::Point => 3,
    }
}

fn level_from(c: i64) -> PlaceLevel {
    match c {
        1 => PlaceLevel::Country,
        2 => PlaceLevel::Admin1,
        3 => PlaceLevel::Point,
        _ => PlaceLevel::None,
    }
}

/// The outlet a document counts as for `num_sources`.
fn source_key(doc: &Document, records: &[EventRecord]) -> String {
    let cite = records.first().map(|r| &r.cite_info);
    let named = doc
        .source
        .as_deref()
        .or_else(|| cite.and_then(|c| c.source.as_deref()))
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty());
    if let Some(s) = named {
        return s;
    }
    let url = doc.url.as_deref().or_else(|| cite.and_then(|c| c.url.as_deref()));
    if let Some(h) = url.and_then(url_host) {
        return h;
    }
    // Nothing names the outlet: the document counts as its own source.
    format!("doc:{}", doc.id)
}

/// A hash of everything stored from a document, so that a rerun can skip it, and the records'
/// JSON to store. The coding date is left out of the hash: coding the same text again tomorrow
/// is not a change.
fn content_hash(doc: &Document, records: &[EventRecord]) -> Result<(String, Vec<String>)> {
    let mut parts: Vec<Vec<u8>> = vec![serde_json::to_vec(doc)?];
    let mut jsons = Vec::with_capacity(records.len());
    // `coded_date` is the record's last field: the JSON hashed (without it) becomes the JSON
    // stored (with it) by putting the date back in at the end, so each record is serialised
    // once rather than twice.
    const EMPTY_DATE_END: &[u8] = br#""coded_date":""}"#;
    for r in records {
        let mut bare = r.clone();
        bare.coded_date.clear();
        let hashed = serde_json::to_vec(&bare)?;
        let head = hashed.strip_suffix(br#"""}"#.as_slice());
        let json = match head.filter(|_| hashed.ends_with(EMPTY_DATE_END)) {
            Some(head) => {
                let mut json = String::from_utf8_lossy(head).into_owned();
                json.push_str(&serde_json::to_string(&r.coded_date)?);
                json.push('}');
                json
            }
            _ => serde_json::to_string(r)?,
        };
        jsons.push(json);
        parts.push(hashed);
    }
    let refs: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
    Ok((fnv128_hex(&refs), jsons))
}

fn published_day(doc: &Document, r: &EventRecord) -> Option<i64> {
    doc.published_day()
        .or(r.cite_info.published.as_deref())
        .and_then(parse_ymd)
        .map(|(y, m, d)| days_from_civil(y, m, d))
}

const KEY_COLUMNS: &str = "r.rec_key, r.doc_key, d.id, r.id, r.event, r.aux_key, r.date_class, \
     r.date_lo, r.date_hi, r.place_level, r.country, r.admin1, r.lat, r.lon, r.actor_keys, \
     r.recipient_keys, r.cluster_key, r.date_precision, r.confidence, r.modes, r.mentions, \
     d.source_key, d.published";

fn key_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<MatchKey> {
    let doc_id: String = row.get(2)?;
    let rec_id: String = row.get(3)?;
    let class: String = row.get(6)?;
    let actors: String = row.get(14)?;
    let recipients: String = row.get(15)?;
    Ok(MatchKey {
        rec_key: row.get(0)?,
        doc_key: row.get(1)?,
        natural: format!("{doc_id}\u{1f}{rec_id}"),
        event: row.get(4)?,
        aux: row.get(5)?,
        class: DateClass::parse(&class),
        lo: row.get(7)?,
        hi: row.get(8)?,
        level: level_from(row.get(9)?),
        country: row.get(10)?,
        admin1: row.get(11)?,
        lat: row.get(12)?,
        lon: row.get(13)?,
        actors: unpipe(&actors),
        recipients: unpipe(&recipients),
        cluster_key: row.get(16)?,
        summary: Summary {
            precision: row.get(17)?,
            confidence: row.get(18)?,
            modes: row.get(19)?,
            mentions: row.get(20)?,
            source_key: row.get(21)?,
            published: row.get(22)?,
        },
    })
}

impl Store {
    /// Stores one document and its records in one transaction. See [`Store::ingest_batch`].
    pub fn ingest(&mut self, doc: &Document, records: &[EventRecord]) -> Result<IngestOutcome> {
        self.ingest_batch(&[(doc.clone(), records.to_vec())])
    }

    /// Stores documents and their records in one transaction, then rebuilds the clusters the
    /// batch touched. A document already stored with the same content is skipped; one stored
    /// with other content has its records replaced.
    pub fn ingest_batch(
        &mut self,
        batch: &[(Document, Vec<EventRecord>)],
    ) -> Result<IngestOutcome> {
        let cfg = self.config;
        let tx = self.conn.transaction()?;
        let mut out = IngestOutcome::default();
        let mut dirty: BTreeSet<i64> = BTreeSet::new();
        let mut new_recs: Vec<i64> = Vec::new();
        // How many of `new_recs` are in the text index already (all of them when a trigger of
        // an older schema indexes each row).
        let mut indexed = if self.feeds_text { 0 } else { usize::MAX };
        for (doc, records) in batch {
            out.add(&store_document(&tx, doc, records, &mut dirty, &mut new_recs, &mut indexed)?);
        }
        index_text(&tx, &new_recs, &mut indexed)?;
        out.clusters_written = recluster_from(&tx, &cfg, &new_recs, dirty)?;
        tx.commit()?;
        Ok(out)
    }

    /// Rebuilds every cluster from the records (after a change of thresholds). Returns the
    /// number of clusters.
    pub fn recluster(&mut self) -> Result<usize> {
        let cfg = self.config;
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM merges", [])?;
        tx.execute("DELETE FROM clusters", [])?;
        tx.execute("UPDATE records SET cluster_key = NULL", [])?;
        let all: Vec<MatchKey> = {
            let sql = format!(
                "SELECT {KEY_COLUMNS} FROM records r JOIN documents d ON d.doc_key = r.doc_key"
            );
            let mut st = tx.prepare(&sql)?;
            let v = st.query_map([], key_from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
            v
        };
        let n = write_partition(&tx, &cfg, all, &BTreeSet::new(), &BTreeSet::new())?;
        tx.commit()?;
        Ok(n)
    }
}

/// Adds the records `new_recs[*indexed..]` to the full-text index in one statement, so that
/// FTS5 flushes its pending terms once per batch rather than once per record (as an insert
/// trigger made it do). `usize::MAX` in `indexed` means a trigger indexes them (schema v2).
fn index_text(tx: &Transaction<'_>, new_recs: &[i64], indexed: &mut usize) -> Result<()> {
    let Some(todo) = new_recs.get(*indexed..).filter(|t| !t.is_empty()) else { return Ok(()) };
    tx.prepare_cached(
        "INSERT INTO record_text(rowid, sentence)
         SELECT rec_key, sentence FROM records
         WHERE rec_key IN (SELECT value FROM json_each(?1)) ORDER BY rec_key",
    )?
    .execute([json_list(todo)])?;
    *indexed = new_recs.len();
    Ok(())
}

fn store_document(
    tx: &Transaction<'_>,
    doc: &Document,
    records: &[EventRecord],
    dirty: &mut BTreeSet<i64>,
    new_recs: &mut Vec<i64>,
    indexed: &mut usize,
) -> Result<IngestOutcome> {
    let mut out = IngestOutcome::default();
    let (hash, jsons) = content_hash(doc, records)?;
    let mut jsons = jsons.into_iter();
    let existing: Option<(i64, String)> = tx
        .prepare_cached("SELECT doc_key, content_hash FROM documents WHERE id = ?1")?
        .query_row([&doc.id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if let Some((doc_key, old_hash)) = existing {
        if old_hash == hash {
            out.documents_unchanged = 1;
            return Ok(out);
        }
        {
            let mut st = tx.prepare_cached(
                "SELECT DISTINCT cluster_key FROM records WHERE doc_key = ?1 AND cluster_key IS NOT NULL",
            )?;
            for k in st.query_map([doc_key], |r| r.get::<_, i64>(0))? {
                dirty.insert(k?);
            }
        }
        // The delete trigger takes the old rows out of the text index, so they must be in it:
        // a document given twice in one batch has rows not indexed yet.
        index_text(tx, new_recs, indexed)?;
        out.records_removed =
            tx.prepare_cached("DELETE FROM records WHERE doc_key = ?1")?.execute([doc_key])?;
        tx.prepare_cached("DELETE FROM documents WHERE doc_key = ?1")?.execute([doc_key])?;
        out.documents_replaced = 1;
    } else {
        out.documents_added = 1;
    }
    tx.prepare_cached(
        "INSERT INTO documents (id, content_hash, title, published, url, source, source_key, num_records)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        doc.id,
        hash,
        doc.title,
        doc.published,
        doc.url,
        doc.source,
        source_key(doc, records),
        records.len() as i64
    ])?;
    let doc_key = tx.last_insert_rowid();
    let mut ins = tx.prepare_cached(
        "INSERT INTO records (doc_key, pos, id, event, modes, contexts, quad, scale, date, enddate,
            date_precision, date_text, date_class, date_lo, date_hi, place_level, place_name,
            place_text, country, admin1, lat, lon, geonames_id, feature, event_text, negated,
            hypothetical, future, historical, aux_key, sentence, sequence, confidence, mentions,
            actor_keys, recipient_keys)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
            ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35,
            ?36)",
    )?;
    let mut json_ins =
        tx.prepare_cached("INSERT INTO record_json (rec_key, json) VALUES (?1, ?2)")?;
    let mut ent = tx.prepare_cached(
        "INSERT INTO entities (rec_key, role, pos, entity_text, identifier_text, identifier_id,
            code, sector, other_sectors) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (pos, r) in records.iter().enumerate() {
        let (class, lo, hi) = date_interval(r, published_day(doc, r));
        let loc = r.event_loc.as_ref();
        let aux = i64::from(r.aux.negated)
            | i64::from(r.aux.hypothetical) << 1
            | i64::from(r.aux.future) << 2
            | i64::from(r.aux.historical) << 3;
        let json = jsons.next().map_or_else(|| serde_json::to_string(r), Ok)?;
        ins.execute(params![
            doc_key,
            pos as i64,
            r.id,
            r.event.as_str(),
            pipe_list(r.mode.iter().map(|m| m.as_str())),
            pipe_list(r.context.iter().map(|c| c.as_str())),
            i64::from(r.quad_code),
            r.event_scale,
            r.date,
            r.enddate,
            r.date_precision,
            r.date_text,
            class.as_str(),
            lo,
            hi,
            level_code(place_level(r)),
            loc.map(|l| l.name.as_str()),
            loc.map(|l| l.text.as_str()),
            loc.and_then(|l| l.country.as_deref()),
            loc.and_then(|l| l
                .admin1
                .clone()
                .or_else(|| (l.feature == "admin1").then(|| l.name.clone()))),
            loc.and_then(|l| l.lat),
            loc.and_then(|l| l.lon),
            loc.and_then(|l| l.geonames_id).and_then(|g| i64::try_from(g).ok()),
            loc.map(|l| l.feature.as_str()),
            r.event_text,
            r.aux.negated,
            r.aux.hypothetical,
            r.aux.future,
            r.aux.historical,
            aux,
            r.text,
            r.text_info.sequence as i64,
            r.confidence,
            1 + r.evidence.also_reported.len() as i64,
            pipe_list(keys(&r.actor)),
            pipe_list(keys(&r.recipient)),
        ])?;
        let rec_key = tx.last_insert_rowid();
        json_ins.execute(params![rec_key, json])?;
        new_recs.push(rec_key);
        for (role, list) in [("actor", &r.actor), ("recipient", &r.recipient)] {
            for (i, e) in list.iter().enumerate() {
                ent.execute(params![
                    rec_key,
                    role,
                    i as i64,
                    e.entity_text,
                    e.identifier_text,
                    e.identifier_id,
                    e.code.as_ref().map(|c| c.as_str().to_string()),
                    e.sector.map(|s| s.as_str()),
                    pipe_list(e.other_sector_codes.iter().map(|s| s.as_str())),
                ])?;
            }
        }
        out.records_added += 1;
    }
    Ok(out)
}

/// The records of one category, date class and auxiliary modes whose first day is in
/// `from..=to`, by first day: the candidates of every seed whose reach falls in that window,
/// read once for all of them (the rules are applied by the caller).
fn window(
    tx: &Transaction<'_>,
    event: &str,
    class: DateClass,
    aux: i64,
    from: i64,
    to: i64,
) -> Result<Vec<MatchKey>> {
    let sql = format!(
        "SELECT {KEY_COLUMNS} FROM records r JOIN documents d ON d.doc_key = r.doc_key
         WHERE r.event = ?1 AND r.date_class = ?2 AND r.date_lo BETWEEN ?3 AND ?4
           AND r.aux_key = ?5
         ORDER BY r.date_lo"
    );
    let mut st = tx.prepare_cached(&sql)?;
    let rows = st.query_map(params![event, class.as_str(), from, to, aux], key_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The match keys of the given records, in one query.
fn load_keys(tx: &Transaction<'_>, rec_keys: &[i64]) -> Result<Vec<MatchKey>> {
    let sql = format!(
        "SELECT {KEY_COLUMNS} FROM records r JOIN documents d ON d.doc_key = r.doc_key
         WHERE r.rec_key IN (SELECT value FROM json_each(?1))"
    );
    let mut st = tx.prepare_cached(&sql)?;
    let rows = st.query_map([json_list(rec_keys)], key_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// `[1,2,3]`: a list of row keys as one SQL parameter, for `json_each`.
fn json_list(keys: &[i64]) -> String {
    let mut list = String::with_capacity(keys.len() * 8 + 2);
    list.push('[');
    for (i, k) in keys.iter().enumerate() {
        if i > 0 {
            list.push(',');
        }
        list.push_str(&k.to_string());
    }
    list.push(']');
    list
}

fn cluster_members(tx: &Transaction<'_>, cluster_keys: &BTreeSet<i64>) -> Result<Vec<MatchKey>> {
    if cluster_keys.is_empty() {
        return Ok(Vec::new());
    }
    let keys: Vec<i64> = cluster_keys.iter().copied().collect();
    let sql = format!(
        "SELECT {KEY_COLUMNS} FROM records r JOIN documents d ON d.doc_key = r.doc_key
         WHERE r.cluster_key IN (SELECT value FROM json_each(?1))"
    );
    let mut st = tx.prepare_cached(&sql)?;
    let rows = st.query_map([json_list(&keys)], key_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A seed with the first and last day a candidate's first day may be on.
type Reach<'a> = (i64, i64, &'a MatchKey);

/// Rebuilds the clusters around `seeds` (records just stored, without a cluster) and the
/// `dirty` clusters (which lost records): the seeds, every cluster holding a record compatible
/// with a seed, and the dirty clusters are taken apart and partitioned again. Returns the
/// number of clusters written.
fn recluster_from(
    tx: &Transaction<'_>,
    cfg: &crate::ClusterConfig,
    seeds: &[i64],
    dirty: BTreeSet<i64>,
) -> Result<usize> {
    let mut set: BTreeMap<i64, MatchKey> = BTreeMap::new();
    // The clusters taken apart; their members are read at the end, in one query.
    let mut seen: BTreeSet<i64> = dirty.clone();
    let seed_keys = load_keys(tx, seeds)?;
    for k in &seed_keys {
        set.entry(k.rec_key).or_insert_with(|| k.clone());
    }
    // Seeds of one category, date class and auxiliary modes share one read of the records in
    // reach of any of them (overlapping reaches are merged into one window), instead of one
    // query per seed: a busy day has hundreds of reports of one category.
    let gap = cfg.max_date_gap_days;
    let mut groups: BTreeMap<(&str, DateClass, i64), Vec<Reach<'_>>> = BTreeMap::new();
    for k in &seed_keys {
        if let (Some(lo), Some(hi)) = (k.lo, k.hi) {
            let reach = (lo - gap - k.class.max_span(), hi + gap);
            groups
                .entry((k.event.as_str(), k.class, k.aux))
                .or_default()
                .push((reach.0, reach.1, k));
        }
    }
    for ((event, class, aux), mut reaches) in groups {
        reaches.sort_by_key(|r| (r.0, r.1));
        let mut rest = reaches.as_slice();
        while let Some(&(from, first_to, _)) = rest.first() {
            let mut to = first_to;
            let mut n = 0;
            for r in rest {
                if r.0 > to {
                    break;
                }
                to = to.max(r.1);
                n += 1;
            }
            let (part, tail) = rest.split_at(n);
            rest = tail;
            let rows = window(tx, event, class, aux, from, to)?;
            for &(lo, hi, k) in part {
                let start = rows.partition_point(|c| c.lo < Some(lo));
                for c in rows.get(start..).unwrap_or(&[]).iter().take_while(|c| c.lo <= Some(hi)) {
                    if compatible(k, c, cfg).is_none() {
                        continue;
                    }
                    match c.cluster_key {
                        Some(ck) => {
                            seen.insert(ck);
                        }
                        None => {
                            set.entry(c.rec_key).or_insert_with(|| c.clone());
                        }
                    }
                }
            }
        }
    }
    for m in cluster_members(tx, &seen)? {
        set.entry(m.rec_key).or_insert(m);
    }
    write_partition(tx, cfg, set.into_values().collect(), &seen, &dirty)
}

/// How a part of a partition is written.
#[derive(Clone, Copy, PartialEq)]
enum Write {
    /// A new cluster row (under the old key when given).
    Insert(Option<i64>),
    /// The old cluster with the same seed and every old member, plus new ones: its row is
    /// updated and only the new members' merges are added (the old ones still hold, being
    /// links to the same seed). Most clusters a batch touches grow this way, so this saves
    /// rewriting every merge of every touched cluster each batch.
    Grow(i64),
}

/// Partitions `members` and writes one cluster per part. `old` are the clusters the members
/// were taken from (all of their members are among `members`), `dirty` those that lost
/// records since.
fn write_partition(
    tx: &Transaction<'_>,
    cfg: &crate::ClusterConfig,
    mut members: Vec<MatchKey>,
    old: &BTreeSet<i64>,
    dirty: &BTreeSet<i64>,
) -> Result<usize> {
    // Natural order, so that the cluster id (from its first member) and the representative do
    // not depend on rec_key order.
    members.sort_by(|a, b| a.natural.cmp(&b.natural));
    let parts = partition(&members, cfg);
    let n = parts.len();
    let mut old_sizes: BTreeMap<i64, usize> = BTreeMap::new();
    for k in members.iter().filter_map(|m| m.cluster_key) {
        *old_sizes.entry(k).or_default() += 1;
    }
    // A rebuilt cluster keeps the row key most of its members had, so that only the records
    // that really moved are updated.
    let mut used: BTreeSet<i64> = BTreeSet::new();
    let mut planned = Vec::with_capacity(n);
    for (mut idx, merges) in parts {
        // The part's first member is its seed.
        let seed_key = idx.first().and_then(|&i| members.get(i)).and_then(|m| m.cluster_key);
        idx.sort_unstable();
        let mut votes: BTreeMap<i64, usize> = BTreeMap::new();
        for m in idx.iter().filter_map(|&i| members.get(i)) {
            if let Some(k) = m.cluster_key {
                *votes.entry(k).or_default() += 1;
            }
        }
        let reuse = votes
            .iter()
            .filter(|(k, _)| !used.contains(*k))
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(k, _)| *k);
        let write = match reuse {
            Some(k) => {
                used.insert(k);
                // The seed is the earliest member in the canonical order, so an old seed that
                // is still first, with every old member kept, means the same seed as before.
                let grows = seed_key == Some(k)
                    && !dirty.contains(&k)
                    && votes.get(&k) == old_sizes.get(&k);
                if grows {
                    Write::Grow(k)
                } else {
                    Write::Insert(Some(k))
                }
            }
            None => Write::Insert(None),
        };
        planned.push((idx, merges, write));
    }
    // Every old cluster but those that grow is written anew; deleting them all first keeps the
    // unique cluster ids free for the rows that take them over.
    let grown: BTreeSet<i64> = planned
        .iter()
        .filter_map(|p| match p.2 {
            Write::Grow(k) => Some(k),
            Write::Insert(_) => None,
        })
        .collect();
    for ck in old.difference(&grown) {
        tx.prepare_cached("DELETE FROM clusters WHERE cluster_key = ?1")?.execute([ck])?;
    }
    // Reused keys first: a fresh key is the largest one plus one, which could be a key that is
    // about to be reused.
    planned.sort_by_key(|p| p.2 == Write::Insert(None));
    for (idx, merges, write) in planned {
        let group: Vec<&MatchKey> = idx.iter().filter_map(|&i| members.get(i)).collect();
        write_cluster(tx, &group, &merges, &members, write)?;
    }
    Ok(n)
}

fn rank_precision(p: &str) -> i64 {
    match p {
        "day" => 0,
        "week" => 1,
        "month" => 2,
        "year" => 3,
        _ => 4,
    }
}

/// Writes one cluster (as `write` says): its summary from the
/// representative record (most precise date, then most precise place, then highest
/// confidence, then natural order), the counts, the members' links and the merge evidence.
fn write_cluster(
    tx: &Transaction<'_>,
    group: &[&MatchKey],
    merges: &[crate::cluster::Merge],
    all: &[MatchKey],
    write: Write,
) -> Result<()> {
    let rank = |m: &MatchKey| rank_precision(&m.summary.precision) * 10 + (3 - level_code(m.level));
    let rep = group
        .iter()
        .enumerate()
        .min_by(|(i, a), (j, b)| {
            rank(a)
                .cmp(&rank(b))
                .then(b.summary.confidence.total_cmp(&a.summary.confidence))
                .then(i.cmp(j))
        })
        .map(|(_, m)| m.rec_key);
    let Some(rep) = rep else { return Ok(()) };
    let first_natural = group.first().map(|m| m.natural.as_str()).unwrap_or("");
    let id = format!("ev-{}", fnv128_hex(&[first_natural.as_bytes()]).get(..16).unwrap_or("0"));
    let codes = |keys: &[String]| -> Vec<String> {
        // Entity keys are codes, `id:...` or `name:...`; the summary lists the codes.
        keys.iter().filter(|k| !k.contains(':')).cloned().collect()
    };
    let modes: BTreeSet<String> = group.iter().flat_map(|m| unpipe(&m.summary.modes)).collect();
    let actors: BTreeSet<String> = group.iter().flat_map(|m| codes(&m.actors)).collect();
    let recipients: BTreeSet<String> = group.iter().flat_map(|m| codes(&m.recipients)).collect();
    let mentions: i64 = group.iter().map(|m| m.summary.mentions).sum();
    let sources: BTreeSet<&str> = group.iter().map(|m| m.summary.source_key.as_str()).collect();
    let articles: BTreeSet<i64> = group.iter().map(|m| m.doc_key).collect();
    let first_seen = group.iter().filter_map(|m| m.summary.published.clone()).min();
    let last_seen = group.iter().filter_map(|m| m.summary.published.clone()).max();
    let summary = params![
        id,
        pipe_list(&modes),
        pipe_list(&actors),
        pipe_list(&recipients),
        mentions,
        sources.len() as i64,
        articles.len() as i64,
        first_seen,
        last_seen,
        rep,
        match write {
            Write::Insert(k) => k,
            Write::Grow(k) => Some(k),
        },
    ];
    let ck = match write {
        Write::Insert(_) => {
            tx.prepare_cached(
                "INSERT INTO clusters (cluster_key, id, rep_key, event, modes, quad, scale, date,
                    date_precision, country, admin1, place_name, lat, lon, actor_codes,
                    recipient_codes, negated, hypothetical, future, historical, num_mentions,
                    num_sources, num_articles, first_seen, last_seen)
                 SELECT ?11, ?1, r.rec_key, r.event, ?2, r.quad, r.scale, r.date, r.date_precision,
                    r.country, r.admin1, r.place_name, r.lat, r.lon, ?3, ?4, r.negated,
                    r.hypothetical, r.future, r.historical, ?5, ?6, ?7, ?8, ?9
                 FROM records r WHERE r.rec_key = ?10",
            )?
            .execute(summary)?;
            tx.last_insert_rowid()
        }
        Write::Grow(k) => {
            tx.prepare_cached(
                "UPDATE clusters SET (id, rep_key, event, modes, quad, scale, date,
                    date_precision, country, admin1, place_name, lat, lon, actor_codes,
                    recipient_codes, negated, hypothetical, future, historical, num_mentions,
                    num_sources, num_articles, first_seen, last_seen) =
                 (SELECT ?1, r.rec_key, r.event, ?2, r.quad, r.scale, r.date, r.date_precision,
                    r.country, r.admin1, r.place_name, r.lat, r.lon, ?3, ?4, r.negated,
                    r.hypothetical, r.future, r.historical, ?5, ?6, ?7, ?8, ?9
                  FROM records r WHERE r.rec_key = ?10)
                 WHERE cluster_key = ?11",
            )?
            .execute(summary)?;
            k
        }
    };
    let mut upd = tx.prepare_cached("UPDATE records SET cluster_key = ?1 WHERE rec_key = ?2")?;
    for m in group {
        if m.cluster_key != Some(ck) {
            upd.execute([ck, m.rec_key])?;
        }
    }
    let mut ins = tx.prepare_cached(
        "INSERT INTO merges (cluster_key, rec_a, rec_b, actor_shared, recipient_shared,
            date_gap_days, place_rule, distance_km, rule) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    let event = group.first().map(|m| m.event.as_str()).unwrap_or("");
    for mg in merges {
        let (Some(a), Some(b)) = (all.get(mg.a), all.get(mg.b)) else { continue };
        if write == Write::Grow(ck) && b.cluster_key == Some(ck) {
            // An old member of a grown cluster: its merge with the same seed is stored.
            continue;
        }
        ins.execute(params![
            ck,
            a.rec_key,
            b.rec_key,
            mg.link.actor_shared,
            mg.link.recipient_shared,
            mg.link.date_gap_days,
            mg.link.place_rule,
            mg.link.distance_km,
            mg.link.describe(event),
        ])?;
    }
    Ok(())
}
