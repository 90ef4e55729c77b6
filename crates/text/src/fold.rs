//! Character folding for matching: lower case, ASCII quotes and dashes, Latin letters without
//! diacritics. Lexicon phrases and text tokens are folded the same way, so "Türkiye" in a
//! lexicon matches "Turkiye" in a wire report and the other way round.

/// Appends the folded form of `c` to `out`.
pub fn fold_char(c: char, out: &mut String) {
    match c {
        'A'..='Z' => out.push(c.to_ascii_lowercase()),
        'a'..='z' | '0'..='9' => out.push(c),
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' | '\u{02BC}' => {
            out.push('\'')
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => out.push('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
        '\u{00C0}'..='\u{00C5}' | '\u{00E0}'..='\u{00E5}' | '\u{0100}'..='\u{0105}' => {
            out.push('a')
        }
        '\u{00C7}' | '\u{00E7}' | '\u{0106}'..='\u{010D}' => out.push('c'),
        '\u{010E}'..='\u{0111}' => out.push('d'),
        '\u{00C8}'..='\u{00CB}' | '\u{00E8}'..='\u{00EB}' | '\u{0112}'..='\u{011B}' => {
            out.push('e')
        }
        '\u{011C}'..='\u{0123}' => out.push('g'),
        '\u{0124}'..='\u{0127}' => out.push('h'),
        '\u{00CC}'..='\u{00CF}' | '\u{00EC}'..='\u{00EF}' | '\u{0128}'..='\u{0131}' => {
            out.push('i')
        }
        '\u{0134}' | '\u{0135}' => out.push('j'),
        '\u{0136}' | '\u{0137}' => out.push('k'),
        '\u{0139}'..='\u{0142}' => out.push('l'),
        '\u{00D1}' | '\u{00F1}' | '\u{0143}'..='\u{0148}' => out.push('n'),
        '\u{00D2}'..='\u{00D6}' | '\u{00D8}' | '\u{00F2}'..='\u{00F6}' | '\u{00F8}' => {
            out.push('o')
        }
        '\u{014C}'..='\u{0151}' => out.push('o'),
        '\u{0154}'..='\u{0159}' => out.push('r'),
        '\u{015A}'..='\u{0161}' => out.push('s'),
        '\u{0162}'..='\u{0167}' => out.push('t'),
        '\u{00D9}'..='\u{00DC}' | '\u{00F9}'..='\u{00FC}' | '\u{0168}'..='\u{0173}' => {
            out.push('u')
        }
        '\u{0174}' | '\u{0175}' => out.push('w'),
        '\u{00DD}' | '\u{00FD}' | '\u{00FF}' | '\u{0176}' | '\u{0177}' | '\u{0178}' => {
            out.push('y')
        }
        '\u{0179}'..='\u{017E}' => out.push('z'),
        '\u{00DF}' => out.push_str("ss"),
        '\u{00C6}' | '\u{00E6}' => out.push_str("ae"),
        '\u{0152}' | '\u{0153}' => out.push_str("oe"),
        // Transliteration marks for ayin and hamza ("Dar‘ā", "Suwaydāʾ") carry no letter.
        '\u{02BF}' | '\u{02BE}' | '\u{02BB}' => {}
        '\u{1E0D}' | '\u{1E0C}' => out.push('d'),
        '\u{1E25}' | '\u{1E24}' => out.push('h'),
        '\u{1E63}' | '\u{1E62}' => out.push('s'),
        '\u{1E6D}' | '\u{1E6C}' => out.push('t'),
        '\u{1E93}' | '\u{1E92}' => out.push('z'),
        _ => {
            for l in c.to_lowercase() {
                out.push(l);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(s: &str) -> String {
        let mut out = String::new();
        s.chars().for_each(|c| fold_char(c, &mut out));
        out
    }

    #[test]
    fn folds_quotes_dashes_and_diacritics() {
        assert_eq!(fold("Türkiye’s Côte d’Ivoire – Dar‘ā"), "turkiye's cote d'ivoire - dar'a");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("السويداء"), "السويداء");
    }
}
