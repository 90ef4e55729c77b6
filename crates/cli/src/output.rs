//! Writing records: event records as JSON Lines or a flat CSV table, and the line formats of
//! `lapwing timex` and `lapwing geoparse`. This module owns those wire formats.

use lapwing_core::text::CharIndex;
use lapwing_core::EventRecord;
use std::io::{self, Write};

/// The columns of `lapwing code --format csv`, in order.
pub const CSV_COLUMNS: &[&str] = &[
    "id",
    "doc_id",
    "date",
    "event",
    "mode",
    "actor_codes",
    "actor_sectors",
    "recipient_codes",
    "recipient_sectors",
    "place",
    "lat",
    "lon",
    "score",
    "quad",
    "confidence",
    "sentence",
];

/// Output format of event records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per line, as `spec/event-record.md` defines.
    Jsonl,
    /// A flat table, one row per event.
    Csv,
}

/// Writes event records in one format.
pub struct RecordWriter<W: Write> {
    out: W,
    format: Format,
    wrote_header: bool,
}

impl<W: Write> RecordWriter<W> {
    /// A writer of `format` to `out`.
    pub fn new(out: W, format: Format) -> Self {
        RecordWriter { out, format, wrote_header: false }
    }

    /// Writes one record.
    pub fn write(&mut self, r: &EventRecord) -> io::Result<()> {
        match self.format {
            Format::Jsonl => {
                // Serialised first, so that a write error stays an io::Error the caller can
                // recognise (a closed pipe), not one wrapped inside a serde error.
                let mut line = serde_json::to_vec(r).map_err(io::Error::other)?;
                line.push(b'\n');
                self.out.write_all(&line)
            }
            Format::Csv => {
                if !self.wrote_header {
                    self.wrote_header = true;
                    writeln!(self.out, "{}", CSV_COLUMNS.join(","))?;
                }
                let join = |items: Vec<String>| items.join("|");
                let codes = |es: &[lapwing_core::Entity]| {
                    join(
                        es.iter()
                            .map(|e| e.code.map(|c| c.to_string()).unwrap_or_default())
                            .collect(),
                    )
                };
                let sectors = |es: &[lapwing_core::Entity]| {
                    join(
                        es.iter()
                            .map(|e| e.sector.map(|c| c.to_string()).unwrap_or_default())
                            .collect(),
                    )
                };
                let loc = r.event_loc.as_ref();
                let fields = [
                    r.id.clone(),
                    r.doc_id.clone(),
                    r.date.clone().unwrap_or_default(),
                    r.event.to_string(),
                    join(r.mode.iter().map(|m| m.to_string()).collect()),
                    codes(&r.actor),
                    sectors(&r.actor),
                    codes(&r.recipient),
                    sectors(&r.recipient),
                    loc.map(|l| l.name.clone()).unwrap_or_default(),
                    loc.and_then(|l| l.lat).map(|v| v.to_string()).unwrap_or_default(),
                    loc.and_then(|l| l.lon).map(|v| v.to_string()).unwrap_or_default(),
                    r.event_scale.to_string(),
                    r.quad_code.to_string(),
                    r.confidence.to_string(),
                    r.text.clone(),
                ];
                let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
                writeln!(self.out, "{}", line.join(","))
            }
        }
    }

    /// Flushes the output.
    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Quotes a CSV field when it needs it (RFC 4180).
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One `lapwing timex` line.
pub fn timex_line(doc_id: &str, ix: &CharIndex, t: &lapwing_time::Timex) -> serde_json::Value {
    serde_json::json!({
        "doc_id": doc_id,
        "start": ix.chars(t.start),
        "end": ix.chars(t.end),
        "text": t.text,
        "type": t.kind.to_string(),
        "value": t.value,
    })
}

/// One `lapwing geoparse` line.
pub fn place_line(
    doc_id: &str,
    ix: &CharIndex,
    m: &lapwing_geo::PlaceMention,
) -> serde_json::Value {
    serde_json::json!({
        "doc_id": doc_id,
        "start": ix.chars(m.start),
        "end": ix.chars(m.end),
        "text": m.text,
        "name": m.place.name,
        "country": m.place.country,
        "admin1": m.place.admin1,
        "lat": m.place.lat,
        "lon": m.place.lon,
        "geonames_id": m.place.geonames_id,
        "feature": m.place.feature.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quoting() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
