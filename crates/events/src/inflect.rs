//! English inflection of lexicon lemmas, so that the pattern lexicon lists "strike" once and
//! still matches "strikes", "struck" and "striking" (and nouns their plurals).
//!
//! Regular rules cover most verbs; an irregular table covers the rest, including the verbs whose
//! final consonant doubles although they have two syllables ("commit", "expel").

/// A verb form, as far as role assignment cares: a participle after "was" signals the passive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Base or present ("strike", "strikes").
    Present,
    /// Simple past or past participle ("struck", "shelled").
    Past,
    /// Present participle or gerund ("striking").
    Gerund,
}

/// Irregular verbs: lemma, past, past participle.
const IRREGULAR: &[(&str, &str, &str)] = &[
    ("arise", "arose", "arisen"),
    ("be", "was", "been"),
    ("bear", "bore", "borne"),
    ("beat", "beat", "beaten"),
    ("begin", "began", "begun"),
    ("bind", "bound", "bound"),
    ("blow", "blew", "blown"),
    ("break", "broke", "broken"),
    ("bring", "brought", "brought"),
    ("build", "built", "built"),
    ("burn", "burned", "burnt"),
    ("buy", "bought", "bought"),
    ("catch", "caught", "caught"),
    ("choose", "chose", "chosen"),
    ("come", "came", "come"),
    ("cut", "cut", "cut"),
    ("deal", "dealt", "dealt"),
    ("do", "did", "done"),
    ("draw", "drew", "drawn"),
    ("drive", "drove", "driven"),
    ("fall", "fell", "fallen"),
    ("feel", "felt", "felt"),
    ("fight", "fought", "fought"),
    ("find", "found", "found"),
    ("flee", "fled", "fled"),
    ("fly", "flew", "flown"),
    ("forbid", "forbade", "forbidden"),
    ("forgive", "forgave", "forgiven"),
    ("freeze", "froze", "frozen"),
    ("get", "got", "gotten"),
    ("give", "gave", "given"),
    ("go", "went", "gone"),
    ("hang", "hanged", "hung"),
    ("have", "had", "had"),
    ("hear", "heard", "heard"),
    ("hide", "hid", "hidden"),
    ("hit", "hit", "hit"),
    ("hold", "held", "held"),
    ("hurt", "hurt", "hurt"),
    ("keep", "kept", "kept"),
    ("know", "knew", "known"),
    ("lay", "laid", "laid"),
    ("lead", "led", "led"),
    ("leave", "left", "left"),
    ("let", "let", "let"),
    ("lose", "lost", "lost"),
    ("make", "made", "made"),
    ("meet", "met", "met"),
    ("overrun", "overran", "overrun"),
    ("overtake", "overtook", "overtaken"),
    ("overthrow", "overthrew", "overthrown"),
    ("pay", "paid", "paid"),
    ("put", "put", "put"),
    ("quit", "quit", "quit"),
    ("retake", "retook", "retaken"),
    ("rid", "rid", "rid"),
    ("rise", "rose", "risen"),
    ("run", "ran", "run"),
    ("say", "said", "said"),
    ("see", "saw", "seen"),
    ("seek", "sought", "sought"),
    ("sell", "sold", "sold"),
    ("send", "sent", "sent"),
    ("set", "set", "set"),
    ("shake", "shook", "shaken"),
    ("shoot", "shot", "shot"),
    ("shut", "shut", "shut"),
    ("sink", "sank", "sunk"),
    ("slay", "slew", "slain"),
    ("speak", "spoke", "spoken"),
    ("spend", "spent", "spent"),
    ("spread", "spread", "spread"),
    ("stand", "stood", "stood"),
    ("steal", "stole", "stolen"),
    ("strike", "struck", "struck"),
    ("swear", "swore", "sworn"),
    ("sweep", "swept", "swept"),
    ("take", "took", "taken"),
    ("teach", "taught", "taught"),
    ("tear", "tore", "torn"),
    ("tell", "told", "told"),
    ("think", "thought", "thought"),
    ("throw", "threw", "thrown"),
    ("undertake", "undertook", "undertaken"),
    ("uphold", "upheld", "upheld"),
    ("upset", "upset", "upset"),
    ("wage", "waged", "waged"),
    ("win", "won", "won"),
    ("withdraw", "withdrew", "withdrawn"),
    ("withhold", "withheld", "withheld"),
    ("write", "wrote", "written"),
];

/// Whether `word` is an irregular verb whose past participle is its base form ("hit", "put",
/// "set"): after "was" or "were" it is a participle though it reads as a present.
pub fn participle_is_base(word: &str) -> bool {
    IRREGULAR.iter().any(|(l, _, part)| *l == word && *part == word)
}

/// Whether `word` is the simple past of an irregular verb ("put", "sent", "took"), for telling
/// where a coordinated clause begins.
pub fn is_irregular_past(word: &str) -> bool {
    word != "was" && IRREGULAR.iter().any(|(_, past, _)| *past == word)
}

/// Verbs of two or more syllables whose final consonant doubles ("committed").
const DOUBLING: &[&str] = &[
    "abet", "admit", "commit", "compel", "confer", "control", "deter", "embed", "equip", "expel",
    "extol", "kidnap", "occur", "omit", "patrol", "permit", "propel", "rebel", "refer", "regret",
    "repel", "submit", "transfer", "worship", "acquit", "outstrip", "remit", "unplug",
];

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Whether the final consonant doubles before -ed/-ing: one-syllable consonant-vowel-consonant
/// verbs ("ban", "stab") and the listed longer ones.
fn doubles(lemma: &str) -> bool {
    if DOUBLING.contains(&lemma) {
        return true;
    }
    let b = lemma.as_bytes();
    let n = b.len();
    if n < 3 || !lemma.is_ascii() {
        return false;
    }
    let (c1, v, c2) = (b[n - 3], b[n - 2], b[n - 1]);
    let vowels = b.iter().filter(|c| is_vowel(**c)).count();
    vowels == 1
        && !is_vowel(c1)
        && is_vowel(v)
        && !is_vowel(c2)
        && !matches!(c2, b'w' | b'x' | b'y')
}

/// Every form of a verb lemma with its [`Form`]. Multi-word lemmas are not handled here: the
/// caller inflects the first word of a phrase.
pub fn verb_forms(lemma: &str) -> Vec<(String, Form)> {
    let mut out: Vec<(String, Form)> = vec![(lemma.to_string(), Form::Present)];
    let push = |out: &mut Vec<(String, Form)>, s: String, f: Form| {
        if !out.iter().any(|(x, _)| *x == s) {
            out.push((s, f));
        }
    };
    // ("have" is the one verb the lexicon uses whose third person is irregular.)
    let third = if lemma == "have" {
        "has".to_string()
    } else if lemma.ends_with('s')
        || lemma.ends_with('x')
        || lemma.ends_with('z')
        || lemma.ends_with("ch")
        || lemma.ends_with("sh")
        || (lemma.ends_with('o') && !lemma.ends_with("oo"))
    {
        format!("{lemma}es")
    } else if let Some(stem) = consonant_y(lemma) {
        format!("{stem}ies")
    } else {
        format!("{lemma}s")
    };
    push(&mut out, third, Form::Present);
    let ing = if let Some(stem) = lemma.strip_suffix("ie") {
        format!("{stem}ying")
    } else if lemma.ends_with('e')
        && !lemma.ends_with("ee")
        && !lemma.ends_with("ye")
        && !lemma.ends_with("oe")
        && lemma.len() > 2
    {
        format!("{}ing", &lemma[..lemma.len() - 1])
    } else if doubles(lemma) {
        format!("{lemma}{}ing", &lemma[lemma.len() - 1..])
    } else {
        format!("{lemma}ing")
    };
    push(&mut out, ing, Form::Gerund);
    if let Some((_, past, part)) = IRREGULAR.iter().find(|(l, _, _)| *l == lemma) {
        push(&mut out, past.to_string(), Form::Past);
        push(&mut out, part.to_string(), Form::Past);
        if lemma == "be" {
            for f in ["is", "are", "am", "were", "being"] {
                push(&mut out, f.to_string(), Form::Present);
            }
        }
        return out;
    }
    let ed = if lemma.ends_with('e') {
        format!("{lemma}d")
    } else if let Some(stem) = consonant_y(lemma) {
        format!("{stem}ied")
    } else if doubles(lemma) {
        format!("{lemma}{}ed", &lemma[lemma.len() - 1..])
    } else {
        format!("{lemma}ed")
    };
    push(&mut out, ed, Form::Past);
    out
}

/// The stem of a lemma ending in consonant + "y" ("deny" → "den"), if it does.
fn consonant_y(lemma: &str) -> Option<&str> {
    let b = lemma.as_bytes();
    let n = b.len();
    (n >= 2 && b[n - 1] == b'y' && !is_vowel(b[n - 2])).then(|| &lemma[..n - 1])
}

/// A noun and its plural.
pub fn noun_forms(lemma: &str) -> Vec<String> {
    let plural = if let Some(stem) = consonant_y(lemma) {
        format!("{stem}ies")
    } else if lemma.ends_with('s')
        || lemma.ends_with('x')
        || lemma.ends_with("ch")
        || lemma.ends_with("sh")
    {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    };
    vec![lemma.to_string(), plural]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(l: &str) -> Vec<String> {
        verb_forms(l).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn regular_verbs() {
        assert_eq!(forms("urge"), vec!["urge", "urges", "urging", "urged"]);
        assert_eq!(forms("deny"), vec!["deny", "denies", "denying", "denied"]);
        assert_eq!(forms("ban"), vec!["ban", "bans", "banning", "banned"]);
        assert_eq!(forms("visit"), vec!["visit", "visits", "visiting", "visited"]);
        assert_eq!(forms("commit"), vec!["commit", "commits", "committing", "committed"]);
        assert_eq!(forms("attack"), vec!["attack", "attacks", "attacking", "attacked"]);
        assert_eq!(forms("flee"), vec!["flee", "flees", "fleeing", "fled"]);
        assert_eq!(forms("have"), vec!["have", "has", "having", "had"]);
        assert_eq!(forms("push"), vec!["push", "pushes", "pushing", "pushed"]);
    }

    #[test]
    fn irregular_verbs_and_forms() {
        assert_eq!(forms("strike"), vec!["strike", "strikes", "striking", "struck"]);
        assert!(forms("withdraw").contains(&"withdrawn".to_string()));
        assert!(verb_forms("shoot").contains(&("shot".to_string(), Form::Past)));
        assert!(verb_forms("shell").contains(&("shelled".to_string(), Form::Past)));
    }

    #[test]
    fn nouns() {
        assert_eq!(noun_forms("strike"), vec!["strike", "strikes"]);
        assert_eq!(noun_forms("militia"), vec!["militia", "militias"]);
        assert_eq!(noun_forms("casualty"), vec!["casualty", "casualties"]);
        assert_eq!(noun_forms("clash"), vec!["clash", "clashes"]);
    }
}
