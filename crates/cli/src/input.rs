//! Reading input documents: JSON Lines files, `.txt` files, directories and standard input,
//! as `spec/interfaces.md` defines them.
//!
//! Reading never stops at a bad record: each one becomes an [`InputError`] naming the file and
//! line, and the caller decides whether to go on (the default) or stop (`--strict`).

use lapwing_core::Document;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Documents larger than this are skipped with a message rather than coded.
pub const MAX_DOCUMENT_BYTES: usize = 64 * 1024 * 1024;

/// A record or file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The file (or `<stdin>`).
    pub file: String,
    /// 1-based line, 0 when the error is about the whole file.
    pub line: usize,
    /// What went wrong.
    pub message: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        }
    }
}

/// One input source, resolved from the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputPath {
    /// Standard input, as JSON Lines.
    Stdin,
    /// A JSON Lines file.
    Jsonl(PathBuf),
    /// A plain-text file: one document.
    Text(PathBuf),
}

/// Expands command-line inputs: directories become their `.jsonl` and `.txt` files,
/// recursively, in sorted order; no input at all means standard input.
pub fn expand(inputs: &[String]) -> Result<Vec<InputPath>, InputError> {
    if inputs.is_empty() {
        return Ok(vec![InputPath::Stdin]);
    }
    let mut out = Vec::new();
    for input in inputs {
        if input == "-" {
            out.push(InputPath::Stdin);
            continue;
        }
        let path = Path::new(input);
        let meta = std::fs::metadata(path).map_err(|e| InputError {
            file: input.clone(),
            line: 0,
            message: format!("cannot read: {e}"),
        })?;
        if meta.is_dir() {
            let mut files = Vec::new();
            walk(path, &mut files).map_err(|e| InputError {
                file: input.clone(),
                line: 0,
                message: format!("cannot list: {e}"),
            })?;
            files.sort_by(|a, b| a.path().cmp(&b.path()));
            out.extend(files);
        } else if has_extension(path, "txt") {
            out.push(InputPath::Text(path.to_path_buf()));
        } else {
            out.push(InputPath::Jsonl(path.to_path_buf()));
        }
    }
    Ok(out)
}

impl InputPath {
    fn path(&self) -> Option<&Path> {
        match self {
            InputPath::Stdin => None,
            InputPath::Jsonl(p) | InputPath::Text(p) => Some(p),
        }
    }
}

fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

fn walk(dir: &Path, out: &mut Vec<InputPath>) -> io::Result<()> {
    let mut entries: Vec<PathBuf> =
        std::fs::read_dir(dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out)?;
        } else if has_extension(&p, "jsonl") {
            out.push(InputPath::Jsonl(p));
        } else if has_extension(&p, "txt") {
            out.push(InputPath::Text(p));
        }
    }
    Ok(())
}

/// Reads documents from expanded inputs, one at a time, in input order.
pub struct DocumentReader {
    paths: std::vec::IntoIter<InputPath>,
    current: Option<(String, Box<dyn BufRead>)>,
    line: usize,
    default_published: Option<String>,
    /// Bytes read so far, for progress.
    pub bytes_read: u64,
    /// Problems that did not stop a record from being read, for the caller to report.
    pub warnings: Vec<InputError>,
}

impl DocumentReader {
    /// A reader over `paths`; `default_published` fills in documents that have no date.
    pub fn new(paths: Vec<InputPath>, default_published: Option<String>) -> DocumentReader {
        DocumentReader {
            paths: paths.into_iter(),
            current: None,
            line: 0,
            default_published,
            bytes_read: 0,
            warnings: Vec::new(),
        }
    }

    fn open_next(&mut self) -> Option<Result<Option<Document>, InputError>> {
        let path = self.paths.next()?;
        match path {
            InputPath::Stdin => {
                self.current = Some(("<stdin>".to_string(), Box::new(BufReader::new(io::stdin()))));
                self.line = 0;
                Some(Ok(None))
            }
            InputPath::Jsonl(p) => {
                let name = p.display().to_string();
                match File::open(&p) {
                    Ok(f) => {
                        self.current = Some((name, Box::new(BufReader::with_capacity(1 << 20, f))));
                        self.line = 0;
                        Some(Ok(None))
                    }
                    Err(e) => Some(Err(InputError {
                        file: name,
                        line: 0,
                        message: format!("cannot open: {e}"),
                    })),
                }
            }
            InputPath::Text(p) => {
                let name = p.display().to_string();
                Some(read_text_file(&p, &name, self.default_published.as_deref()).map(|d| {
                    self.bytes_read += d.text.len() as u64;
                    Some(d)
                }))
            }
        }
    }
}

impl Iterator for DocumentReader {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some((name, reader)) = self.current.as_mut() {
                let mut buf = Vec::new();
                match reader.read_until(b'\n', &mut buf) {
                    Ok(0) => {
                        self.current = None;
                        continue;
                    }
                    Ok(n) => {
                        self.line += 1;
                        self.bytes_read += n as u64;
                        if buf.iter().all(|b| b.is_ascii_whitespace()) {
                            continue;
                        }
                        let name = name.clone();
                        let default = self.default_published.as_deref();
                        let parsed =
                            parse_json_line(&buf, &name, self.line, default, &mut self.warnings);
                        return Some(parsed);
                    }
                    Err(e) => {
                        let err = InputError {
                            file: name.clone(),
                            line: self.line + 1,
                            message: format!("read error: {e}"),
                        };
                        self.current = None;
                        return Some(Err(err));
                    }
                }
            }
            match self.open_next()? {
                Ok(None) => continue,
                Ok(Some(doc)) => return Some(Ok(doc)),
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

fn read_text_file(
    path: &Path,
    name: &str,
    default_published: Option<&str>,
) -> Result<Document, InputError> {
    let err = |message: String| InputError { file: name.to_string(), line: 0, message };
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .map_err(|e| err(format!("cannot read: {e}")))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| err(format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to())))?;
    let id = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.to_string());
    let doc = Document {
        id,
        text,
        published: default_published.map(str::to_string),
        ..Default::default()
    };
    check_document(doc).map_err(err)
}

fn check_document(doc: Document) -> Result<Document, String> {
    if doc.text.trim().is_empty() {
        return Err(format!("document {:?} has an empty text", doc.id));
    }
    if doc.text.len() > MAX_DOCUMENT_BYTES {
        return Err(format!(
            "document {:?} is {} bytes, over the limit of {} bytes",
            doc.id,
            doc.text.len(),
            MAX_DOCUMENT_BYTES
        ));
    }
    Ok(doc)
}

/// Parses one JSON Lines record into a document.
pub fn parse_json_line(
    bytes: &[u8],
    file: &str,
    line: usize,
    default_published: Option<&str>,
    warnings: &mut Vec<InputError>,
) -> Result<Document, InputError> {
    let err = |message: String| InputError { file: file.to_string(), line, message };
    let s = std::str::from_utf8(bytes)
        .map_err(|e| err(format!("invalid UTF-8 at byte {}", e.valid_up_to())))?;
    let value: serde_json::Value =
        serde_json::from_str(s.trim()).map_err(|e| err(format!("not JSON: {e}")))?;
    let obj = value.as_object().ok_or_else(|| err("not a JSON object".to_string()))?;
    let id = match obj.get("id") {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(_) => return Err(err("\"id\" must be a non-empty string".to_string())),
        None => return Err(err("missing \"id\"".to_string())),
    };
    let text = match obj.get("text") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(_) => return Err(err(format!("document {id:?}: \"text\" must be a string"))),
        None => return Err(err(format!("document {id:?}: missing \"text\""))),
    };
    let opt = |key: &str| -> Result<Option<String>, InputError> {
        match obj.get(key) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(serde_json::Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(err(format!("document {id:?}: {key:?} must be a string"))),
        }
    };
    // News metadata is messy ("Dec 13, 2016", "7:58 AM ET", truncated fields): a date that can be
    // read in any common format is normalised, and one that cannot is reported while the
    // document is still coded, because dropping an article for its metadata loses its events.
    let published = match opt("published")? {
        Some(p) => match check_date(&p).ok().or_else(|| normalize_date(&p)) {
            Some(d) => Some(d),
            None => {
                warnings.push(err(format!(
                    "document {id:?}: unusable published date {p:?}; coded without one{}",
                    if default_published.is_some() { " (using --published)" } else { "" }
                )));
                default_published.map(str::to_string)
            }
        },
        None => default_published.map(str::to_string),
    };
    let (title, url, source) = (opt("title")?, opt("url")?, opt("source")?);
    let doc = Document { id, text, title, published, url, source };
    check_document(doc).map_err(err)
}

/// Reads a publication date written in another common format ("Dec 13, 2016", "9 Oct 2012",
/// "11/28/2016") as `YYYY-MM-DD`, when it names a full date.
pub fn normalize_date(s: &str) -> Option<String> {
    lapwing_time::find_timexes(s, None).into_iter().find_map(|t| {
        let v = t.value.get(..10)?;
        check_date(v).ok().filter(|_| !v.contains('X'))
    })
}

/// Checks an ISO 8601 date or datetime (`2025-07-20`, `2025-07-20T09:30:00Z`), returning it.
pub fn check_date(s: &str) -> Result<String, String> {
    let s = s.trim();
    let bad = || format!("bad date {s:?} (expected YYYY-MM-DD or an ISO 8601 datetime)");
    let day = s.get(..10).ok_or_else(bad)?;
    let parts: Vec<&str> = day.split('-').collect();
    if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
        return Err(bad());
    }
    let y: i32 = parts[0].parse().map_err(|_| bad())?;
    let m: u32 = parts[1].parse().map_err(|_| bad())?;
    let d: u32 = parts[2].parse().map_err(|_| bad())?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days_in_month = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(bad()),
    };
    if d == 0 || d > days_in_month {
        return Err(bad());
    }
    let rest = &s[10..];
    if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
        return Err(bad());
    }
    Ok(s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_errors_name_the_problem() {
        let p = |s: &str| parse_json_line(s.as_bytes(), "f.jsonl", 3, None, &mut Vec::new());
        assert!(p(r#"{"id":"a","text":"Hi."}"#).is_ok());
        assert_eq!(p(r#"{"id":"a""#).unwrap_err().to_string().split(": ").nth(1), Some("not JSON"));
        assert!(p(r#"{"text":"x"}"#).unwrap_err().message.contains("missing \"id\""));
        assert!(p(r#"{"id":"a"}"#).unwrap_err().message.contains("missing \"text\""));
        assert!(p(r#"{"id":"a","text":"  "}"#).unwrap_err().message.contains("empty"));
        let mut warnings = Vec::new();
        let d = parse_json_line(
            br#"{"id":"a","text":"x","published":"2025-02-30"}"#,
            "f",
            1,
            None,
            &mut warnings,
        );
        assert_eq!(d.map(|d| d.published), Ok(None));
        assert!(warnings[0].to_string().contains("unusable published date"), "{warnings:?}");
        assert!(p(r#"[1]"#).unwrap_err().message.contains("object"));
        let e = parse_json_line(
            b"{\"id\":\"a\",\"text\":\"\xff\"}",
            "f.jsonl",
            7,
            None,
            &mut Vec::new(),
        )
        .unwrap_err();
        assert_eq!(e.to_string(), "f.jsonl:7: invalid UTF-8 at byte 18");
    }

    #[test]
    fn dates_and_datetimes() {
        assert!(check_date("2025-07-20").is_ok());
        assert!(check_date("2025-07-20T09:30:00Z").is_ok());
        assert!(check_date("2024-02-29").is_ok());
        assert!(check_date("2023-02-29").is_err());
        assert!(check_date("20 July 2025").is_err());
        assert!(check_date("2025-07-2x").is_err());
        assert!(check_date("2025-07-20garbage").is_err());
    }

    #[test]
    fn default_published_fills_in() {
        let d = parse_json_line(
            br#"{"id":"a","text":"x"}"#,
            "f",
            1,
            Some("2025-01-02"),
            &mut Vec::new(),
        )
        .unwrap_or_default();
        assert_eq!(d.published.as_deref(), Some("2025-01-02"));
    }

    #[test]
    fn common_date_formats_are_normalised() {
        let p = |s: &str| {
            let line = format!(r#"{{"id":"a","text":"x","published":"{s}"}}"#);
            parse_json_line(line.as_bytes(), "f", 1, None, &mut Vec::new())
                .ok()
                .and_then(|d| d.published)
        };
        assert_eq!(p("Dec 13, 2016").as_deref(), Some("2016-12-13"));
        assert_eq!(p("9 Oct 2012").as_deref(), Some("2012-10-09"));
        assert_eq!(p("2016-12-19T08:00:00Z").as_deref(), Some("2016-12-19T08:00:00Z"));
        assert_eq!(p("7:58 AM ET"), None);
        assert_eq!(p("Wed Nov 23"), None);
    }
}
