//! Prints, for each place name found in the text given as arguments (or on standard input),
//! its best-scoring candidates: a diagnosis aid for tuning the resolver.

use lapwing_geo::{Gazetteer, Geoparser};
use std::io::Read;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut text = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        std::io::stdin().read_to_string(&mut text)?;
    }
    let gaz = Gazetteer::embedded()?;
    let parser = Geoparser::new(&gaz);
    for (span, cands) in parser.explain(&text) {
        println!("{span}");
        for c in cands {
            println!("    {:7.1}  {} ({}, {})", c.score, c.name, c.country, c.feature);
        }
    }
    let kept: Vec<String> = parser.parse(&text).into_iter().map(|m| m.text).collect();
    println!("kept: {}", kept.join(" | "));
    Ok(())
}
