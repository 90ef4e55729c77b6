//! The store subcommands: `lapwing ingest` codes documents into the event store, `events`
//! lists event clusters, `stats` aggregates them, `alerts` flags escalations and `export`
//! writes the store as JSON Lines, CSV or Parquet. Glue only: the store crate does the work.

use anyhow::{bail, Context as _, Result};
use lapwing_core::{Document, EventRecord};
use lapwing_store::{
    AlertConfig, AlertMetric, ClusterConfig, EventCluster, EventFilter, ExportFormat, ExportTable,
    IngestOutcome, Period, RegionLevel, Split, StatsQuery, Store,
};
use std::io::{BufWriter, Write};

/// The store subcommands, flattened into the top-level command list.
#[derive(clap::Subcommand, Debug)]
pub enum StoreCommand {
    /// Code documents and store their events in the event database.
    Ingest(IngestArgs),
    /// List stored events (duplicate reports merged), with filters.
    Events(EventsArgs),
    /// Count events and sum their PLOVER scores by period, region and category.
    Stats(StatsArgs),
    /// Flag days when a region's material conflict rose above its trailing baseline.
    Alerts(AlertsArgs),
    /// Write the store as JSON Lines, CSV or Parquet.
    Export(ExportArgs),
}

/// The database option every store subcommand takes.
#[derive(clap::Args, Debug, Clone)]
pub struct DbArg {
    /// The event database (SQLite).
    #[arg(long, value_name = "PATH", default_value = "lapwing.db")]
    pub db: String,
}

/// `lapwing ingest`.
#[derive(clap::Args, Debug)]
pub struct IngestArgs {
    /// .jsonl files, .txt files, directories, or - for standard input (default).
    pub inputs: Vec<String>,
    #[command(flatten)]
    pub db: DbArg,
    /// Documents per transaction: a kill loses at most this many. Larger batches store faster
    /// (each rebuilds the events it touches once).
    #[arg(long, value_name = "N", default_value_t = 2500)]
    pub batch: usize,
    /// Duplicate reports: largest distance between two located reports (km).
    #[arg(long, value_name = "KM")]
    pub max_km: Option<f64>,
    /// Duplicate reports: largest gap between two day-precise dates (days).
    #[arg(long, value_name = "DAYS")]
    pub max_days: Option<i64>,
}

/// Output formats of `lapwing events`.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventsFormat {
    /// An aligned table with the sentence.
    Table,
    /// One JSON object per event, with its member records and merge evidence.
    Jsonl,
    /// A flat table.
    Csv,
}

/// `lapwing events`.
#[derive(clap::Args, Debug)]
pub struct EventsArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Country of the place (ISO 3166-1 alpha-3).
    #[arg(long)]
    pub country: Option<String>,
    /// First-level division of the place.
    #[arg(long)]
    pub admin1: Option<String>,
    /// Actor or recipient: a code or sector (three letters: SYR, GOV) or words of its name.
    #[arg(long)]
    pub actor: Option<String>,
    /// PLOVER category (ASSAULT, PROTEST, ...).
    #[arg(long)]
    pub event: Option<String>,
    /// PLOVER mode (aerial, demo, ...).
    #[arg(long)]
    pub mode: Option<String>,
    /// Quad class 1..4.
    #[arg(long)]
    pub quad: Option<u8>,
    /// First day (YYYY-MM-DD).
    #[arg(long)]
    pub since: Option<String>,
    /// Last day (YYYY-MM-DD).
    #[arg(long)]
    pub until: Option<String>,
    /// Within KM of a point.
    #[arg(long, value_name = "LAT,LON,KM")]
    pub near: Option<String>,
    /// At least N distinct sources.
    #[arg(long, value_name = "N")]
    pub min_sources: Option<u32>,
    /// Words that must all be in a report's sentence.
    #[arg(long)]
    pub text: Option<String>,
    /// Leave out negated, hypothetical and future events.
    #[arg(long)]
    pub factual: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: EventsFormat,
    /// At most N events (0: all).
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub limit: usize,
}

/// Time buckets.
#[derive(clap::ValueEnum, Debug, Clone, Copy)]
pub enum ByArg {
    /// Calendar days.
    Day,
    /// ISO weeks (named by their Monday).
    Week,
    /// Calendar months.
    Month,
}

/// Region levels.
#[derive(clap::ValueEnum, Debug, Clone, Copy)]
pub enum GroupArg {
    /// Country of the place.
    Country,
    /// Country and first-level division.
    Admin1,
}

/// Splits.
#[derive(clap::ValueEnum, Debug, Clone, Copy)]
pub enum SplitArg {
    /// PLOVER category.
    Event,
    /// Quad class.
    Quad,
}

/// Table formats.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    /// Aligned columns.
    Table,
    /// Comma-separated values.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

/// `lapwing stats`.
#[derive(clap::Args, Debug)]
pub struct StatsArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Time bucket.
    #[arg(long, value_enum, default_value = "day")]
    pub by: ByArg,
    /// Region level.
    #[arg(long, value_enum, default_value = "country")]
    pub group: GroupArg,
    /// Split by category or quad class.
    #[arg(long, value_enum, default_value = "event")]
    pub split: SplitArg,
    /// Only this country.
    #[arg(long)]
    pub country: Option<String>,
    /// First day (YYYY-MM-DD).
    #[arg(long)]
    pub since: Option<String>,
    /// Last day (YYYY-MM-DD).
    #[arg(long)]
    pub until: Option<String>,
    /// Count negated, hypothetical and future events too.
    #[arg(long)]
    pub all: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: TableFormat,
}

/// Alert metrics.
#[derive(clap::ValueEnum, Debug, Clone, Copy)]
pub enum MetricArg {
    /// Material-conflict events a day.
    Count,
    /// Their summed conflict intensity.
    Score,
}

/// `lapwing alerts`.
#[derive(clap::Args, Debug)]
pub struct AlertsArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Region level.
    #[arg(long, value_enum, default_value = "admin1")]
    pub group: GroupArg,
    /// What is compared with the baseline.
    #[arg(long, value_enum, default_value = "count")]
    pub metric: MetricArg,
    /// Trailing baseline, in days.
    #[arg(long, value_name = "DAYS", default_value_t = 14)]
    pub window: i64,
    /// Standard deviations above the baseline mean.
    #[arg(long, default_value_t = 3.0)]
    pub k: f64,
    /// At least N material-conflict events that day.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub min_count: i64,
    /// At least N days of baseline covered by the store.
    #[arg(long, value_name = "N", default_value_t = 7)]
    pub min_baseline_days: i64,
    /// First alert day (YYYY-MM-DD).
    #[arg(long)]
    pub since: Option<String>,
    /// Last alert day (YYYY-MM-DD).
    #[arg(long)]
    pub until: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: TableFormat,
}

/// Export formats.
#[derive(clap::ValueEnum, Debug, Clone, Copy)]
pub enum ExportFormatArg {
    /// JSON Lines: records exactly as coded, or events with their members.
    Jsonl,
    /// A flat CSV table.
    Csv,
    /// A flat Parquet table.
    Parquet,
}

/// Export tables.
#[derive(clap::ValueEnum, Debug, Clone, Copy)]
pub enum TableArg {
    /// One row per coded record.
    Records,
    /// One row per event (cluster of duplicate reports).
    Events,
}

/// `lapwing export`.
#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: ExportFormatArg,
    /// Records or events.
    #[arg(long, value_enum, default_value = "records")]
    pub table: TableArg,
    /// Output file (standard output when absent, except for Parquet).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<String>,
}

/// Runs one store subcommand; returns the exit status.
pub fn run(cmd: StoreCommand, app: &crate::App) -> Result<i32> {
    match cmd {
        StoreCommand::Ingest(a) => ingest(a, app),
        StoreCommand::Events(a) => events(a),
        StoreCommand::Stats(a) => stats(a),
        StoreCommand::Alerts(a) => alerts(a),
        StoreCommand::Export(a) => export(a),
    }
}

fn open_existing(db: &DbArg) -> Result<Store> {
    Store::open_existing(&db.db)
        .with_context(|| format!("cannot open the event database {}", db.db))
}

fn add(total: &mut IngestOutcome, o: &IngestOutcome) {
    total.documents_added += o.documents_added;
    total.documents_replaced += o.documents_replaced;
    total.documents_unchanged += o.documents_unchanged;
    total.records_added += o.records_added;
    total.records_removed += o.records_removed;
    total.clusters_written += o.clusters_written;
}

fn ingest(a: IngestArgs, app: &crate::App) -> Result<i32> {
    let mut store = Store::open(&a.db.db)
        .with_context(|| format!("cannot open the event database {}", a.db.db))?;
    if a.max_km.is_some() || a.max_days.is_some() {
        let old = store.cluster_config();
        let cfg = ClusterConfig {
            max_km: a.max_km.unwrap_or(old.max_km),
            max_date_gap_days: a.max_days.unwrap_or(old.max_date_gap_days),
        };
        if store.set_cluster_config(cfg)? && !app.opts.quiet {
            msg!("lapwing: duplicate thresholds changed: every event rebuilt");
        }
    }
    let batch_size = a.batch.max(1);
    // Storing runs on its own thread while the next documents are coded, so that a run takes
    // about as long as the slower of the two rather than their sum.
    let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<(Document, Vec<EventRecord>)>>(2);
    let (summary, total) = std::thread::scope(|scope| -> Result<_> {
        let writer = scope.spawn(|| -> Result<IngestOutcome> {
            let mut total = IngestOutcome::default();
            for batch in receiver {
                add(&mut total, &store.ingest_batch(&batch).context("cannot store documents")?);
            }
            Ok(total)
        });
        let mut pending: Vec<(Document, Vec<EventRecord>)> = Vec::with_capacity(batch_size);
        let coded = app.code_inputs(&a.inputs, &mut |doc, records| {
            pending.push((doc.clone(), records));
            if pending.len() >= batch_size {
                let batch = std::mem::replace(&mut pending, Vec::with_capacity(batch_size));
                // A closed channel means the writer stopped on an error, reported below.
                sender.send(batch).map_err(|_| anyhow::anyhow!("the store writer stopped"))?;
            }
            Ok(())
        });
        if coded.is_ok() && !pending.is_empty() {
            let _ = sender.send(std::mem::take(&mut pending));
        }
        drop(sender);
        let stored = writer.join().map_err(|_| anyhow::anyhow!("the store writer panicked"))?;
        let total = stored?;
        Ok((coded?, total))
    })?;
    if !app.opts.quiet {
        let c = store.counts()?;
        msg!(
            "lapwing: ingest: {} added, {} replaced, {} unchanged document(s); {} record(s) stored",
            total.documents_added,
            total.documents_replaced,
            total.documents_unchanged,
            total.records_added
        );
        msg!(
            "lapwing: store {}: {} document(s), {} record(s), {} event(s)",
            a.db.db,
            c.documents,
            c.records,
            c.clusters
        );
    }
    Ok(summary.exit_status())
}

fn parse_near(s: &str) -> Result<(f64, f64, f64)> {
    let parts: Vec<f64> = s
        .split(',')
        .map(|p| p.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| anyhow::anyhow!("--near: expected LAT,LON,KM, got {s:?}"))?;
    match parts.as_slice() {
        [lat, lon, km] if lat.abs() <= 90.0 && lon.abs() <= 180.0 && *km >= 0.0 => {
            Ok((*lat, *lon, *km))
        }
        _ => {
            bail!("--near: expected LAT,LON,KM (latitude -90..90, longitude -180..180), got {s:?}")
        }
    }
}

fn stdout() -> BufWriter<std::io::StdoutLock<'static>> {
    BufWriter::new(std::io::stdout().lock())
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Prints rows as aligned columns; the last column is not padded.
fn print_table(out: &mut dyn Write, header: &[&str], rows: &[Vec<String>]) -> Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<&str>| -> String {
        let n = cells.len();
        let mut s = String::new();
        for (i, (c, w)) in cells.iter().zip(&widths).enumerate() {
            if i + 1 == n {
                s.push_str(c);
            } else {
                s.push_str(&format!("{c:<w$}  "));
            }
        }
        s.trim_end().to_string()
    };
    writeln!(out, "{}", line(header.to_vec()))?;
    for row in rows {
        writeln!(out, "{}", line(row.iter().map(String::as_str).collect()))?;
    }
    Ok(())
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

fn event_row(e: &EventCluster) -> Vec<String> {
    let mut what = e.event.clone();
    if !e.mode.is_empty() {
        what.push_str(&format!(" ({})", e.mode.join(",")));
    }
    if e.negated {
        what.push_str(" [negated]");
    } else if e.hypothetical || e.future {
        what.push_str(" [not yet]");
    }
    let place = match (&e.place, &e.country) {
        (Some(p), Some(c)) => format!("{p}, {c}"),
        (Some(p), None) => p.clone(),
        (None, Some(c)) => c.clone(),
        (None, None) => String::new(),
    };
    let who = format!("{} -> {}", e.actor_codes.join(","), e.recipient_codes.join(","));
    vec![
        opt(&e.date),
        what,
        place,
        who,
        format!("{}/{}/{}", e.num_sources, e.num_articles, e.num_mentions),
        e.id.clone(),
        e.text.clone(),
    ]
}

fn events(a: EventsArgs) -> Result<i32> {
    let store = open_existing(&a.db)?;
    let filter = EventFilter {
        country: a.country,
        admin1: a.admin1,
        actor: a.actor,
        event: a.event,
        quad: a.quad,
        mode: a.mode,
        since: a.since,
        until: a.until,
        near: a.near.as_deref().map(parse_near).transpose()?,
        min_sources: a.min_sources,
        text: a.text,
        factual_only: a.factual,
        limit: (a.limit > 0).then_some(a.limit),
        with_members: a.format == EventsFormat::Jsonl,
    };
    let found = store.events(&filter)?;
    let mut out = stdout();
    match a.format {
        EventsFormat::Table => {
            let rows: Vec<Vec<String>> = found.iter().map(event_row).collect();
            print_table(
                &mut out,
                &[
                    "date",
                    "event",
                    "place",
                    "actors -> recipients",
                    "src/art/men",
                    "id",
                    "sentence",
                ],
                &rows,
            )?;
        }
        EventsFormat::Jsonl => {
            for e in &found {
                serde_json::to_writer(&mut out, e)?;
                out.write_all(b"\n")?;
            }
        }
        EventsFormat::Csv => {
            writeln!(out, "id,date,event,mode,country,admin1,place,lat,lon,actor_codes,recipient_codes,num_sources,num_articles,num_mentions,first_seen,last_seen,negated,text")?;
            for e in &found {
                let cells = [
                    e.id.clone(),
                    opt(&e.date),
                    e.event.clone(),
                    e.mode.join("|"),
                    opt(&e.country),
                    opt(&e.admin1),
                    opt(&e.place),
                    e.lat.map(|v| v.to_string()).unwrap_or_default(),
                    e.lon.map(|v| v.to_string()).unwrap_or_default(),
                    e.actor_codes.join("|"),
                    e.recipient_codes.join("|"),
                    e.num_sources.to_string(),
                    e.num_articles.to_string(),
                    e.num_mentions.to_string(),
                    opt(&e.first_seen),
                    opt(&e.last_seen),
                    e.negated.to_string(),
                    e.text.clone(),
                ];
                let line: Vec<String> = cells.iter().map(|c| csv_field(c)).collect();
                writeln!(out, "{}", line.join(","))?;
            }
        }
    }
    out.flush()?;
    Ok(0)
}

fn stats(a: StatsArgs) -> Result<i32> {
    let store = open_existing(&a.db)?;
    let q = StatsQuery {
        by: match a.by {
            ByArg::Day => Period::Day,
            ByArg::Week => Period::Week,
            ByArg::Month => Period::Month,
        },
        group: match a.group {
            GroupArg::Country => RegionLevel::Country,
            GroupArg::Admin1 => RegionLevel::Admin1,
        },
        split: match a.split {
            SplitArg::Event => Split::Event,
            SplitArg::Quad => Split::Quad,
        },
        country: a.country,
        since: a.since,
        until: a.until,
        factual_only: !a.all,
    };
    let rows = store.stats(&q)?;
    let mut out = stdout();
    let key = match a.split {
        SplitArg::Event => "event",
        SplitArg::Quad => "quad",
    };
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.period.clone(),
                opt(&r.country),
                opt(&r.admin1),
                r.key.clone(),
                r.events.to_string(),
                r.mentions.to_string(),
                format!("{:.1}", r.score),
            ]
        })
        .collect();
    let header = ["period", "country", "admin1", key, "events", "mentions", "score"];
    match a.format {
        TableFormat::Table => print_table(&mut out, &header, &cells)?,
        TableFormat::Csv => {
            writeln!(out, "{}", header.join(","))?;
            for row in &cells {
                let line: Vec<String> = row.iter().map(|c| csv_field(c)).collect();
                writeln!(out, "{}", line.join(","))?;
            }
        }
        TableFormat::Jsonl => {
            for r in &rows {
                serde_json::to_writer(&mut out, r)?;
                out.write_all(b"\n")?;
            }
        }
    }
    out.flush()?;
    Ok(0)
}

fn alerts(a: AlertsArgs) -> Result<i32> {
    let store = open_existing(&a.db)?;
    let cfg = AlertConfig {
        group: match a.group {
            GroupArg::Country => RegionLevel::Country,
            GroupArg::Admin1 => RegionLevel::Admin1,
        },
        metric: match a.metric {
            MetricArg::Count => AlertMetric::Count,
            MetricArg::Score => AlertMetric::Score,
        },
        window_days: a.window,
        k: a.k,
        min_count: a.min_count,
        min_baseline_days: a.min_baseline_days,
        since: a.since,
        until: a.until,
    };
    let found = store.alerts(&cfg)?;
    let mut out = stdout();
    match a.format {
        TableFormat::Jsonl => {
            for al in &found {
                serde_json::to_writer(&mut out, al)?;
                out.write_all(b"\n")?;
            }
        }
        TableFormat::Table | TableFormat::Csv => {
            let header = [
                "day",
                "country",
                "admin1",
                "metric",
                "value",
                "baseline",
                "sd",
                "threshold",
                "events",
            ];
            let rows: Vec<Vec<String>> = found
                .iter()
                .map(|al| {
                    vec![
                        al.day.clone(),
                        al.country.clone(),
                        opt(&al.admin1),
                        al.metric.clone(),
                        format!("{:.1}", al.value),
                        format!("{:.2}", al.baseline_mean),
                        format!("{:.2}", al.baseline_sd),
                        format!("{:.2}", al.threshold),
                        al.events.iter().map(|e| e.id.as_str()).collect::<Vec<_>>().join("|"),
                    ]
                })
                .collect();
            if a.format == TableFormat::Csv {
                writeln!(out, "{}", header.join(","))?;
                for row in &rows {
                    let line: Vec<String> = row.iter().map(|c| csv_field(c)).collect();
                    writeln!(out, "{}", line.join(","))?;
                }
            } else {
                print_table(&mut out, &header, &rows)?;
                for al in &found {
                    writeln!(out, "\n{} {} {}:", al.day, al.country, opt(&al.admin1))?;
                    let rows: Vec<Vec<String>> = al.events.iter().map(event_row).collect();
                    print_table(
                        &mut out,
                        &[
                            "date",
                            "event",
                            "place",
                            "actors -> recipients",
                            "src/art/men",
                            "id",
                            "sentence",
                        ],
                        &rows,
                    )?;
                }
            }
        }
    }
    out.flush()?;
    Ok(0)
}

fn export(a: ExportArgs) -> Result<i32> {
    let store = open_existing(&a.db)?;
    let format = match a.format {
        ExportFormatArg::Jsonl => ExportFormat::Jsonl,
        ExportFormatArg::Csv => ExportFormat::Csv,
        ExportFormatArg::Parquet => ExportFormat::Parquet,
    };
    let table = match a.table {
        TableArg::Records => ExportTable::Records,
        TableArg::Events => ExportTable::Events,
    };
    let n = match &a.output {
        Some(path) => {
            let file =
                std::fs::File::create(path).with_context(|| format!("cannot create {path}"))?;
            store.export(format, table, BufWriter::new(file))?
        }
        None if matches!(format, ExportFormat::Parquet) => {
            bail!("--format parquet needs -o FILE")
        }
        None => store.export(format, table, BufWriter::new(std::io::stdout()))?,
    };
    if let Some(path) = &a.output {
        msg!("lapwing: export: {n} row(s) written to {path}");
    }
    Ok(0)
}
