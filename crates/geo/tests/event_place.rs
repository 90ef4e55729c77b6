//! `event_place` on real parser output: the locative phrase near the trigger wins over other
//! places of the sentence, and the fallbacks (sentence, paragraph, document focus) apply in order.

use lapwing_geo::{event_place, Gazetteer, Geoparser, PlaceBasis};

fn check(
    p: &Geoparser<'_>,
    text: &str,
    sentence: &str,
    trigger: &str,
    want: Option<(&str, PlaceBasis)>,
) -> Result<(), String> {
    let ms = p.parse(text);
    let s = text.find(sentence).ok_or("sentence not in text")?;
    let t = s + sentence.find(trigger).ok_or("trigger not in sentence")?;
    let got = event_place(text, &ms, s..s + sentence.len(), t..t + trigger.len());
    let got = got.map(|(m, b)| (m.text.as_str(), b));
    if got == want {
        Ok(())
    } else {
        Err(format!("{text:?} / {trigger:?}: want {want:?}, got {got:?}"))
    }
}

/// Text, sentence, trigger, expected mention text and basis.
type Case<'a> = (&'a str, &'a str, &'a str, Option<(&'a str, PlaceBasis)>);

#[test]
fn event_places() {
    use PlaceBasis::*;
    let cases: &[Case<'_>] = &[
        (
            "Israeli jets carried out strikes on weapons depots in Damascus, Syria's state media said.",
            "Israeli jets carried out strikes on weapons depots in Damascus, Syria's state media said.",
            "strikes",
            Some(("Damascus", Locative)),
        ),
        (
            "The convoy was ambushed 15 kilometers west of Sweida on Sunday.",
            "The convoy was ambushed 15 kilometers west of Sweida on Sunday.",
            "ambushed",
            Some(("Sweida", Locative)),
        ),
        (
            "Russia said it hit military targets on the outskirts of Kharkiv.",
            "Russia said it hit military targets on the outskirts of Kharkiv.",
            "hit",
            Some(("Kharkiv", Locative)),
        ),
        ("Syrian troops clashed with Druze fighters.", "Syrian troops clashed with Druze fighters.", "clashed", Some(("Syrian", Sentence))),
        (
            "Fighting erupted in Daraa on Sunday. Dozens were killed.",
            "Dozens were killed.",
            "killed",
            Some(("Daraa", Paragraph)),
        ),
        (
            "Turkey and Syria held talks in Ankara.\n\nA ceasefire was agreed.\n\nTurkey welcomed it.",
            "A ceasefire was agreed.",
            "agreed",
            Some(("Turkey", DocumentFocus)),
        ),
        ("Nothing is named here.", "Nothing is named here.", "named", None),
    ];
    let gaz = match Gazetteer::embedded() {
        Ok(g) => g,
        Err(e) => panic!("embedded gazetteer: {e}"),
    };
    let p = Geoparser::new(&gaz);
    let failures: Vec<String> =
        cases.iter().filter_map(|(t, s, tr, w)| check(&p, t, s, tr, *w).err()).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
