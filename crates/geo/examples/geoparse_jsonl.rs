//! Geoparses documents given as JSON Lines (`id`, `text`) on standard input or in the files named
//! as arguments, and prints one JSON object per place mention in the shape `lapwing geoparse`
//! writes, with offsets in Unicode code points so that `score_geo.py` can read it.
//!
//! `--bench` prints load time and parse throughput to standard error as well;
//! `--no-adjectives` leaves out demonyms ("Syrian") for corpora that do not annotate them.

use lapwing_geo::{Gazetteer, Geoparser};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::time::Instant;

/// Nanoseconds this thread has spent on a CPU (Linux), so that throughput can be reported
/// independently of other processes competing for the cores; `None` elsewhere.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let bench = args.iter().any(|a| a == "--bench");
    let t0 = Instant::now();
    let c0 = cpu_ns();
    let gaz = Gazetteer::embedded()?;
    let load = t0.elapsed();
    let load_cpu = cpu_ns().zip(c0).map(|(b, a)| (b - a) as f64 / 1e6);
    let parser = Geoparser::new(&gaz).with_adjectives(!args.iter().any(|a| a == "--no-adjectives"));
    let mut docs: Vec<(String, String)> = Vec::new();
    let files: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let mut readers: Vec<Box<dyn BufRead>> = Vec::new();
    if files.is_empty() {
        readers.push(Box::new(BufReader::new(std::io::stdin())));
    }
    for f in files {
        readers.push(Box::new(BufReader::new(std::fs::File::open(f)?)));
    }
    for r in readers {
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
    }
    let out = std::io::stdout();
    let mut out = out.lock();
    let t1 = Instant::now();
    let mut bytes = 0usize;
    for (id, text) in &docs {
        bytes += text.len();
        let mentions = parser.parse(text);
        // Byte offsets -> code point offsets, walking the text once.
        let mut cp = 0usize;
        let mut last = 0usize;
        for m in mentions {
            cp += text.get(last..m.start).map_or(0, |s| s.chars().count());
            let start = cp;
            let end = start + m.text.chars().count();
            cp = end;
            last = m.end;
            let p = &m.place;
            writeln!(
                out,
                "{}",
                json!({"doc_id": id, "start": start, "end": end, "text": m.text, "name": p.name,
                       "country": p.country, "admin1": p.admin1, "lat": p.lat, "lon": p.lon,
                       "geonames_id": p.geonames_id, "feature": p.feature.as_str()})
            )?;
        }
    }
    let parse = t1.elapsed();
    if bench {
        // Repeat to get a stable throughput figure on small corpora.
        let t2 = Instant::now();
        let c2 = cpu_ns();
        let mut n = 0usize;
        let mut rounds = 0usize;
        while t2.elapsed().as_secs_f64() < 2.0 {
            for (_, text) in &docs {
                n += parser.parse(text).len();
            }
            rounds += 1;
        }
        let secs = t2.elapsed().as_secs_f64();
        if let (Some(l), Some(c)) = (load_cpu, cpu_ns().zip(c2).map(|(b, a)| (b - a) as f64 / 1e9))
        {
            eprintln!(
                "cpu time: load {l:.0} ms; parse {:.1} MB/s per core",
                (bytes * rounds) as f64 / c / 1e6
            );
        }
        eprintln!(
            "load {:.0} ms ({} places); first pass {:.1} ms for {} bytes; {:.1} MB/s over {} rounds ({} mentions)",
            load.as_secs_f64() * 1000.0,
            gaz.len(),
            parse.as_secs_f64() * 1000.0,
            bytes,
            (bytes * rounds) as f64 / secs / 1e6,
            rounds,
            n
        );
    }
    Ok(())
}
