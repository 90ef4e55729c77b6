//! Times the actor coder in a release build: building the built-in lexicon, and coding
//! documents (sentences per second on one thread).
//! `cargo run --release -p lapwing-actors --example bench -- [DOCS.jsonl ...]`; without
//! arguments it codes the shared development sets when they are present, else the seed article.

use lapwing_actors::ActorCoder;
use std::time::Instant;

/// This thread's CPU time in seconds (Linux), so that timings on a busy shared machine are
/// not inflated by waiting for a core; falls back to wall time elsewhere.
fn cpu_now() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Runs `f` and returns (wall seconds, CPU seconds).
fn timed<T>(f: impl FnOnce() -> T) -> (T, f64, f64) {
    let c0 = cpu_now();
    let t = Instant::now();
    let out = f();
    let wall = t.elapsed().as_secs_f64();
    let cpu = match (c0, cpu_now()) {
        (Some(a), Some(b)) => b - a,
        _ => wall,
    };
    (out, wall, cpu)
}

fn main() {
    let mut load = Vec::new();
    let mut coder = None;
    for _ in 0..7 {
        let ((c, _), wall, cpu) = timed(ActorCoder::builtin);
        load.push((cpu, wall));
        coder = Some(c);
    }
    let Some(coder) = coder else { return };
    load.sort_by(|a, b| a.0.total_cmp(&b.0));
    println!(
        "builtin load + compile: CPU min {:.1} ms, median {:.1} ms (wall min {:.1} ms) ({} entries)",
        load[0].0 * 1e3,
        load[3].0 * 1e3,
        load.iter().map(|l| l.1).fold(f64::MAX, f64::min) * 1e3,
        coder.entry_count()
    );

    let mut paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        for p in [
            "../shared/datasets/trnews.docs.jsonl",
            "../shared/datasets/geovirus.docs.jsonl",
            "../shared/datasets/tbaq.docs.jsonl",
            "../shared/spec/examples/seed-article.jsonl",
        ] {
            if std::path::Path::new(p).exists() {
                paths.push(p.to_string());
            }
        }
    }
    let mut texts = Vec::new();
    for p in &paths {
        let raw = std::fs::read_to_string(p).unwrap_or_default();
        for line in raw.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
            if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                let date = v.get("published").and_then(|d| d.as_str()).and_then(|d| d.get(..10));
                texts.push((t.to_string(), date.map(str::to_string)));
            }
        }
    }
    let docs: Vec<_> = texts
        .iter()
        .map(|(t, d)| (t.as_str(), lapwing_text::segment(t), vec![d.clone()]))
        .collect();
    let n_sent: usize = docs.iter().map(|d| d.1.len()).sum();
    let mut best = f64::MAX;
    let mut best_wall = f64::MAX;
    let mut mentions = 0;
    for _ in 0..5 {
        let (m, wall, cpu) = timed(|| {
            docs.iter()
                .map(|(text, sentences, dates)| {
                    coder.code_document(text, sentences, dates).iter().map(Vec::len).sum::<usize>()
                })
                .sum::<usize>()
        });
        mentions = m;
        best = best.min(cpu);
        best_wall = best_wall.min(wall);
    }
    println!(
        "coded {} documents, {} sentences, {} mentions in {:.1} ms CPU ({:.1} ms wall): {:.0} sentences/s ({:.2} µs/sentence) on one thread",
        docs.len(),
        n_sent,
        mentions,
        best * 1e3,
        best_wall * 1e3,
        n_sent as f64 / best,
        best * 1e6 / n_sent.max(1) as f64
    );
}
