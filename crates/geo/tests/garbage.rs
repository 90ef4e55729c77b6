//! The parser must never panic, whatever bytes it is given: random Unicode, lone punctuation,
//! huge tokens, and every prefix of a text with multi-byte characters.

use lapwing_geo::{event_place, Gazetteer, Geoparser};

/// Small deterministic generator so the test needs no dependency and is reproducible.
fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn garbage_never_panics() {
    let gaz = match Gazetteer::embedded() {
        Ok(g) => g,
        Err(e) => panic!("embedded gazetteer: {e}"),
    };
    let p = Geoparser::new(&gaz);
    let alphabet: Vec<char> =
        "aZ .,'’-–\n\t\"U.S.İıßéدمشق北京\u{0}\u{301}\u{200B}Syria Damascus, Texas of the 5 km west"
            .chars()
            .collect();
    let mut s = 0x9E37_79B9_7F4A_7C15u64;
    for _ in 0..2000 {
        let len = (xorshift(&mut s) % 80) as usize;
        let text: String = (0..len)
            .map(|_| alphabet[(xorshift(&mut s) % alphabet.len() as u64) as usize])
            .collect();
        let ms = p.parse(&text);
        for m in &ms {
            assert!(
                text.is_char_boundary(m.start) && text.is_char_boundary(m.end) && m.start < m.end
            );
        }
        let n = text.len();
        let _ = event_place(&text, &ms, 0..n, n / 2..n);
        let _ = event_place(&text, &ms, n..0, n + 5..n + 9);
    }
    let long = "A".repeat(100_000) + " Damascus";
    assert_eq!(p.parse(&long).len(), 1);
    let t = "Clashes in As-Suwayda, Syria’s south. U.S. strikes near Dar‘ā.";
    for (i, _) in t.char_indices() {
        let _ = p.parse(&t[..i]);
        let _ = p.parse(&t[i..]);
    }
}
