//! The duplicate-report rules: when two records from different documents report the same
//! happening, and how a set of records falls into clusters.
//!
//! Clusters are the connected components of the "compatible" relation (single linkage). That
//! choice is what makes the store independent of ingest order: the components of a graph do not
//! depend on the order its edges were found in, and the store keeps them exact incrementally by
//! re-clustering only the components a batch touches. docs/STORE.md explains the rules.

use crate::util::distance_km;
use std::collections::BTreeMap;

/// Thresholds of the duplicate rules.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClusterConfig {
    /// Two located places match when at most this far apart (km).
    pub max_km: f64,
    /// Two day-precise dates (or undated reports' publication days) match when at most this
    /// many days apart.
    pub max_date_gap_days: i64,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig { max_km: 50.0, max_date_gap_days: 1 }
    }
}

/// How precisely a record's date is known; only records of the same class are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum DateClass {
    Day,
    Week,
    Month,
    Year,
    /// No date in the text: the document's publication day stands in.
    Published,
}

impl DateClass {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            DateClass::Day => "day",
            DateClass::Week => "week",
            DateClass::Month => "month",
            DateClass::Year => "year",
            DateClass::Published => "published",
        }
    }

    pub(crate) fn parse(s: &str) -> DateClass {
        match s {
            "day" => DateClass::Day,
            "week" => DateClass::Week,
            "month" => DateClass::Month,
            "year" => DateClass::Year,
            _ => DateClass::Published,
        }
    }

    /// The longest interval a record of this class may span (days after its first day); the
    /// candidate search relies on it.
    pub(crate) fn max_span(self) -> i64 {
        match self {
            DateClass::Day | DateClass::Published => 0,
            DateClass::Month => 30,
            DateClass::Week => 6,
            DateClass::Year => 365,
        }
    }
}

/// How precisely a record's place is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum PlaceLevel {
    /// No usable place.
    None,
    Country,
    Admin1,
    /// Coordinates of something smaller than a province.
    Point,
}

/// The part of a record the rules look at.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MatchKey {
    pub rec_key: i64,
    pub doc_key: i64,
    /// `doc_id` + U+001F + record id: the order clusters and evidence are built in.
    pub natural: String,
    pub event: String,
    pub aux: i64,
    pub class: DateClass,
    pub lo: Option<i64>,
    pub hi: Option<i64>,
    pub level: PlaceLevel,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub actors: Vec<String>,
    pub recipients: Vec<String>,
    pub cluster_key: Option<i64>,
    /// What the cluster summary needs, carried along so that writing a cluster reads nothing.
    pub summary: Summary,
}

/// The parts of a record a cluster's summary is made of.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Summary {
    pub precision: String,
    pub confidence: f64,
    pub modes: String,
    pub mentions: i64,
    pub source_key: String,
    pub published: Option<String>,
}

/// Why two records were merged.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Link {
    pub actor_shared: String,
    pub recipient_shared: Option<String>,
    pub date_gap_days: i64,
    pub place_rule: &'static str,
    pub distance_km: Option<f64>,
}

impl Link {
    /// One line a person can read.
    pub(crate) fn describe(&self, event: &str) -> String {
        let mut s = format!("same event {event}; actors share {}", self.actor_shared);
        if let Some(r) = &self.recipient_shared {
            s.push_str(&format!("; recipients share {r}"));
        }
        s.push_str(&format!("; dates {} day(s) apart", self.date_gap_days));
        match (self.place_rule, self.distance_km) {
            ("distance", Some(d)) => s.push_str(&format!("; places {d:.1} km apart")),
            (rule, _) => s.push_str(&format!("; place: {rule}")),
        }
        s
    }
}

fn shared(a: &[String], b: &[String]) -> Option<String> {
    let both: Vec<&str> =
        a.iter().filter(|x| b.contains(x)).map(String::as_str).collect::<Vec<_>>();
    (!both.is_empty()).then(|| both.join(","))
}

/// Whether `a` and `b` report the same happening, with the evidence when they do.
pub(crate) fn compatible(a: &MatchKey, b: &MatchKey, cfg: &ClusterConfig) -> Option<Link> {
    if a.doc_key == b.doc_key || a.event != b.event || a.aux != b.aux || a.class != b.class {
        return None;
    }
    // Dates: the gap between the two intervals.
    let (alo, ahi, blo, bhi) = (a.lo?, a.hi?, b.lo?, b.hi?);
    let gap = (alo.max(blo) - ahi.min(bhi)).max(0);
    let allowed = match a.class {
        DateClass::Day | DateClass::Published => cfg.max_date_gap_days,
        // An imprecise date matches only the same period.
        DateClass::Week | DateClass::Month | DateClass::Year => 0,
    };
    if gap > allowed {
        return None;
    }
    // Actors: a shared key, or both unidentified.
    let actor_shared = if a.actors.is_empty() && b.actors.is_empty() {
        "none (both unidentified)".to_string()
    } else {
        shared(&a.actors, &b.actors)?
    };
    let recipient_shared = if !a.recipients.is_empty() && !b.recipients.is_empty() {
        Some(shared(&a.recipients, &b.recipients)?)
    } else {
        None
    };
    let (place_rule, dist) = place_match(a, b, cfg)?;
    Some(Link { actor_shared, recipient_shared, date_gap_days: gap, place_rule, distance_km: dist })
}

fn same_text(a: &Option<String>, b: &Option<String>) -> Option<bool> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.eq_ignore_ascii_case(y)),
        _ => None,
    }
}

fn place_match(
    a: &MatchKey,
    b: &MatchKey,
    cfg: &ClusterConfig,
) -> Option<(&'static str, Option<f64>)> {
    match (a.level, b.level) {
        (PlaceLevel::None, PlaceLevel::None) => return Some(("both unlocated", None)),
        (PlaceLevel::None, _) | (_, PlaceLevel::None) => return None,
        _ => {}
    }
    // Countries, when both are known, must agree at every level but distance (a strike 20 km
    // across a border is still one strike).
    let level = a.level.min(b.level);
    if level == PlaceLevel::Point {
        let d = distance_km(a.lat?, a.lon?, b.lat?, b.lon?);
        return (d <= cfg.max_km).then_some(("distance", Some(d)));
    }
    if same_text(&a.country, &b.country) == Some(false) {
        return None;
    }
    if level == PlaceLevel::Admin1 {
        if let Some(same) = same_text(&a.admin1, &b.admin1) {
            return same.then_some(("same admin1", None));
        }
    }
    (same_text(&a.country, &b.country) == Some(true)).then_some(("same country", None))
}

/// One merge: indices into the records given to [`partition`]; `a` is the cluster's seed
/// (its first record), `b` the record that joined it.
pub(crate) struct Merge {
    pub a: usize,
    pub b: usize,
    pub link: Link,
}

/// Splits records into clusters.
///
/// Leader clustering: records are taken by first day, then natural key; each joins the
/// earliest-made cluster whose seed (first record) it is compatible with, else seeds a new one.
/// Every member is thus within the thresholds of its seed, so clusters cannot chain: one army
/// shelling one town, reported every day, stays one event per day or two rather than one event
/// a month. The result depends only on the set of records given, not on their order in `keys`.
pub(crate) fn partition(keys: &[MatchKey], cfg: &ClusterConfig) -> Vec<(Vec<usize>, Vec<Merge>)> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    let sort_key = |i: usize| keys.get(i).map(|k| (k.lo.unwrap_or(i64::MAX), k.natural.as_str()));
    order.sort_by(|&a, &b| sort_key(a).cmp(&sort_key(b)));
    // Clusters made so far: members, merges, and the first day of the seed.
    let mut made: Vec<(Vec<usize>, Vec<Merge>, i64)> = Vec::new();
    // Clusters by (category, date class, auxiliary modes), in the order they were made.
    let mut blocks: BTreeMap<(&str, DateClass, i64), Vec<usize>> = BTreeMap::new();
    for i in order {
        let Some(k) = keys.get(i) else { continue };
        let block = blocks.entry((k.event.as_str(), k.class, k.aux)).or_default();
        let mut home: Option<(usize, Link)> = None;
        if let Some(lo) = k.lo {
            let reach = lo - cfg.max_date_gap_days - k.class.max_span();
            // Seeds come in day order, so the clusters within reach are the latest ones.
            for &c in block.iter().rev() {
                let Some((members, _, seed_lo)) = made.get(c) else { continue };
                if *seed_lo < reach {
                    break;
                }
                let seed = members.first().and_then(|&s| keys.get(s));
                if let Some(link) = seed.and_then(|s| compatible(s, k, cfg)) {
                    home = Some((c, link));
                }
            }
        }
        match home {
            Some((c, link)) => {
                if let Some((members, merges, _)) = made.get_mut(c) {
                    let seed = members.first().copied().unwrap_or(i);
                    merges.push(Merge { a: seed, b: i, link });
                    members.push(i);
                }
            }
            None => {
                block.push(made.len());
                made.push((vec![i], Vec::new(), k.lo.unwrap_or(i64::MAX)));
            }
        }
    }
    made.into_iter().map(|(m, e, _)| (m, e)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(doc: i64, lat: f64, lon: f64, day: i64, actors: &[&str]) -> MatchKey {
        MatchKey {
            rec_key: doc,
            doc_key: doc,
            natural: format!("d{doc}"),
            event: "ASSAULT".into(),
            aux: 0,
            class: DateClass::Day,
            lo: Some(day),
            hi: Some(day),
            level: PlaceLevel::Point,
            country: Some("SYR".into()),
            admin1: Some("As-Suwayda".into()),
            lat: Some(lat),
            lon: Some(lon),
            actors: actors.iter().map(|s| s.to_string()).collect(),
            recipients: vec![],
            cluster_key: None,
            summary: Summary::default(),
        }
    }

    #[test]
    fn rules_accept_and_refuse() {
        let cfg = ClusterConfig::default();
        let a = key(1, 32.70, 36.56, 100, &["SYR"]);
        let b = key(2, 32.80, 36.60, 101, &["SYR", "ISR"]);
        let link = compatible(&a, &b, &cfg);
        assert!(matches!(&link, Some(l) if l.place_rule == "distance" && l.date_gap_days == 1));
        // Same document: never.
        assert!(compatible(&a, &key(1, 32.70, 36.56, 100, &["SYR"]), &cfg).is_none());
        // Two days apart, too far, no shared actor, another category.
        assert!(compatible(&a, &key(2, 32.70, 36.56, 102, &["SYR"]), &cfg).is_none());
        assert!(compatible(&a, &key(2, 33.51, 36.29, 100, &["SYR"]), &cfg).is_none());
        assert!(compatible(&a, &key(2, 32.70, 36.56, 100, &["ISR"]), &cfg).is_none());
        let mut c = key(2, 32.70, 36.56, 100, &["SYR"]);
        c.event = "PROTEST".into();
        assert!(compatible(&a, &c, &cfg).is_none());
        // A province-level place falls back to admin1.
        let mut d = key(2, 0.0, 0.0, 100, &["SYR"]);
        d.level = PlaceLevel::Admin1;
        assert!(matches!(compatible(&a, &d, &cfg), Some(l) if l.place_rule == "same admin1"));
        d.admin1 = Some("Damascus".into());
        assert!(compatible(&a, &d, &cfg).is_none());
        // Recipients must share a code when both have some.
        let mut e = key(2, 32.70, 36.56, 100, &["SYR"]);
        let mut f = a.clone();
        e.recipients = vec!["ISR".into()];
        f.recipients = vec!["LBN".into()];
        assert!(compatible(&f, &e, &cfg).is_none());
    }

    #[test]
    fn partition_is_order_free_and_does_not_chain() {
        let cfg = ClusterConfig::default();
        // Reports of one shelling on days 1, 2 and 3, and two of another one far away.
        let mut keys = vec![
            key(1, 32.70, 36.56, 1, &["SYR"]),
            key(2, 32.70, 36.56, 2, &["SYR"]),
            key(3, 32.70, 36.56, 3, &["SYR"]),
            key(4, 35.0, 38.0, 2, &["SYR"]),
            key(5, 35.0, 38.0, 2, &["SYR"]),
        ];
        let shape = |keys: &[MatchKey]| {
            let mut v: Vec<Vec<String>> = partition(keys, &cfg)
                .into_iter()
                .map(|(m, _)| {
                    let mut names: Vec<String> =
                        m.iter().map(|&i| keys[i].natural.clone()).collect();
                    names.sort();
                    names
                })
                .collect();
            v.sort();
            v
        };
        let forward = shape(&keys);
        assert_eq!(forward, vec![vec!["d1", "d2"], vec!["d3"], vec!["d4", "d5"]]);
        keys.reverse();
        assert_eq!(shape(&keys), forward);
    }
}
