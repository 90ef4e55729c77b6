//! Lexicon files: the shared machinery for reading lapwing's human-editable TSV lexicons.
//!
//! A lexicon is a set of [`Source`]s (a file name and its contents; the caller does the I/O).
//! Each is read into [`Row`]s whose fields remember their line and column, so that a stage
//! compiling entries can report a bad one as `file:line:column: message`. Reading never stops
//! at the first problem: it returns what it could read plus every [`Diagnostic`], so that
//! `lapwing lexicon check` can print them all and a run can go on with the good entries.
//!
//! Format: one entry per line, fields separated by tabs; blank lines and lines starting with
//! `#` are ignored. A field may be empty. The first non-comment line of a file may be a header
//! starting with `@columns` naming the columns, which is checked against what the reader
//! expects. Overlays (a user's `--lexicon DIR`) may disable a built-in entry with a line
//! `@disable<TAB>KEY`.
//!
//! ```
//! use lapwing_lexicon::{read_rows, Source};
//! let src = Source::new("actors/demo.tsv", "# demo\nSyria\tSYR\tGOV\n\nbad line\n");
//! let (rows, diags) = read_rows(&src, 3);
//! assert_eq!(rows.len(), 1);
//! assert_eq!(rows[0].field(1).text, "SYR");
//! assert_eq!(diags[0].to_string(), "actors/demo.tsv:4:1: expected 3 fields, found 1");
//! ```
#![deny(missing_docs)]

use std::fmt;

/// One lexicon file: where it came from and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// A name to cite in diagnostics and evidence (a path relative to the lexicon root, or
    /// `builtin:actors/countries.tsv` for embedded files).
    pub name: String,
    /// The file's contents.
    pub text: String,
}

impl Source {
    /// A source from a name and its text.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Source {
        Source { name: name.into(), text: text.into() }
    }
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The entry was skipped.
    Error,
    /// The entry was used, but something about it is doubtful.
    Warning,
}

/// A problem found in a lexicon file, with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The source's name.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong, lower case, no full stop.
    pub message: String,
    /// How serious it is.
    pub severity: Severity,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let prefix = match self.severity {
            Severity::Error => "",
            Severity::Warning => "warning: ",
        };
        write!(f, "{}:{}:{}: {}{}", self.file, self.line, self.column, prefix, self.message)
    }
}

/// One field of a row, with its position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field<'a> {
    /// The field's text, trimmed of surrounding spaces.
    pub text: &'a str,
    /// 1-based column of the field's first character.
    pub column: usize,
}

/// One entry line of a lexicon file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<'a> {
    /// The source's name.
    pub file: &'a str,
    /// 1-based line number.
    pub line: usize,
    /// The fields, at least as many as the reader asked for (missing trailing ones are empty).
    pub fields: Vec<Field<'a>>,
}

impl<'a> Row<'a> {
    /// Field `i`, or an empty field when the line has fewer.
    pub fn field(&self, i: usize) -> Field<'a> {
        self.fields.get(i).copied().unwrap_or(Field { text: "", column: 1 })
    }

    /// A diagnostic about field `i` of this row.
    pub fn error(&self, i: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: self.file.to_string(),
            line: self.line,
            column: self.field(i).column,
            message: message.into(),
            severity: Severity::Error,
        }
    }

    /// A warning about field `i` of this row.
    pub fn warning(&self, i: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, ..self.error(i, message) }
    }

    /// `file:line`, for evidence.
    pub fn location(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }
}

/// Reads the entry rows of `source`. Rows need between `min_fields` fields and any number
/// more; a row with fewer is reported and skipped. `@columns` headers and `@disable` lines are
/// returned as rows whose first field starts with `@`, for the caller to interpret.
pub fn read_rows(source: &Source, min_fields: usize) -> (Vec<Row<'_>>, Vec<Diagnostic>) {
    let mut rows = Vec::new();
    let mut diags = Vec::new();
    for (idx, raw) in source.text.split('\n').enumerate() {
        let line_no = idx + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let mut fields = Vec::new();
        let mut col = 1usize;
        for part in line.split('\t') {
            let lead = part.len() - part.trim_start().len();
            let lead_chars = part[..lead].chars().count();
            fields.push(Field { text: part.trim(), column: col + lead_chars });
            col += part.chars().count() + 1;
        }
        let is_directive = fields.first().is_some_and(|f| f.text.starts_with('@'));
        if !is_directive && fields.len() < min_fields {
            diags.push(Diagnostic {
                file: source.name.clone(),
                line: line_no,
                column: 1,
                message: format!("expected {min_fields} fields, found {}", fields.len()),
                severity: Severity::Error,
            });
            continue;
        }
        rows.push(Row { file: &source.name, line: line_no, fields });
    }
    (rows, diags)
}

/// Splits a list field ("a|b|c") into its trimmed, non-empty items.
pub fn list(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty())
}

/// Whether a field means "yes" in a lexicon ("1", "yes", "true", "y").
pub fn truthy(field: &str) -> bool {
    matches!(field.to_ascii_lowercase().as_str(), "1" | "yes" | "true" | "y")
}

/// A small multiplicative hasher (the Fx hash of rustc) for the lexicons' lookup tables: every
/// token of every sentence is looked up, the keys are short words, and SipHash dominated
/// matching in profiles. Use it only for tables that are looked up, never iterated into
/// output, so that hashing cannot change what is coded.
#[derive(Default, Clone, Copy, Debug)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        // The tail (the whole of most words) is one more word rather than one per byte: two
        // overlapping halves for four to seven bytes, the first, middle and last byte for
        // fewer. Keys of the same tail may share it; the table compares keys anyway, and the
        // length mixed in keeps "ab" and "abb" apart.
        let tail = chunks.remainder();
        let n = tail.len();
        if n == 0 {
            return;
        }
        let word = if n >= 4 {
            let half = |at: usize| {
                let mut b = [0u8; 4];
                b.copy_from_slice(tail.get(at..at + 4).unwrap_or(&[0; 4]));
                u64::from(u32::from_le_bytes(b))
            };
            half(0) | (half(n - 4) << 32)
        } else {
            let at = |i: usize| u64::from(tail.get(i).copied().unwrap_or(0));
            at(0) | (at(n / 2) << 8) | (at(n - 1) << 16)
        };
        self.add(word ^ ((n as u64) << 59));
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` with [`FxHasher`], for lookup-only tables.
pub type FxMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_and_skip_padding() {
        let src = Source::new("f.tsv", "é\t  x\ty\r\n");
        let (rows, diags) = read_rows(&src, 2);
        assert!(diags.is_empty());
        assert_eq!(rows[0].field(1).text, "x");
        assert_eq!(rows[0].field(1).column, 5);
        assert_eq!(rows[0].field(2).column, 7);
        assert_eq!(rows[0].field(7).text, "");
        assert_eq!(rows[0].error(1, "bad code").to_string(), "f.tsv:1:5: bad code");
    }

    #[test]
    fn directives_pass_through_and_short_rows_are_reported() {
        let src = Source::new("f.tsv", "@disable\tfoo\nonly\n# c\n\na\tb\n");
        let (rows, diags) = read_rows(&src, 2);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].field(0).text, "@disable");
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].line, 2);
    }

    #[test]
    fn lists_and_flags() {
        assert_eq!(list(" a| b ||c").collect::<Vec<_>>(), vec!["a", "b", "c"]);
        assert!(truthy("Yes"));
        assert!(!truthy(""));
    }
}
