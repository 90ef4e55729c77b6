//! `lapwing`: the command line. Thin glue over the library crates: argument parsing, reading
//! inputs, writing outputs, messages and exit statuses (0 all input processed, 2 finished with
//! some input records skipped, 1 nothing useful could be done). Standard output carries only
//! records; messages go to standard error.

/// Writes a line to standard error, ignoring failure: a closed stderr (`2>&1 | head`) must not
/// turn a message into a panic.
macro_rules! msg {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// As [`msg!`], without the newline (the progress line).
macro_rules! msg_inline {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr(), $($arg)*);
    }};
}

mod app;
mod input;
mod output;
mod store_cmd;

pub use app::App;

use anyhow::{Context as _, Result};
use app::CommonOpts;
use clap::{Parser, Subcommand};
use lapwing_core::text::CharIndex;
use output::{Format, RecordWriter};
use rayon::prelude::*;
use std::io::{BufWriter, Write};
use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// lapwing: news in, PLOVER political event records out, each traceable to its sentence.
#[derive(Parser, Debug)]
#[command(name = "lapwing", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    common: CommonOpts,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Code documents into PLOVER event records (JSON Lines or CSV).
    Code {
        /// .jsonl files, .txt files, directories, or - for standard input (default).
        inputs: Vec<String>,
        /// Write records to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "jsonl")]
        format: Format,
    },
    /// Tag and normalise time expressions (TIMEX3), one JSON line each.
    Timex {
        /// .jsonl files, .txt files, directories, or - for standard input (default).
        inputs: Vec<String>,
        /// Write to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<String>,
    },
    /// Find and resolve place mentions, one JSON line each.
    Geoparse {
        /// .jsonl files, .txt files, directories, or - for standard input (default).
        inputs: Vec<String>,
        /// Write to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<String>,
    },
    /// Score predictions against gold, with the same figures as the reference scorers.
    Eval {
        /// events, geo or timex.
        task: String,
        /// Gold JSON Lines.
        gold: String,
        /// Predicted JSON Lines.
        predicted: String,
        /// Print the scorer's JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Check a lexicon folder or explain how a phrase codes.
    #[command(subcommand)]
    Lexicon(LexiconCommand),
    #[command(flatten)]
    Store(store_cmd::StoreCommand),
}

#[derive(Subcommand, Debug)]
enum LexiconCommand {
    /// Report every error of a lexicon folder as file:line:column.
    Check {
        /// The folder (actors/*.tsv, events/*.tsv).
        dir: String,
    },
    /// Show how a phrase codes as actors, and which lexicon entries fired.
    Explain {
        /// The phrase.
        text: String,
        /// The date at which roles are taken (YYYY-MM-DD).
        #[arg(long)]
        date: Option<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(status) => ExitCode::from(status as u8),
        // A reader that stopped early (`lapwing code | head`) is not an error of ours.
        Err(e) if is_broken_pipe(&e) => ExitCode::from(0),
        Err(e) => {
            msg!("lapwing: error: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn open_output(path: Option<&str>) -> Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) => Box::new(BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {p}"))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    })
}

fn run(cli: Cli) -> Result<i32> {
    match cli.command {
        Command::Eval { task, gold, predicted, json } => eval(&task, &gold, &predicted, json),
        Command::Store(cmd) => {
            let app = App::new(cli.common)?;
            store_cmd::run(cmd, &app)
        }
        Command::Lexicon(LexiconCommand::Check { dir }) => lexicon_check(&dir),
        Command::Lexicon(LexiconCommand::Explain { text, date }) => {
            let app = App::new(cli.common)?;
            lexicon_explain(&app, &text, date.as_deref())
        }
        Command::Code { inputs, output, format } => {
            let app = App::new(cli.common)?;
            let mut writer = RecordWriter::new(open_output(output.as_deref())?, format);
            let summary = app.code_inputs(&inputs, &mut |_doc, records| {
                for r in &records {
                    writer.write(r).context("cannot write records")?;
                }
                Ok(())
            })?;
            writer.flush().context("cannot write records")?;
            Ok(summary.exit_status())
        }
        Command::Timex { inputs, output } => {
            let app = App::new(cli.common)?;
            tag_documents(&app, "time expressions", &inputs, output.as_deref(), &|d, ix| {
                let anchor = d.published_day().and_then(lapwing_time::CivilDate::parse);
                lapwing_time::find_timexes(&d.text, anchor)
                    .iter()
                    .map(|t| output::timex_line(&d.id, ix, t))
                    .collect()
            })
        }
        Command::Geoparse { inputs, output } => {
            let app = App::new(cli.common)?;
            let parser = lapwing_geo::Geoparser::new(app.gazetteer()?);
            tag_documents(&app, "places", &inputs, output.as_deref(), &|d, ix| {
                parser.parse(&d.text).iter().map(|m| output::place_line(&d.id, ix, m)).collect()
            })
        }
    }
}

/// Runs a per-document tagger (`timex`, `geoparse`) over the inputs on the worker pool and
/// writes its JSON lines in input order.
fn tag_documents(
    app: &App,
    unit: &'static str,
    inputs: &[String],
    output: Option<&str>,
    tag: &(dyn Fn(&lapwing_core::Document, &CharIndex) -> Vec<serde_json::Value> + Sync),
) -> Result<i32> {
    let mut out = open_output(output)?;
    let summary = app.for_each_batch(unit, inputs, &mut |batch, summary| {
        let lines: Vec<Vec<serde_json::Value>> =
            app.install(|| batch.par_iter().map(|d| tag(d, &CharIndex::new(&d.text))).collect());
        summary.events += lines.iter().map(Vec::len).sum::<usize>();
        write_lines(&mut out, lines)
    })?;
    out.flush()?;
    Ok(summary.exit_status())
}

fn write_lines(out: &mut dyn Write, lines: Vec<Vec<serde_json::Value>>) -> Result<()> {
    for line in lines.iter().flatten() {
        let mut bytes = serde_json::to_vec(line)?;
        bytes.push(b'\n');
        out.write_all(&bytes)?;
    }
    Ok(())
}

fn eval(task: &str, gold: &str, predicted: &str, json: bool) -> Result<i32> {
    let task: lapwing_eval::Task = task
        .parse()
        .map_err(|_| anyhow::anyhow!("unknown task {task:?}: use events, geo or timex"))?;
    let gold_text = std::fs::read_to_string(gold).with_context(|| format!("cannot read {gold}"))?;
    let pred_text =
        std::fs::read_to_string(predicted).with_context(|| format!("cannot read {predicted}"))?;
    let report = lapwing_eval::score(task, &gold_text, gold, &pred_text, predicted)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut text = if json { report.to_json() } else { report.to_text() };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(0)
}

fn lexicon_check(dir: &str) -> Result<i32> {
    let overlay = app::read_overlay(std::path::Path::new(dir))?;
    let n_files = overlay.actors.len() + overlay.events.len();
    let mut actor_sources = lapwing_actors::ActorCoder::builtin_sources();
    actor_sources.extend(overlay.actors.iter().cloned());
    let (_, mut diagnostics) = lapwing_actors::ActorCoder::from_sources(&actor_sources);
    let mut event_sources = lapwing_events::EventCoder::builtin_sources();
    event_sources.extend(overlay.events.iter().cloned());
    diagnostics.extend(lapwing_events::EventCoder::from_sources(&event_sources).1);
    app::report_diagnostics(&diagnostics);
    let n_errors =
        diagnostics.iter().filter(|d| d.severity == lapwing_lexicon::Severity::Error).count();
    msg!(
        "lapwing: {} file(s) checked: {} error(s), {} warning(s)",
        n_files,
        n_errors,
        diagnostics.len() - n_errors
    );
    Ok(if n_errors > 0 { 1 } else { 0 })
}

fn lexicon_explain(app: &App, text: &str, date: Option<&str>) -> Result<i32> {
    let coder = app.coder()?;
    let mentions = coder.actors().explain(text, date);
    let mut out = std::io::stdout().lock();
    if mentions.is_empty() {
        writeln!(out, "no actor found in {text:?}")?;
    }
    for m in &mentions {
        let e = &m.entity;
        writeln!(
            out,
            "{:?} -> code {} sector {} ({:?}){}",
            e.entity_text,
            e.code.map(|c| c.to_string()).unwrap_or_else(|| "null".into()),
            e.sector.map(|s| s.to_string()).unwrap_or_else(|| "null".into()),
            m.kind,
            e.identifier_text.as_deref().map(|i| format!(" = {i}")).unwrap_or_default()
        )?;
        for entry in &m.entries {
            writeln!(
                out,
                "    {} {} at {} matched {:?}",
                entry.role, entry.entry, entry.source, entry.text
            )?;
        }
    }
    Ok(0)
}
