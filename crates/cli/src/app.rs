//! The run loop shared by the subcommands that read documents: expand inputs, read documents
//! in batches, code them on a thread pool, hand each document's results to a sink in input
//! order, report bad records, show progress and a closing summary.

use crate::input::{self, DocumentReader, InputError};
use anyhow::{Context as _, Result};
use lapwing_core::{Document, EventRecord};
use lapwing_lexicon::{Diagnostic, Severity, Source};
use lapwing_pipeline::{CodeOptions, Coder, LexiconOverlay};
use rayon::prelude::*;
use std::collections::VecDeque;
use std::io::IsTerminal;
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Options every subcommand shares.
#[derive(Debug, Clone, clap::Args)]
pub struct CommonOpts {
    /// Publication date for documents that lack one (YYYY-MM-DD).
    #[arg(long, global = true, value_name = "DATE")]
    pub published: Option<String>,
    /// A user lexicon folder (actors/*.tsv, events/*.tsv) laid over the built-in one.
    #[arg(long, global = true, value_name = "DIR")]
    pub lexicon: Option<String>,
    /// Worker threads (default: the number of cores).
    #[arg(long, global = true, value_name = "N")]
    pub threads: Option<usize>,
    /// Stop at the first bad input record instead of skipping it.
    #[arg(long, global = true)]
    pub strict: bool,
    /// No progress and no summary on standard error.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// The coding date written in records (default: today), for reproducible output.
    #[arg(long, global = true, value_name = "DATE")]
    pub coded_date: Option<String>,
}

/// What a run over the inputs did.
#[derive(Debug, Clone, Default)]
pub struct RunSummary {
    /// Documents coded.
    pub documents: usize,
    /// Sentences in them.
    pub sentences: usize,
    /// Records produced (events, time expressions or places, as `unit` says).
    pub events: usize,
    /// What the records are, for the summary line.
    pub unit: &'static str,
    /// Input records skipped for errors.
    pub skipped: usize,
    /// Bytes read.
    pub bytes: u64,
    /// Wall time.
    pub elapsed: Duration,
}

impl RunSummary {
    /// The exit status: 2 when some input was skipped.
    pub fn exit_status(&self) -> i32 {
        if self.skipped > 0 {
            2
        } else {
            0
        }
    }
}

/// The application context: parsed common options, the embedded gazetteer, a thread pool.
pub struct App {
    /// The common options.
    pub opts: CommonOpts,
    /// Built on first use (commands that place nothing never pay for it). Never dropped:
    /// freeing 150,000 places would only delay the exit.
    gazetteer: std::mem::ManuallyDrop<std::sync::OnceLock<Result<lapwing_geo::Gazetteer, String>>>,
    pool: rayon::ThreadPool,
}

/// Warnings (not errors: those are always shown) beyond this many are counted, not printed, so
/// that a feed with the same metadata problem on every line does not bury the rest.
const MAX_WARNINGS_SHOWN: usize = 20;

/// How many documents are read before a batch is coded in parallel.
const BATCH_DOCS: usize = 512;
/// How many bytes of text are read before a batch is coded in parallel.
const BATCH_BYTES: usize = 8 << 20;
/// How many batches may be coding at once while finished ones are written.
const BATCHES_IN_FLIGHT: usize = 2;

impl App {
    /// Builds the context.
    pub fn new(opts: CommonOpts) -> Result<App> {
        if let Some(p) = &opts.published {
            input::check_date(p).map_err(|m| anyhow::anyhow!("--published: {m}"))?;
        }
        if let Some(d) = &opts.coded_date {
            input::check_date(d).map_err(|m| anyhow::anyhow!("--coded-date: {m}"))?;
        }
        let threads = opts.threads.unwrap_or(0);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .context("cannot start worker threads")?;
        let gazetteer = std::mem::ManuallyDrop::new(std::sync::OnceLock::new());
        Ok(App { opts, gazetteer, pool })
    }

    /// Runs `f` on the worker pool (so `par_iter` inside it honours `--threads`).
    pub fn install<R: Send>(&self, f: impl FnOnce() -> R + Send) -> R {
        self.pool.install(f)
    }

    /// The embedded gazetteer, built on first use.
    pub fn gazetteer(&self) -> Result<&lapwing_geo::Gazetteer> {
        self.gazetteer
            .get_or_init(|| lapwing_geo::Gazetteer::embedded().map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| anyhow::anyhow!("the embedded gazetteer is broken: {e}"))
    }

    /// The user's lexicon overlay, read from `--lexicon`, with the diagnostics of reading it.
    pub fn overlay(&self) -> Result<LexiconOverlay> {
        match &self.opts.lexicon {
            None => Ok(LexiconOverlay::default()),
            Some(dir) => read_overlay(Path::new(dir)),
        }
    }

    /// Compiles the coder, failing when the user's lexicon has errors (exit 1, with every
    /// error printed), warning about doubtful entries.
    pub fn coder(&self) -> Result<Coder<'_>> {
        let overlay = self.overlay()?;
        // The gazetteer and the lexicons need nothing of each other: building them at once
        // keeps the second core busy during start-up.
        let (gazetteer, (lexicons, diagnostics)) = std::thread::scope(|scope| {
            let lexicons = scope.spawn(|| lapwing_pipeline::Lexicons::compile(&overlay));
            let gazetteer = self.gazetteer();
            let lexicons = lexicons.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
            (gazetteer, lexicons)
        });
        let coder = Coder::with_gazetteer(lexicons, gazetteer?);
        report_diagnostics(&diagnostics);
        let n_errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
        if n_errors > 0 && self.opts.lexicon.is_some() {
            anyhow::bail!("invalid lexicon: {n_errors} error(s), listed above");
        }
        Ok(coder)
    }

    /// Options for the pipeline.
    pub fn code_options(&self) -> CodeOptions {
        CodeOptions {
            coded_date: self.opts.coded_date.clone().unwrap_or_else(today),
            default_published: self.opts.published.clone(),
        }
    }

    /// Reads every document of `inputs`, codes it, and calls `sink` per document in input
    /// order. Bad records are reported on standard error and skipped (or end the run with
    /// `--strict`).
    ///
    /// Up to [`BATCHES_IN_FLIGHT`] batches are coded on the pool while this thread reads the
    /// next batch and writes the finished ones: reading, writing and the last long document of
    /// a batch no longer leave a core idle.
    pub fn code_inputs(
        &self,
        inputs: &[String],
        sink: &mut dyn FnMut(&Document, Vec<EventRecord>) -> Result<()>,
    ) -> Result<RunSummary> {
        type Coded = (Vec<Document>, Vec<lapwing_pipeline::DocOutput>);
        let coder = self.coder()?;
        let options = self.code_options();
        let (coder, options) = (&coder, &options);
        self.pool.in_place_scope(|scope| {
            let mut in_flight: VecDeque<mpsc::Receiver<Coded>> = VecDeque::new();
            self.for_each_batch("events", inputs, &mut |batch, summary| {
                // An empty batch is the end of the input: everything still coding is written.
                let keep = if batch.is_empty() { 0 } else { BATCHES_IN_FLIGHT };
                if !batch.is_empty() {
                    let (tx, rx) = mpsc::channel();
                    scope.spawn(move |_| {
                        let outputs = batch.par_iter().map(|d| coder.code(d, options)).collect();
                        // The receiver is gone only when the run already stopped on an error.
                        let _ = tx.send((batch, outputs));
                    });
                    in_flight.push_back(rx);
                }
                while in_flight.len() > keep {
                    let Some(rx) = in_flight.pop_front() else { break };
                    let (docs, outputs) =
                        rx.recv().map_err(|_| anyhow::anyhow!("a coding worker stopped"))?;
                    for (doc, out) in docs.iter().zip(outputs) {
                        summary.sentences += out.n_sentences;
                        summary.events += out.records.len();
                        sink(doc, out.records)?;
                    }
                }
                Ok(())
            })
        })
    }

    /// Reads documents in batches and hands each batch to `work`, with progress and the
    /// closing summary. Used by every document-reading subcommand. After the last batch,
    /// `work` is called once more with an empty batch, so that work still pending can finish
    /// before the summary is shown.
    pub fn for_each_batch(
        &self,
        unit: &'static str,
        inputs: &[String],
        work: &mut dyn FnMut(Vec<Document>, &mut RunSummary) -> Result<()>,
    ) -> Result<RunSummary> {
        let started = Instant::now();
        let paths = input::expand(inputs).map_err(|e| anyhow::anyhow!("{e}"))?;
        let mut reader = DocumentReader::new(paths, self.opts.published.clone());
        let mut summary = RunSummary { unit, ..RunSummary::default() };
        let mut progress = Progress::new(self.opts.quiet);
        let mut batch: Vec<Document> = Vec::new();
        let mut batch_bytes = 0usize;
        let mut n_warnings = 0usize;
        loop {
            let next = reader.next();
            for w in reader.warnings.drain(..) {
                n_warnings += 1;
                if n_warnings <= MAX_WARNINGS_SHOWN {
                    msg!("lapwing: {w}");
                }
            }
            let done = next.is_none();
            match next {
                Some(Ok(doc)) => {
                    batch_bytes += doc.text.len();
                    batch.push(doc);
                }
                Some(Err(e)) => {
                    self.report_bad_input(&e)?;
                    summary.skipped += 1;
                }
                None => {}
            }
            if done || batch.len() >= BATCH_DOCS || batch_bytes >= BATCH_BYTES {
                if !batch.is_empty() {
                    summary.documents += batch.len();
                    work(std::mem::take(&mut batch), &mut summary)?;
                    batch_bytes = 0;
                }
                summary.bytes = reader.bytes_read;
                summary.elapsed = started.elapsed();
                progress.update(&summary);
            }
            if done {
                break;
            }
        }
        work(Vec::new(), &mut summary)?;
        summary.bytes = reader.bytes_read;
        summary.elapsed = started.elapsed();
        if n_warnings > MAX_WARNINGS_SHOWN && !self.opts.quiet {
            msg!("lapwing: {} more warnings like these not shown", n_warnings - MAX_WARNINGS_SHOWN);
        }
        progress.finish(&summary);
        Ok(summary)
    }

    fn report_bad_input(&self, e: &InputError) -> Result<()> {
        if self.opts.strict {
            anyhow::bail!("{e} (stopped: --strict)");
        }
        msg!("lapwing: {e}; skipped");
        Ok(())
    }
}

/// Prints lexicon diagnostics on standard error.
pub fn report_diagnostics(diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        msg!("lapwing: {d}");
    }
}

/// Reads a lexicon folder: `actors/**/*.tsv` and `events/**/*.tsv`, skipping `tests/` folders
/// (those hold test cases, not entries).
pub fn read_overlay(dir: &Path) -> Result<LexiconOverlay> {
    let mut overlay = LexiconOverlay::default();
    if !dir.is_dir() {
        anyhow::bail!("{}: not a lexicon folder", dir.display());
    }
    let mut files = Vec::new();
    collect_tsv(dir, &mut files).with_context(|| format!("cannot list {}", dir.display()))?;
    files.sort();
    for path in files {
        let rel = path.strip_prefix(dir).unwrap_or(&path);
        let rel_name = rel.to_string_lossy().replace('\\', "/");
        if rel_name.split('/').any(|c| c == "tests") {
            continue;
        }
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let source = Source::new(path.display().to_string(), text);
        if rel_name.starts_with("actors/") {
            overlay.actors.push(source);
        } else if rel_name.starts_with("events/") {
            overlay.events.push(source);
        } else {
            msg!("lapwing: {}: warning: not under actors/ or events/; ignored", path.display());
        }
    }
    Ok(overlay)
}

fn collect_tsv(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_tsv(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "tsv") {
            out.push(path);
        }
    }
    Ok(())
}

/// Today's date (UTC). Only the command line reads the clock.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    lapwing_time::CivilDate::from_days((secs / 86_400) as i64).to_string()
}

/// A progress line on a terminal, for runs longer than a second, and the closing summary.
struct Progress {
    enabled: bool,
    quiet: bool,
    started: Instant,
    last: Option<Instant>,
}

impl Progress {
    fn new(quiet: bool) -> Progress {
        Progress {
            enabled: !quiet && std::io::stderr().is_terminal(),
            quiet,
            started: Instant::now(),
            last: None,
        }
    }

    fn update(&mut self, s: &RunSummary) {
        if !self.enabled || self.started.elapsed() < Duration::from_secs(1) {
            return;
        }
        if self.last.is_some_and(|l| l.elapsed() < Duration::from_millis(200)) {
            return;
        }
        self.last = Some(Instant::now());
        let secs = s.elapsed.as_secs_f64().max(1e-9);
        msg_inline!(
            "\r\x1b[2K{} docs  {:.1} MB/s  {} {}  {} skipped",
            s.documents,
            s.bytes as f64 / 1e6 / secs,
            s.events,
            s.unit,
            s.skipped
        );
    }

    fn finish(&mut self, s: &RunSummary) {
        if self.last.is_some() {
            msg_inline!("\r\x1b[2K");
        }
        if self.quiet {
            return;
        }
        let secs = s.elapsed.as_secs_f64();
        msg!(
            "lapwing: {} documents, {} sentences, {} {}, {} skipped in {:.2} s ({:.1} MB/s)",
            s.documents,
            s.sentences,
            s.events,
            s.unit,
            s.skipped,
            secs,
            s.bytes as f64 / 1e6 / secs.max(1e-9)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_is_a_date() {
        assert!(input::check_date(&today()).is_ok());
    }
}
