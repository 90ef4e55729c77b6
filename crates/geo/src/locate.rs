//! Choosing the place where an event happened from the place mentions around its trigger.
//!
//! News states the event location with a locative phrase ("in Daraa", "near the border with
//! Jordan", "5 km west of Sweida"); failing that, the sentence, then the paragraph, then the
//! place the article is mostly about are progressively weaker guesses.

use crate::{Feature, PlaceMention};
use std::collections::HashMap;
use std::ops::Range;

/// How [`event_place`] chose its answer, strongest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceBasis {
    /// A place governed by a locative phrase in the trigger's sentence.
    Locative,
    /// Another place named in the same sentence.
    Sentence,
    /// A place named in the same paragraph.
    Paragraph,
    /// The document's most salient place.
    DocumentFocus,
}

impl PlaceBasis {
    /// Lower-case name for evidence records.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceBasis::Locative => "locative",
            PlaceBasis::Sentence => "sentence",
            PlaceBasis::Paragraph => "paragraph",
            PlaceBasis::DocumentFocus => "document_focus",
        }
    }
}

/// Words between a locative cue and the place that do not break the phrase
/// ("in the southern city of Daraa", "on the outskirts of Damascus").
const FILLER: &[&str] = &[
    "the",
    "a",
    "an",
    "city",
    "town",
    "village",
    "province",
    "region",
    "district",
    "governorate",
    "state",
    "capital",
    "area",
    "areas",
    "of",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "north",
    "south",
    "east",
    "west",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "outskirts",
    "suburbs",
    "countryside",
    "border",
    "borders",
    "with",
    "countryside",
    "rural",
    "besieged",
    "coastal",
    "port",
    "southern-",
    "kilometers",
    "kilometres",
    "km",
    "miles",
    "mi",
    "some",
    "about",
    "around",
    "nearby",
    "neighbouring",
    "neighboring",
    "restive",
    "rebel-held",
    "government-held",
    "occupied",
    "its",
    "their",
    "his",
    "her",
    "disputed",
    "embattled",
    "war-torn",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];

const CUES: &[&str] = &[
    "in",
    "near",
    "at",
    "outside",
    "inside",
    "across",
    "around",
    "throughout",
    "within",
    "on",
    "into",
    "towards",
    "toward",
    "of",
    "from",
    "over",
    "off",
    "along",
    "beyond",
    "to",
];

/// Words that, followed by "of", locate by themselves ("west of Daraa", "outskirts of Damascus").
const RELATIVE: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "outskirts",
    "suburbs",
    "suburb",
    "vicinity",
    "heart",
    "centre",
    "center",
    "countryside",
    "edge",
    "outside",
    "east-northeast",
    "west-northwest",
];

/// True when the words before the mention (inside the sentence) form a locative phrase.
fn locative(text: &str, sentence_start: usize, m: &PlaceMention) -> bool {
    let before = text.get(sentence_start..m.start.max(sentence_start)).unwrap_or("");
    let words: Vec<String> = before
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .take(8)
        .map(str::to_lowercase)
        .collect();
    for (i, w) in words.iter().enumerate() {
        if w == "of" {
            if words.get(i + 1).is_some_and(|p| RELATIVE.contains(&p.as_str())) {
                return true;
            }
            continue;
        }
        if CUES.contains(&w.as_str()) {
            return true;
        }
        if !(FILLER.contains(&w.as_str()) || w.chars().all(|c| c.is_ascii_digit() || c == '.')) {
            return false;
        }
    }
    false
}

fn distance(m: &PlaceMention, trigger: &Range<usize>) -> usize {
    if m.end <= trigger.start {
        trigger.start - m.end
    } else {
        m.start.saturating_sub(trigger.end)
    }
}

fn paragraph(text: &str, sentence: &Range<usize>) -> Range<usize> {
    let start =
        text.get(..sentence.start.min(text.len())).and_then(last_blank_line).map_or(0, |i| i + 2);
    let end = text
        .get(sentence.end.min(text.len())..)
        .and_then(first_blank_line)
        .map_or(text.len(), |i| sentence.end.min(text.len()) + i);
    start..end
}

/// `t.find("\n\n")` by searching single newlines, which the standard library does with
/// `memchr`: a story without blank lines is otherwise searched byte by byte for every event.
fn first_blank_line(t: &str) -> Option<usize> {
    let b = t.as_bytes();
    let mut from = 0;
    while let Some(i) = t.get(from..).and_then(|r| r.find('\n')).map(|i| from + i) {
        if b.get(i + 1) == Some(&b'\n') {
            return Some(i);
        }
        from = i + 1;
    }
    None
}

/// `t.rfind("\n\n")`, as `first_blank_line`.
fn last_blank_line(t: &str) -> Option<usize> {
    let b = t.as_bytes();
    let mut end = t.len();
    while let Some(i) = t.get(..end).and_then(|r| r.rfind('\n')) {
        if i > 0 && b.get(i - 1) == Some(&b'\n') {
            return Some(i - 1);
        }
        end = i;
    }
    None
}

/// Specific places describe where an event happened better than their country.
fn specificity(m: &PlaceMention) -> u8 {
    match (m.is_adjectival, m.place.feature) {
        (true, _) => 0,
        (_, Feature::City) | (_, Feature::Admin2) => 3,
        (_, Feature::Admin1) | (_, Feature::Region) | (_, Feature::Other) => 2,
        (_, Feature::Country) => 1,
    }
}

/// The place an event happened: a locative-governed place in the trigger's sentence nearest the
/// trigger, else the most specific place in the sentence, else in the paragraph, else the
/// document's focus (the country most mentioned, through its first mention).
pub fn event_place<'m>(
    text: &str,
    mentions: &'m [PlaceMention],
    sentence: Range<usize>,
    trigger: Range<usize>,
) -> Option<(&'m PlaceMention, PlaceBasis)> {
    let in_range = |m: &&PlaceMention, r: &Range<usize>| m.start >= r.start && m.end <= r.end;
    let in_sentence: Vec<&PlaceMention> =
        mentions.iter().filter(|m| in_range(m, &sentence)).collect();
    if let Some(m) = in_sentence
        .iter()
        .filter(|m| !m.is_adjectival && locative(text, sentence.start, m))
        .min_by_key(|m| (distance(m, &trigger), m.start))
    {
        return Some((m, PlaceBasis::Locative));
    }
    let best = |ms: &[&'m PlaceMention]| -> Option<&'m PlaceMention> {
        ms.iter().copied().max_by_key(|m| {
            (specificity(m), std::cmp::Reverse(distance(m, &trigger)), std::cmp::Reverse(m.start))
        })
    };
    if let Some(m) = best(&in_sentence) {
        return Some((m, PlaceBasis::Sentence));
    }
    let para = paragraph(text, &sentence);
    let in_para: Vec<&PlaceMention> = mentions.iter().filter(|m| in_range(m, &para)).collect();
    if let Some(m) = best(&in_para) {
        return Some((m, PlaceBasis::Paragraph));
    }
    let mut count: HashMap<&str, usize> = HashMap::new();
    for m in mentions {
        *count.entry(m.place.country.as_str()).or_default() += 1;
    }
    let top = count
        .iter()
        .filter(|(c, _)| !c.is_empty())
        .max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c)))?
        .0;
    mentions
        .iter()
        .filter(|m| m.place.country == *top)
        .max_by_key(|m| (!m.is_adjectival, std::cmp::Reverse(m.start)))
        .map(|m| (m, PlaceBasis::DocumentFocus))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Place;

    fn m(text: &str, word: &str, feature: Feature, country: &str) -> PlaceMention {
        let start = text.find(word).unwrap_or(0);
        PlaceMention {
            start,
            end: start + word.len(),
            text: word.to_string(),
            place: Place {
                name: word.to_string(),
                country: country.to_string(),
                admin1: None,
                lat: 0.0,
                lon: 0.0,
                geonames_id: None,
                feature,
                population: 0,
            },
            is_adjectival: false,
        }
    }

    #[test]
    fn blank_line_searches_agree_with_the_substring_searches() {
        for t in ["", "a", "\n", "\n\n", "a\n\n\nb", "a\nb\n\nc\n", "\n\na\n\n", "é\n\nü\nx"] {
            assert_eq!(first_blank_line(t), t.find("\n\n"), "{t:?}");
            assert_eq!(last_blank_line(t), t.rfind("\n\n"), "{t:?}");
        }
    }

    #[test]
    fn prefers_locative_phrase() {
        let t = "Syria said strikes hit a village 5 kilometers west of Daraa.";
        let ms = vec![m(t, "Syria", Feature::Country, "SYR"), m(t, "Daraa", Feature::City, "SYR")];
        let trig = t.find("strikes").unwrap_or(0);
        let r = event_place(t, &ms, 0..t.len(), trig..trig + 7);
        assert_eq!(r.map(|(m, b)| (m.text.as_str(), b)), Some(("Daraa", PlaceBasis::Locative)));
    }

    #[test]
    fn falls_back_to_paragraph_then_focus() {
        let t = "Clashes in Sweida.\n\nThe talks failed. Later, more talks.";
        let ms = vec![m(t, "Sweida", Feature::City, "SYR")];
        let s = t.find("Later").unwrap_or(0);
        let r = event_place(t, &ms, s..t.len(), s..s + 5);
        assert_eq!(r.map(|(_, b)| b), Some(PlaceBasis::DocumentFocus));
        let r = event_place(t, &ms, 0..18, 0..7);
        assert_eq!(r.map(|(_, b)| b), Some(PlaceBasis::Locative));
        assert!(event_place(t, &[], 0..3, 0..1).is_none());
    }
}
