//! Prints every mention of a JSON Lines file as `kind<TAB>code:sector<TAB>text`, one per line,
//! for surveying the coder's output over a corpus:
//! `cargo run --release -p lapwing-actors --example dump -- DOCS.jsonl | sort | uniq -c | sort -rn`.

use lapwing_actors::ActorCoder;

fn main() {
    let (coder, _) = ActorCoder::builtin();
    for path in std::env::args().skip(1) {
        let raw = std::fs::read_to_string(&path).unwrap_or_default();
        for line in raw.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
            let Some(text) = v.get("text").and_then(|t| t.as_str()) else { continue };
            let date = v.get("published").and_then(|d| d.as_str()).and_then(|d| d.get(..10));
            let sentences = lapwing_text::segment(text);
            let out = coder.code_document(text, &sentences, &[date.map(str::to_string)]);
            for m in out.iter().flatten() {
                println!(
                    "{:?}\t{}:{}\t{}",
                    m.kind,
                    m.entity.code.map(|c| c.to_string()).unwrap_or_else(|| "null".into()),
                    m.entity.sector.map(|c| c.to_string()).unwrap_or_else(|| "-".into()),
                    m.entity.entity_text.split_whitespace().collect::<Vec<_>>().join(" ")
                );
            }
        }
    }
}
