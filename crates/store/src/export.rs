//! Export: full records as JSON Lines (the stored JSON, per the record spec), event clusters
//! as JSON Lines, and flat tables of records or clusters as CSV or Parquet.

use crate::{Result, Store, StoreError};
use std::io::Write;
use std::sync::Arc;

/// Output format of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// One JSON object a line.
    Jsonl,
    /// Comma-separated values with a header line (RFC 4180 quoting).
    Csv,
    /// Apache Parquet, uncompressed, one optional column per field.
    Parquet,
}

/// Which rows an export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ExportTable {
    /// One row per coded record (JSONL: the record as coded).
    #[default]
    Records,
    /// One row per event cluster.
    Events,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Int,
    Real,
    Bool,
}

/// One value of a flat row.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Null,
    Int(i64),
    Real(f64),
    Bool(bool),
    Text(String),
}

use Kind::{Bool, Int, Real, Text};

const RECORD_COLUMNS: &[(&str, Kind, &str)] = &[
    ("cluster_id", Text, "c.id"),
    ("record_id", Text, "r.id"),
    ("doc_id", Text, "d.id"),
    ("event", Text, "r.event"),
    ("mode", Text, "trim(r.modes, '|')"),
    ("context", Text, "trim(r.contexts, '|')"),
    ("quad_code", Int, "r.quad"),
    ("event_scale", Real, "r.scale"),
    ("date", Text, "r.date"),
    ("enddate", Text, "r.enddate"),
    ("date_precision", Text, "r.date_precision"),
    ("date_text", Text, "r.date_text"),
    ("country", Text, "r.country"),
    ("admin1", Text, "r.admin1"),
    ("place", Text, "r.place_name"),
    ("lat", Real, "r.lat"),
    ("lon", Real, "r.lon"),
    ("geonames_id", Int, "r.geonames_id"),
    ("actor_codes", Text, "(SELECT group_concat(COALESCE(e.code, ''), '|' ORDER BY e.pos) FROM entities e WHERE e.rec_key = r.rec_key AND e.role = 'actor')"),
    ("actor_sectors", Text, "(SELECT group_concat(COALESCE(e.sector, ''), '|' ORDER BY e.pos) FROM entities e WHERE e.rec_key = r.rec_key AND e.role = 'actor')"),
    ("actor_names", Text, "(SELECT group_concat(e.entity_text, '|' ORDER BY e.pos) FROM entities e WHERE e.rec_key = r.rec_key AND e.role = 'actor')"),
    ("recipient_codes", Text, "(SELECT group_concat(COALESCE(e.code, ''), '|' ORDER BY e.pos) FROM entities e WHERE e.rec_key = r.rec_key AND e.role = 'recipient')"),
    ("recipient_sectors", Text, "(SELECT group_concat(COALESCE(e.sector, ''), '|' ORDER BY e.pos) FROM entities e WHERE e.rec_key = r.rec_key AND e.role = 'recipient')"),
    ("recipient_names", Text, "(SELECT group_concat(e.entity_text, '|' ORDER BY e.pos) FROM entities e WHERE e.rec_key = r.rec_key AND e.role = 'recipient')"),
    ("event_text", Text, "r.event_text"),
    ("negated", Bool, "r.negated"),
    ("hypothetical", Bool, "r.hypothetical"),
    ("future", Bool, "r.future"),
    ("historical", Bool, "r.historical"),
    ("confidence", Real, "r.confidence"),
    ("sequence", Int, "r.sequence"),
    ("source", Text, "d.source"),
    ("url", Text, "d.url"),
    ("published", Text, "d.published"),
    ("title", Text, "d.title"),
    ("text", Text, "r.sentence"),
];

const RECORD_FROM: &str = "FROM records r JOIN documents d ON d.doc_key = r.doc_key \
    LEFT JOIN clusters c ON c.cluster_key = r.cluster_key ORDER BY d.id, r.pos";

const EVENT_COLUMNS: &[(&str, Kind, &str)] = &[
    ("cluster_id", Text, "c.id"),
    ("event", Text, "c.event"),
    ("mode", Text, "trim(c.modes, '|')"),
    ("quad_code", Int, "c.quad"),
    ("event_scale", Real, "c.scale"),
    ("date", Text, "c.date"),
    ("date_precision", Text, "c.date_precision"),
    ("country", Text, "c.country"),
    ("admin1", Text, "c.admin1"),
    ("place", Text, "c.place_name"),
    ("lat", Real, "c.lat"),
    ("lon", Real, "c.lon"),
    ("actor_codes", Text, "trim(c.actor_codes, '|')"),
    ("recipient_codes", Text, "trim(c.recipient_codes, '|')"),
    ("num_mentions", Int, "c.num_mentions"),
    ("num_sources", Int, "c.num_sources"),
    ("num_articles", Int, "c.num_articles"),
    ("first_seen", Text, "c.first_seen"),
    ("last_seen", Text, "c.last_seen"),
    ("negated", Bool, "c.negated"),
    ("hypothetical", Bool, "c.hypothetical"),
    ("future", Bool, "c.future"),
    ("historical", Bool, "c.historical"),
    ("text", Text, "r.sentence"),
    ("record_ids", Text, "(SELECT group_concat(d2.id || '/' || r2.id, '|' ORDER BY d2.id, r2.pos) FROM records r2 JOIN documents d2 ON d2.doc_key = r2.doc_key WHERE r2.cluster_key = c.cluster_key)"),
];

const EVENT_FROM: &str = "FROM clusters c JOIN records r ON r.rec_key = c.rep_key ORDER BY c.id";

/// Rows a Parquet row group holds.
const ROW_GROUP: usize = 65_536;

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

impl Store {
    /// Writes the store to `out`; returns the number of rows written.
    pub fn export<W: Write + Send>(
        &self,
        format: ExportFormat,
        table: ExportTable,
        out: W,
    ) -> Result<u64> {
        match (format, table) {
            (ExportFormat::Jsonl, ExportTable::Records) => self.export_records_jsonl(out),
            (ExportFormat::Jsonl, ExportTable::Events) => {
                let mut out = out;
                let n = self.for_each_cluster(true, &mut |c| {
                    serde_json::to_writer(&mut out, c)?;
                    out.write_all(b"\n")?;
                    Ok(())
                })?;
                out.flush()?;
                Ok(n)
            }
            (ExportFormat::Csv, t) => {
                let (cols, from) = columns(t);
                let mut out = out;
                let header: Vec<&str> = cols.iter().map(|c| c.0).collect();
                writeln!(out, "{}", header.join(","))?;
                let n = self.flat_rows(cols, from, &mut |row| {
                    let line: Vec<String> = row
                        .iter()
                        .map(|c| match c {
                            Cell::Null => String::new(),
                            Cell::Int(i) => i.to_string(),
                            Cell::Real(f) => f.to_string(),
                            Cell::Bool(b) => b.to_string(),
                            Cell::Text(s) => csv_field(s),
                        })
                        .collect();
                    writeln!(out, "{}", line.join(","))?;
                    Ok(())
                })?;
                out.flush()?;
                Ok(n)
            }
            (ExportFormat::Parquet, t) => {
                let (cols, from) = columns(t);
                self.export_parquet(cols, from, out)
            }
        }
    }

    fn export_records_jsonl<W: Write>(&self, mut out: W) -> Result<u64> {
        let mut st = self.conn.prepare(
            "SELECT j.json FROM records r JOIN documents d ON d.doc_key = r.doc_key
             JOIN record_json j ON j.rec_key = r.rec_key ORDER BY d.id, r.pos",
        )?;
        let mut rows = st.query([])?;
        let mut n = 0;
        while let Some(row) = rows.next()? {
            let json: String = row.get(0)?;
            out.write_all(json.as_bytes())?;
            out.write_all(b"\n")?;
            n += 1;
        }
        out.flush()?;
        Ok(n)
    }

    fn flat_rows(
        &self,
        cols: &[(&str, Kind, &str)],
        from: &str,
        f: &mut dyn FnMut(&[Cell]) -> Result<()>,
    ) -> Result<u64> {
        let exprs: Vec<&str> = cols.iter().map(|c| c.2).collect();
        let sql = format!("SELECT {} {from}", exprs.join(", "));
        let mut st = self.conn.prepare(&sql)?;
        let mut rows = st.query([])?;
        let mut n = 0;
        let mut cells: Vec<Cell> = Vec::with_capacity(cols.len());
        while let Some(row) = rows.next()? {
            cells.clear();
            for (i, (_, kind, _)) in cols.iter().enumerate() {
                let cell = match kind {
                    Text => row.get::<_, Option<String>>(i)?.map(Cell::Text),
                    Int => row.get::<_, Option<i64>>(i)?.map(Cell::Int),
                    Real => row.get::<_, Option<f64>>(i)?.map(Cell::Real),
                    Bool => row.get::<_, Option<bool>>(i)?.map(Cell::Bool),
                };
                cells.push(cell.unwrap_or(Cell::Null));
            }
            f(&cells)?;
            n += 1;
        }
        Ok(n)
    }

    fn export_parquet<W: Write + Send>(
        &self,
        cols: &[(&str, Kind, &str)],
        from: &str,
        out: W,
    ) -> Result<u64> {
        use parquet::basic::{Compression, LogicalType, Repetition, Type as Physical};
        use parquet::file::properties::WriterProperties;
        use parquet::file::writer::SerializedFileWriter;
        use parquet::schema::types::Type;
        let pq = |e: parquet::errors::ParquetError| StoreError::Parquet(e.to_string());
        let mut fields = Vec::new();
        for (name, kind, _) in cols {
            let physical = match kind {
                Text => Physical::BYTE_ARRAY,
                Int => Physical::INT64,
                Real => Physical::DOUBLE,
                Bool => Physical::BOOLEAN,
            };
            let mut b =
                Type::primitive_type_builder(name, physical).with_repetition(Repetition::OPTIONAL);
            if *kind == Text {
                b = b.with_logical_type(Some(LogicalType::String));
            }
            fields.push(Arc::new(b.build().map_err(pq)?));
        }
        let schema =
            Arc::new(Type::group_type_builder("lapwing").with_fields(fields).build().map_err(pq)?);
        let props = Arc::new(
            WriterProperties::builder()
                .set_compression(Compression::UNCOMPRESSED)
                .set_created_by(format!("lapwing-store {}", env!("CARGO_PKG_VERSION")))
                .build(),
        );
        let mut writer = SerializedFileWriter::new(out, schema, props).map_err(pq)?;
        let mut chunk: Vec<Vec<Cell>> = Vec::new();
        let kinds: Vec<Kind> = cols.iter().map(|c| c.1).collect();
        let flush =
            |chunk: &mut Vec<Vec<Cell>>, writer: &mut SerializedFileWriter<W>| -> Result<()> {
                if chunk.is_empty() {
                    return Ok(());
                }
                write_row_group(writer, &kinds, chunk).map_err(pq)?;
                chunk.clear();
                Ok(())
            };
        let n = self.flat_rows(cols, from, &mut |row| {
            chunk.push(row.to_vec());
            if chunk.len() >= ROW_GROUP {
                flush(&mut chunk, &mut writer)?;
            }
            Ok(())
        })?;
        flush(&mut chunk, &mut writer)?;
        writer.close().map_err(pq)?;
        Ok(n)
    }
}

fn columns(t: ExportTable) -> (&'static [(&'static str, Kind, &'static str)], &'static str) {
    match t {
        ExportTable::Records => (RECORD_COLUMNS, RECORD_FROM),
        ExportTable::Events => (EVENT_COLUMNS, EVENT_FROM),
    }
}

fn write_row_group<W: Write + Send>(
    writer: &mut parquet::file::writer::SerializedFileWriter<W>,
    kinds: &[Kind],
    rows: &[Vec<Cell>],
) -> parquet::errors::Result<()> {
    use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int64Type};
    let mut rg = writer.next_row_group()?;
    let mut i = 0;
    while let Some(mut col) = rg.next_column()? {
        let kind = kinds.get(i).copied().unwrap_or(Text);
        let cells = rows.iter().map(|r| r.get(i).unwrap_or(&Cell::Null));
        let defs: Vec<i16> = cells.clone().map(|c| i16::from(*c != Cell::Null)).collect();
        match kind {
            Text => {
                let v: Vec<ByteArray> = cells
                    .filter_map(|c| match c {
                        Cell::Text(s) => Some(ByteArray::from(s.as_str())),
                        _ => None,
                    })
                    .collect();
                col.typed::<ByteArrayType>().write_batch(&v, Some(&defs), None)?;
            }
            Int => {
                let v: Vec<i64> = cells
                    .filter_map(|c| if let Cell::Int(x) = c { Some(*x) } else { None })
                    .collect();
                col.typed::<Int64Type>().write_batch(&v, Some(&defs), None)?;
            }
            Real => {
                let v: Vec<f64> = cells
                    .filter_map(|c| if let Cell::Real(x) = c { Some(*x) } else { None })
                    .collect();
                col.typed::<DoubleType>().write_batch(&v, Some(&defs), None)?;
            }
            Bool => {
                let v: Vec<bool> = cells
                    .filter_map(|c| if let Cell::Bool(x) = c { Some(*x) } else { None })
                    .collect();
                col.typed::<BoolType>().write_batch(&v, Some(&defs), None)?;
            }
        }
        col.close()?;
        i += 1;
    }
    rg.close()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_only_when_needed() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
