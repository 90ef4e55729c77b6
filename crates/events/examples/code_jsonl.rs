//! Codes a JSON Lines file of documents (`id`, `text`) with segment → actors → events and
//! prints one minimal event record per candidate, in the shape `score_events.py` reads:
//! `cargo run -p lapwing-events --example code_jsonl -- docs.jsonl > out.jsonl`.
//! With `--bench` it prints only the throughput (sentences per second) on standard error.

use lapwing_actors::ActorCoder;
use lapwing_core::Mention;
use lapwing_events::{EventCandidate, EventCoder};
use serde_json::{json, Value};
use std::io::{BufRead, Write};
use std::time::Instant;

fn entity(text: &str, m: &Mention) -> Value {
    json!({
        "code": m.entity.code.map(|c| c.to_string()),
        "sector": m.entity.sector.map(|s| s.to_string()),
        "entity_text": m.span.slice(text),
    })
}

fn record(
    doc_id: &str,
    text: &str,
    sentences: &[lapwing_core::Sentence],
    c: &EventCandidate,
) -> Value {
    let sentence = sentences.get(c.sentence).map_or("", |s| s.text(text));
    json!({
        "doc_id": doc_id,
        "event": c.event.to_string(),
        "mode": c.modes.iter().map(|m| m.to_string()).collect::<Vec<_>>(),
        "context": c.contexts.iter().map(|m| m.to_string()).collect::<Vec<_>>(),
        "actor": c.actors.iter().map(|m| entity(text, m)).collect::<Vec<_>>(),
        "recipient": c.recipients.iter().map(|m| entity(text, m)).collect::<Vec<_>>(),
        "aux": c.aux,
        "date": null,
        "event_loc": null,
        "text": sentence,
        "event_text": c.trigger.slice(text),
        "pattern": c.pattern_id,
        "confidence": c.confidence,
        "also_reported": c.also_reported,
    })
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let bench = args.iter().any(|a| a == "--bench");
    let files: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let (actors, ad) = ActorCoder::from_sources(&ActorCoder::builtin_sources());
    let (events, ed) = EventCoder::from_sources(&EventCoder::builtin_sources());
    for d in ad.iter().chain(ed.iter()) {
        eprintln!("{d}");
    }
    if args.iter().any(|a| a == "--sizes") {
        let [t, m, a, c] = events.sizes();
        eprintln!("compiled phrases: {t} triggers, {m} mode cues, {a} aux cues, {c} context cues");
        return Ok(());
    }
    let mut docs: Vec<(String, String)> = Vec::new();
    let mut read = |r: &mut dyn BufRead| -> Result<(), Box<dyn std::error::Error>> {
        for line in r.lines() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            let v: Value = serde_json::from_str(&line)?;
            let id = v.get("id").and_then(Value::as_str).unwrap_or("").to_string();
            let text = v.get("text").and_then(Value::as_str).unwrap_or("").to_string();
            docs.push((id, text));
        }
        Ok(())
    };
    if files.is_empty() {
        read(&mut std::io::stdin().lock())?;
    } else {
        for f in files {
            read(&mut std::io::BufReader::new(std::fs::File::open(f)?))?;
        }
    }
    let prepared: Vec<_> = docs
        .iter()
        .map(|(id, text)| {
            let sentences = lapwing_text::segment(text);
            let mentions = actors.code_document(text, &sentences, &[]);
            (id, text, sentences, mentions)
        })
        .collect();
    let start = Instant::now();
    let mut n_sent = 0usize;
    let mut all = Vec::new();
    for (_, text, sentences, mentions) in &prepared {
        n_sent += sentences.len();
        all.push(events.code_document(text, sentences, mentions));
    }
    let secs = start.elapsed().as_secs_f64();
    if bench {
        // Whole pipeline too, for the record.
        let t = Instant::now();
        for (_, text) in &docs {
            let sentences = lapwing_text::segment(text);
            let mentions = actors.code_document(text, &sentences, &[]);
            let _ = events.code_document(text, &sentences, &mentions);
        }
        let total = t.elapsed().as_secs_f64();
        eprintln!(
            "{n_sent} sentences; events stage {:.0} sentences/s ({:.2} us/sentence); segment+actors+events {:.0} sentences/s",
            n_sent as f64 / secs,
            secs * 1e6 / n_sent.max(1) as f64,
            n_sent as f64 / total
        );
        return Ok(());
    }
    let mut out = std::io::stdout().lock();
    if args.iter().any(|a| a == "--mentions") {
        for (_, text, sentences, mentions) in &prepared {
            for (s, ms) in sentences.iter().zip(mentions.iter()) {
                let toks: Vec<String> =
                    s.tokens.iter().enumerate().map(|(i, t)| format!("{i}:{}", t.norm)).collect();
                writeln!(out, "# {}", toks.join(" "))?;
                for m in ms {
                    writeln!(
                        out,
                        "#   {:?} {:?} {:?} {:?} {:?}",
                        m.span.slice(text),
                        m.tokens,
                        m.entity.code.map(|c| c.to_string()),
                        m.entity.sector.map(|c| c.to_string()),
                        m.kind
                    )?;
                }
            }
        }
    }
    for ((id, text, sentences, _), cands) in prepared.iter().zip(all.iter()) {
        for c in cands {
            writeln!(out, "{}", record(id, text, sentences, c))?;
        }
    }
    Ok(())
}
