//! `lapwing-actors`: the actor lexicon and the actor coder.
//!
//! The lexicon (data/actors/*.tsv, embedded at build time, overlayable by a user's files) names
//! states, capitals and seats of power, international and non-governmental organisations, armed
//! groups, state organs, people with dated roles, generic agent nouns, titles, ethnic and
//! religious groups. It is compiled into one Aho-Corasick automaton over normalised token
//! sequences, so a sentence is scanned once whatever the lexicon's size.
//!
//! Coding a document has two passes. Within each sentence, lexicon atoms and the words around
//! them are composed into mentions ("Syrian" + "army" → SYR MIL; "US Ambassador to Turkey Tom
//! Barrack" → USA GOV; "Israeli strikes" → "Israeli" as ISR MIL). Over the document, the
//! dominant country supplies the country of bare nouns ("protesters", "the Druze"), and
//! pronouns, surnames and definite descriptions ("the army", "the country") are resolved to the
//! nearest compatible earlier mention.
//!
//! ```
//! use lapwing_actors::ActorCoder;
//! let (coder, diags) = ActorCoder::from_sources(&ActorCoder::builtin_sources());
//! assert!(diags.iter().all(|d| d.severity != lapwing_lexicon::Severity::Error), "{diags:?}");
//! let m = coder.explain("the Syrian army", Some("2025-07-17"));
//! assert_eq!(m[0].entity.code.unwrap().as_str(), "SYR");
//! assert_eq!(m[0].entity.sector.unwrap().as_str(), "MIL");
//! ```
#![deny(missing_docs)]

mod compose;
mod document;
mod lexicon;
mod matcher;

use lapwing_core::plover::ActorCode;
use lapwing_core::{Mention, Sentence};
use lapwing_lexicon::{Diagnostic, Source};

/// The embedded lexicon files, in load order.
const BUILTIN: &[(&str, &str)] = &[
    ("countries.tsv", include_str!("../../../data/actors/countries.tsv")),
    ("organisations.tsv", include_str!("../../../data/actors/organisations.tsv")),
    ("armed_groups.tsv", include_str!("../../../data/actors/armed_groups.tsv")),
    ("state_organs.tsv", include_str!("../../../data/actors/state_organs.tsv")),
    ("people.tsv", include_str!("../../../data/actors/people.tsv")),
    ("agents.tsv", include_str!("../../../data/actors/agents.tsv")),
    ("groups.tsv", include_str!("../../../data/actors/groups.tsv")),
];

/// The actor coder: a compiled actor lexicon.
pub struct ActorCoder {
    lex: lexicon::Lexicon,
}

impl ActorCoder {
    /// The embedded lexicon files (include_str! of data/actors/*.tsv), named
    /// "builtin:actors/<file>".
    pub fn builtin_sources() -> Vec<Source> {
        BUILTIN
            .iter()
            .map(|(name, text)| Source::new(format!("builtin:actors/{name}"), *text))
            .collect()
    }

    /// Compiles sources in order; later sources overlay earlier ones: a new key adds, the same
    /// key overrides, `@disable<TAB>KEY` removes. Every bad line is a Diagnostic
    /// (file:line:column), the rest still loads.
    pub fn from_sources(sources: &[Source]) -> (ActorCoder, Vec<Diagnostic>) {
        let (lex, diags) = lexicon::compile(sources);
        (ActorCoder { lex }, diags)
    }

    /// The built-in lexicon alone.
    pub fn builtin() -> (ActorCoder, Vec<Diagnostic>) {
        ActorCoder::from_sources(&ActorCoder::builtin_sources())
    }

    /// Number of compiled entries (after overlays).
    pub fn entry_count(&self) -> usize {
        self.lex.entries.len()
    }

    /// Mentions per sentence (outer Vec has sentences.len() items), in token order,
    /// non-overlapping. `dates[i]` is the YYYY-MM-DD date that applies to sentence i; it may be
    /// shorter than `sentences` or hold None: then the last known date applies, else every
    /// role counts as current.
    pub fn code_document(
        &self,
        text: &str,
        sentences: &[Sentence],
        dates: &[Option<String>],
    ) -> Vec<Vec<Mention>> {
        document::code_document(&self.lex, text, sentences, dates, &[])
    }

    /// As `code_document`, with places found by other means (a gazetteer: the towns a local
    /// story is told in, which the actor lexicon does not know), given as the byte offset
    /// where each starts and its state. They weigh in the story's country only when the
    /// lexicon's words hardly name a state. Also says whether that was so (then places, if
    /// none were given, may change the coding) and which state the words favour.
    pub fn code_document_placed(
        &self,
        text: &str,
        sentences: &[Sentence],
        dates: &[Option<String>],
        places: &[(usize, ActorCode)],
    ) -> (Vec<Vec<Mention>>, bool, Option<ActorCode>) {
        document::code_document_weak(&self.lex, text, sentences, dates, places)
    }

    /// How a phrase codes (for `lapwing lexicon explain "text" --date D`).
    pub fn explain(&self, phrase: &str, date: Option<&str>) -> Vec<Mention> {
        let sentences = lapwing_text::segment(phrase);
        let dates = vec![date.map(str::to_string)];
        self.code_document(phrase, &sentences, &dates).into_iter().flatten().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lapwing_lexicon::Severity;

    fn code(coder: &ActorCoder, text: &str, date: Option<&str>) -> Vec<String> {
        coder
            .explain(text, date)
            .iter()
            .map(|m| {
                format!(
                    "{}={}:{}",
                    m.entity.entity_text,
                    m.entity.code.map(|c| c.to_string()).unwrap_or_else(|| "null".into()),
                    m.entity.sector.map(|c| c.to_string()).unwrap_or_else(|| "-".into())
                )
            })
            .collect()
    }

    fn builtin() -> ActorCoder {
        let (coder, diags) = ActorCoder::builtin();
        let errors: Vec<String> =
            diags.iter().filter(|d| d.severity == Severity::Error).map(|d| d.to_string()).collect();
        assert!(errors.is_empty(), "{errors:?}");
        coder
    }

    #[test]
    fn a_region_word_is_cited_as_why_an_actor_has_no_state() {
        let coder = builtin();
        let ms = coder.explain("European leaders met Syrian officials.", None);
        let roles = |i: usize| -> Vec<(String, String)> {
            ms[i].entries.iter().map(|e| (e.role.clone(), e.text.clone())).collect()
        };
        assert_eq!(ms[0].entity.code, None);
        assert!(roles(0).contains(&("region".into(), "European".into())), "{:?}", roles(0));
        assert!(roles(1).iter().all(|(r, _)| r != "region"), "{:?}", roles(1));
    }

    #[test]
    fn overlays_add_override_and_disable() {
        let mut sources = ActorCoder::builtin_sources();
        let header = "@columns\tkey\tphrases\tkind\tcode\tsector\tname\tqid\tfrom\tto\tattrs\n";
        sources.push(Source::new(
            "user/actors.tsv",
            format!(
                "{header}zz.new\tBlue Lotus Front\tname\tMMR\tREB\tBlue Lotus Front\n\
                 hamas\tHamas\tname\tPSE\tGOV\tHamas\n\
                 @disable\tisis\n"
            ),
        ));
        let (coder, diags) = ActorCoder::from_sources(&sources);
        assert!(diags.iter().all(|d| d.severity != Severity::Error), "{diags:?}");
        assert_eq!(
            code(&coder, "The Blue Lotus Front attacked.", None),
            ["The Blue Lotus Front=MMR:REB"]
        );
        assert_eq!(code(&coder, "Hamas said so.", None), ["Hamas=PSE:GOV"]);
        assert!(code(&coder, "Daesh said so.", None).is_empty());
        // The built-in coder is untouched.
        let b = builtin();
        assert_eq!(code(&b, "Hamas said so.", None), ["Hamas=PSE:REB"]);
        assert_eq!(code(&b, "Daesh said so.", None), ["Daesh=IMG:REB"]);
    }

    #[test]
    fn disable_removes_every_role() {
        let mut sources = ActorCoder::builtin_sources();
        sources.push(Source::new("user/x.tsv", "@disable\ttaliban\n@disable\tno-such-key\n"));
        let (coder, diags) = ActorCoder::from_sources(&sources);
        assert!(code(&coder, "The Taliban said so.", Some("2024-01-01")).is_empty());
        assert!(code(&coder, "The Taliban said so.", Some("2010-01-01")).is_empty());
        let w: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        assert!(
            w.contains(&"user/x.tsv:2:10: warning: @disable: no entry \"no-such-key\"".to_string()),
            "{w:?}"
        );
    }

    #[test]
    fn bad_lines_are_reported_with_positions_and_the_rest_loads() {
        let text = "@columns\tkey\tphrases\tkind\tcode\tsector\tname\tqid\tfrom\tto\tattrs\n\
                    a\tAlpha Group\tname\tXXX\tREB\n\
                    b\tBeta Group\tname\tSYR\tWARLORD\n\
                    c\tGamma Group\tperson\tSYR\tGOV\tGamma\t\t2025-13-01\n\
                    d\tDelta Group\tname\tSYR\tREB\tDelta\t\t2025-01-01\t2024-01-01\n\
                    e\tEpsilon Group\tbanana\tSYR\tREB\n\
                    f\tZeta Group\tname\tSYR\tREB\tZeta\tWD40\n\
                    g\tEta Group\tname\tSYR\tREB\n";
        let (coder, diags) = ActorCoder::from_sources(&[Source::new("t.tsv", text)]);
        let shown: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            shown,
            [
                "t.tsv:2:20: unknown actor code \"XXX\"",
                "t.tsv:3:23: unknown sector \"WARLORD\"",
                "t.tsv:4:37: bad date \"2025-13-01\", expected YYYY-MM-DD",
                "t.tsv:5:46: role ends (2024-01-01) before it starts (2025-01-01)",
                "t.tsv:6:17: unknown kind \"banana\"",
                "t.tsv:7:32: bad Wikidata id \"WD40\"",
            ]
        );
        assert_eq!(coder.entry_count(), 1);
        assert_eq!(code(&coder, "The Eta Group struck.", None), ["The Eta Group=SYR:REB"]);
    }

    #[test]
    fn country_rows_are_checked() {
        let text = "@columns\tkey\tcode\tsector\tnames\tadjectives\tseats\tname\tqid\n\
                    zz\tZZZ\t\tZedland\n\
                    yy\t\t\tYland\n\
                    xx\tSYR\tGOVT\tXland\n";
        let (_, diags) = ActorCoder::from_sources(&[Source::new("c.tsv", text)]);
        let shown: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            shown,
            [
                "c.tsv:2:4: unknown actor code \"ZZZ\"",
                "c.tsv:3:4: a country row needs a code",
                "c.tsv:4:8: unknown sector \"GOVT\"",
            ]
        );
    }

    #[test]
    fn garbage_never_panics() {
        let coder = builtin();
        let inputs = [
            "",
            "\u{0}\u{FFFF}",
            "the the the the",
            "US US US U.S. the US's 's 's",
            "President President President",
            "he he they their the group the country",
            ", , , and and",
            "Syrian and and and Iraqi and , or",
            "Mr. Mr. Gen. Lt. Gen.",
            "al- al-al- Abu Abu bin bin",
            "DAMASCUS — —",
            "The Syrian army's the army's the 's",
            "\u{201C}\u{201D}\u{2019}s \u{2014} Israeli",
        ];
        for t in inputs {
            let _ = coder.explain(t, Some("2025-07-19"));
            let _ = coder.explain(t, Some("not a date"));
            let _ = coder.explain(t, None);
        }
        // Word soup from the vocabulary the composer reacts to, in a fixed pseudo-random order.
        let words = [
            "the",
            "Syrian",
            "army",
            "'s",
            "and",
            ",",
            "of",
            "in",
            "Damascus",
            "President",
            "Gen.",
            "Ali",
            "al-Hassan",
            "he",
            "they",
            "the group",
            "Hamas",
            "leader",
            "Druze",
            "fighters",
            "Russian-backed",
            "US-led",
            "Mr.",
            "former",
            "a",
            "spokesman",
            "for",
            "to",
            "Turkey",
            "\u{201C}",
            ".",
            "Rubio",
            "Kurdish",
            "Foreign",
            "Minister",
            "Abu",
            "bin",
            "UN",
            "IS",
            "dozens",
            "Israeli",
            "strikes",
            "European",
            "leaders",
            "its",
            "forces",
            "—",
            "KYIV",
        ];
        let mut seed: u64 = 42;
        for _ in 0..300 {
            let mut t = String::new();
            for _ in 0..(seed % 40) {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let w = words[(seed >> 33) as usize % words.len()];
                t.push_str(w);
                t.push(' ');
            }
            seed = seed.wrapping_add(7);
            let _ = coder.explain(&t, Some("2025-01-01"));
        }
        let long = "Syrian and Israeli and Iraqi and Turkish ".repeat(200) + "troops";
        let _ = coder.explain(&long, None);
        let sentences = lapwing_text::segment("Rubio spoke. He left.");
        // More dates than sentences, fewer, and junk ones.
        for dates in [vec![], vec![None, None, None, None], vec![Some("x".to_string())]] {
            let out = coder.code_document("Rubio spoke. He left.", &sentences, &dates);
            assert_eq!(out.len(), sentences.len());
        }
    }

    #[test]
    fn seed_article_actors() {
        let coder = builtin();
        let text = "US Secretary of State Marco Rubio on Saturday called on the Syrian government to prevent jihadists from carrying out massacres in the south of the country.\n\n\
            \u{201C}Furthermore the fighting between Druze and Bedouin groups inside the perimeter must also stop immediately,\u{201D} stated Rubio.\n\n\
            On Thursday, the Syrian army withdrew from Sweida after the IDF carried out strikes on the Syrian regime's central headquarters.\n\n\
            Al-Sharaa delivered a televised speech in which he accused Israel of attempting to undermine Syria\u{2019}s internal stability.";
        let sentences = lapwing_text::segment(text);
        let out = coder.code_document(text, &sentences, &[Some("2025-07-19".into())]);
        let all: Vec<&lapwing_core::Mention> = out.iter().flatten().collect();
        let find = |t: &str| all.iter().find(|m| m.entity.entity_text == t).copied();
        let rubio = find("US Secretary of State Marco Rubio").expect("Rubio");
        assert_eq!(rubio.entity.office.as_deref(), Some("Secretary of State"));
        assert_eq!(rubio.entity.identifier_text.as_deref(), Some("Marco Rubio"));
        let druze = find("Druze").expect("Druze");
        assert_eq!(druze.entity.code.map(|c| c.to_string()).as_deref(), Some("SYR"));
        assert_eq!(druze.entity.ethnicity.as_deref(), Some("Druze"));
        let bedouin = find("Bedouin groups").expect("Bedouin");
        assert_eq!(bedouin.entity.ethnicity.as_deref(), Some("Bedouin"));
        let later = find("Rubio").expect("Rubio again");
        assert_eq!(later.kind, lapwing_core::MentionKind::Pronoun);
        assert_eq!(later.antecedent, Some((0, 0)));
        let he = find("he").expect("he");
        assert_eq!(he.entity.identifier_text.as_deref(), Some("Ahmed al-Sharaa"));
        assert_eq!(he.entity.sector.map(|s| s.to_string()).as_deref(), Some("GOV"));
        let idf = find("the IDF").expect("IDF");
        assert_eq!(idf.entity.sector.map(|s| s.to_string()).as_deref(), Some("MIL"));
        // Spans point into the text and mentions do not overlap.
        for ms in &out {
            for w in ms.windows(2) {
                assert!(w[0].tokens.end <= w[1].tokens.start);
            }
            for m in ms {
                assert_eq!(m.span.slice(text), m.entity.entity_text);
            }
        }
    }

    #[test]
    fn roles_follow_the_date_and_the_last_known_date_carries_on() {
        let coder = builtin();
        assert_eq!(code(&coder, "Marco Rubio spoke.", Some("2020-05-01")), ["Marco Rubio=USA:LEG"]);
        assert_eq!(code(&coder, "Marco Rubio spoke.", Some("2025-05-01")), ["Marco Rubio=USA:GOV"]);
        assert_eq!(code(&coder, "Joe Biden spoke.", Some("2026-01-01")), ["Joe Biden=USA:ELI"]);
        // Without a date every role is current: the latest one.
        assert_eq!(code(&coder, "Donald Trump spoke.", None), ["Donald Trump=USA:GOV"]);
        let text = "Donald Trump spoke. Donald Trump spoke again.";
        let sentences = lapwing_text::segment(text);
        let out = coder.code_document(text, &sentences, &[Some("2022-01-01".into()), None]);
        let sectors: Vec<String> = out
            .iter()
            .flatten()
            .map(|m| m.entity.sector.map(|s| s.to_string()).unwrap_or_default())
            .collect();
        assert_eq!(sectors, ["ELI", "ELI"]);
    }
}
