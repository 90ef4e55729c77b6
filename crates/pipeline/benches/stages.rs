//! `cargo bench -p lapwing-pipeline`: times each stage and the whole coder on a corpus of news
//! (the development sets in ../shared/datasets when present, else the bundled example repeated).
//!
//! A plain harness (no criterion) keeps the build light; each stage runs over the corpus a few
//! times and the best run is reported, in sentences per second and MB/s.

use lapwing_core::Document;
use lapwing_pipeline::{CodeOptions, Coder, LexiconOverlay};
use std::path::Path;
use std::time::Instant;

fn load_corpus() -> Vec<Document> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut docs = Vec::new();
    for name in ["trnews", "geovirus", "tbaq"] {
        let p = root.join(format!("../shared/datasets/{name}.docs.jsonl"));
        if let Ok(text) = std::fs::read_to_string(&p) {
            for line in text.lines() {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                    docs.push(Document {
                        id: v["id"].as_str().unwrap_or_default().to_string(),
                        text: v["text"].as_str().unwrap_or_default().to_string(),
                        published: v["published"].as_str().map(str::to_string),
                        ..Default::default()
                    });
                }
            }
        }
    }
    if docs.is_empty() {
        let seed =
            std::fs::read_to_string(root.join("examples/seed-article.jsonl")).unwrap_or_default();
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(seed.trim()) {
            for i in 0..200 {
                docs.push(Document {
                    id: format!("seed-{i}"),
                    text: v["text"].as_str().unwrap_or_default().to_string(),
                    published: v["published"].as_str().map(str::to_string),
                    ..Default::default()
                });
            }
        }
    }
    docs
}

fn time<F: FnMut() -> usize>(name: &str, bytes: usize, sentences: usize, mut f: F) {
    let mut best = f64::MAX;
    let mut out = 0;
    for _ in 0..3 {
        let t = Instant::now();
        out = std::hint::black_box(f());
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{name:<22} {:>9.1} ms {:>10.0} sentences/s {:>7.1} MB/s   (output {out})",
        best * 1e3,
        sentences as f64 / best,
        bytes as f64 / 1e6 / best
    );
}

fn main() {
    let docs = load_corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let t = Instant::now();
    let gazetteer = match lapwing_geo::Gazetteer::embedded() {
        Ok(g) => g,
        Err(e) => {
            eprintln!("gazetteer: {e}");
            return;
        }
    };
    println!("gazetteer load: {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let (coder, _) = Coder::new(&gazetteer, &LexiconOverlay::default());
    println!("lexicon compile: {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let sentences: Vec<_> = docs.iter().map(|d| lapwing_text::segment(&d.text)).collect();
    let n_sentences: usize = sentences.iter().map(Vec::len).sum();
    println!(
        "corpus: {} documents, {} sentences, {:.1} MB (one thread)",
        docs.len(),
        n_sentences,
        bytes as f64 / 1e6
    );
    time("segment", bytes, n_sentences, || {
        docs.iter().map(|d| lapwing_text::segment(&d.text).len()).sum()
    });
    time("actors", bytes, n_sentences, || {
        docs.iter()
            .zip(&sentences)
            .map(|(d, s)| {
                coder.actors().code_document(&d.text, s, &[]).iter().map(Vec::len).sum::<usize>()
            })
            .sum()
    });
    time("timex", bytes, n_sentences, || {
        docs.iter()
            .map(|d| {
                lapwing_time::find_timexes(&d.text, lapwing_time::CivilDate::parse("2025-07-20"))
                    .len()
            })
            .sum()
    });
    let parser = lapwing_geo::Geoparser::new(&gazetteer);
    time("geoparse", bytes, n_sentences, || docs.iter().map(|d| parser.parse(&d.text).len()).sum());
    let options = CodeOptions { coded_date: "2026-01-01".into(), default_published: None };
    time("whole coder", bytes, n_sentences, || {
        docs.iter().map(|d| coder.code(d, &options).records.len()).sum()
    });
}
