//! Runs the tagger over a documents JSONL file (`id`, `text`, `published`) and prints one
//! JSON line per time expression, offsets in Unicode code points, in the format that
//! `../shared/tools/score_timex.py` scores.
//!
//! Usage: `timex_jsonl DOCS.jsonl [--repeat N]` (repeat times the tagger for speed checks).

use std::io::{BufRead, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).ok_or("usage: timex_jsonl DOCS.jsonl [--repeat N]")?;
    let repeat: usize = match args.iter().position(|a| a == "--repeat") {
        Some(p) => args.get(p + 1).ok_or("--repeat needs N")?.parse()?,
        None => 0,
    };
    let file = std::io::BufReader::new(std::fs::File::open(path)?);
    let mut docs = Vec::new();
    for line in file.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line)?;
        let id = v["id"].as_str().unwrap_or("").to_string();
        let text = v["text"].as_str().unwrap_or("").to_string();
        let anchor = v["published"].as_str().and_then(lapwing_time::CivilDate::parse);
        docs.push((id, text, anchor));
    }
    if repeat > 0 {
        let big: String =
            docs.iter().map(|d| d.1.as_str()).collect::<Vec<_>>().join("\n\n").repeat(repeat);
        let t = std::time::Instant::now();
        let n = lapwing_time::find_timexes(&big, docs.first().and_then(|d| d.2)).len();
        let secs = t.elapsed().as_secs_f64();
        eprintln!(
            "{} MB, {n} timexes, {secs:.3}s, {:.1} MB/s",
            big.len() / 1_000_000,
            big.len() as f64 / 1e6 / secs
        );
        return Ok(());
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (id, text, anchor) in &docs {
        // Results are sorted, so code-point offsets can be counted incrementally.
        let (mut byte_pos, mut char_pos) = (0usize, 0usize);
        for t in lapwing_time::find_timexes(text, *anchor) {
            char_pos += text.get(byte_pos..t.start).map_or(0, |s| s.chars().count());
            byte_pos = t.start;
            let start = char_pos;
            let end = start + t.text.chars().count();
            let row = serde_json::json!({
                "doc_id": id, "start": start, "end": end, "text": t.text,
                "type": t.kind.to_string(), "value": t.value,
            });
            writeln!(out, "{row}")?;
        }
    }
    Ok(())
}
