//! Prints the actor mentions of a text file or of a JSON Lines document's `text` field, for
//! looking at the coder by eye: `cargo run -p lapwing-actors --example code_text -- FILE [DATE]`.

use lapwing_actors::ActorCoder;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: code_text FILE [YYYY-MM-DD]");
        return;
    };
    let raw = std::fs::read_to_string(path).unwrap_or_default();
    // A .jsonl document: take its "text" the cheap way (no serde dependency in this crate).
    let text = if path.ends_with(".jsonl") { json_text(&raw).unwrap_or(raw) } else { raw };
    let date = args.get(2).cloned();
    let (coder, diags) = ActorCoder::builtin();
    for d in &diags {
        eprintln!("{d}");
    }
    let sentences = lapwing_text::segment(&text);
    let dates = vec![date];
    let out = coder.code_document(&text, &sentences, &dates);
    for (s, ms) in sentences.iter().zip(out) {
        println!("[{}] {}", s.index, s.text(&text).replace('\n', " "));
        for m in ms {
            let e = &m.entity;
            println!(
                "    {:<40} {:?} {}:{} office={:?} eth={:?} rel={:?} id={:?} ante={:?}",
                format!("{:?}", e.entity_text),
                m.kind,
                e.code.map(|c| c.to_string()).unwrap_or_else(|| "-".into()),
                e.sector.map(|c| c.to_string()).unwrap_or_else(|| "-".into()),
                e.office,
                e.ethnicity,
                e.religion,
                e.identifier_text,
                m.antecedent
            );
        }
    }
}

/// The "text" string of the first JSON object in `raw`, unescaped.
fn json_text(raw: &str) -> Option<String> {
    let at = raw.find("\"text\"")?;
    let rest = &raw[at + 6..];
    let start = rest.find('"')? + 1;
    let mut out = String::new();
    let mut chars = rest[start..].chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    out.push(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)?);
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}
