//! A small JSON Schema (draft 2020-12) validator for the subset `schemas/*.json` use.
//!
//! Supported: `type` (a name or a list of names), `enum`, `const`, `pattern`, `minLength`,
//! `minimum`, `maximum`, `required`, `properties`, `additionalProperties` (bool or schema),
//! `items`, `minItems`, `maxItems`, `anyOf`, and `$ref` to `#/...` pointers in the same
//! document. Annotations (`$schema`, `$id`, `title`, `description`, ...) are ignored. Any
//! other keyword is reported as an error rather than skipped, so a schema can never be
//! silently weaker than it reads.
//!
//! ```
//! let record: serde_json::Value = serde_json::json!({"event": "AGREE"});
//! let errors = lapwing_eval::validate_event_record(&record);
//! assert!(errors.iter().any(|e| e.contains("missing required property \"id\"")));
//! ```

use regex::Regex;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The event record schema (`schemas/event-record.v1.json`), as text.
pub const EVENT_RECORD_SCHEMA: &str = include_str!("../../../schemas/event-record.v1.json");

const ANNOTATIONS: &[&str] = &[
    "$schema",
    "$id",
    "$defs",
    "$comment",
    "title",
    "description",
    "examples",
    "default",
    "deprecated",
];

/// Deeper `$ref` chains than this are taken to be cycles.
const MAX_DEPTH: usize = 64;

/// A schema with its regular expressions compiled once, for validating many instances.
#[derive(Debug, Clone)]
pub struct Validator {
    schema: Value,
    regexes: HashMap<String, Regex>,
    schema_errors: Vec<String>,
}

impl Validator {
    /// Prepares `schema`. Patterns that do not compile are reported by every `validate`.
    pub fn new(schema: Value) -> Validator {
        let mut regexes = HashMap::new();
        let mut schema_errors = Vec::new();
        collect_patterns(&schema, &mut regexes, &mut schema_errors);
        Validator { schema, regexes, schema_errors }
    }

    /// Every way `instance` violates the schema, as `"<json path>: <problem>"`; empty if valid.
    pub fn validate(&self, instance: &Value) -> Vec<String> {
        let mut errors = self.schema_errors.clone();
        self.check(&self.schema, instance, "$", 0, &mut errors);
        errors
    }

    fn check(&self, schema: &Value, v: &Value, path: &str, depth: usize, out: &mut Vec<String>) {
        let s = match schema {
            Value::Bool(true) => return,
            Value::Bool(false) => {
                out.push(format!("{path}: no value is allowed here"));
                return;
            }
            Value::Object(s) => s,
            _ => {
                out.push(format!("{path}: schema is neither an object nor a boolean"));
                return;
            }
        };
        if depth > MAX_DEPTH {
            out.push(format!("{path}: schema $ref nesting too deep (a cycle?)"));
            return;
        }
        for (kw, arg) in s {
            match kw.as_str() {
                "type" => check_type(arg, v, path, out),
                "enum" => match arg.as_array() {
                    Some(options) if options.iter().any(|o| same(o, v)) => {}
                    Some(options) => {
                        let shown: Vec<String> = options.iter().map(Value::to_string).collect();
                        out.push(format!("{path}: {v} is not one of [{}]", shown.join(", ")));
                    }
                    None => out.push(format!("{path}: schema `enum` is not an array")),
                },
                "const" if !same(arg, v) => out.push(format!("{path}: {v} is not {arg}")),
                "const" => {}
                "pattern" => {
                    if let (Some(p), Value::String(text)) = (arg.as_str(), v) {
                        if let Some(re) = self.regexes.get(p) {
                            if !re.is_match(text) {
                                out.push(format!("{path}: {v} does not match /{p}/"));
                            }
                        }
                    }
                }
                "minLength" => {
                    if let (Some(n), Value::String(text)) = (arg.as_u64(), v) {
                        if (text.chars().count() as u64) < n {
                            out.push(format!("{path}: {v} is shorter than {n} characters"));
                        }
                    }
                }
                "minimum" | "maximum" => {
                    if let (Some(bound), Some(x)) = (arg.as_f64(), v.as_f64()) {
                        let bad = if kw == "minimum" { x < bound } else { x > bound };
                        if bad {
                            let rel = if kw == "minimum" { "less" } else { "greater" };
                            out.push(format!("{path}: {v} is {rel} than {kw} {arg}"));
                        }
                    }
                }
                "required" => {
                    if let (Some(names), Value::Object(o)) = (arg.as_array(), v) {
                        for name in names.iter().filter_map(Value::as_str) {
                            if !o.contains_key(name) {
                                out.push(format!("{path}: missing required property {name:?}"));
                            }
                        }
                    }
                }
                "properties" => {
                    if let (Some(props), Value::Object(o)) = (arg.as_object(), v) {
                        for (name, sub) in props {
                            if let Some(x) = o.get(name) {
                                self.check(sub, x, &child(path, name), depth + 1, out);
                            }
                        }
                    }
                }
                "additionalProperties" => {
                    if let Value::Object(o) = v {
                        let known = s.get("properties").and_then(Value::as_object);
                        for (name, x) in o {
                            if known.is_some_and(|k| k.contains_key(name)) {
                                continue;
                            }
                            if arg == &Value::Bool(false) {
                                out.push(format!("{path}: unexpected property {name:?}"));
                            } else {
                                self.check(arg, x, &child(path, name), depth + 1, out);
                            }
                        }
                    }
                }
                "items" => {
                    if let Value::Array(items) = v {
                        for (i, x) in items.iter().enumerate() {
                            self.check(arg, x, &format!("{path}[{i}]"), depth + 1, out);
                        }
                    }
                }
                "minItems" | "maxItems" => {
                    if let (Some(n), Value::Array(items)) = (arg.as_u64(), v) {
                        let len = items.len() as u64;
                        if kw == "minItems" && len < n {
                            out.push(format!("{path}: {len} items, at least {n} required"));
                        } else if kw == "maxItems" && len > n {
                            out.push(format!("{path}: {len} items, at most {n} allowed"));
                        }
                    }
                }
                "anyOf" => match arg.as_array() {
                    Some(alts) => {
                        let mut all = Vec::new();
                        for alt in alts {
                            let mut errs = Vec::new();
                            self.check(alt, v, path, depth + 1, &mut errs);
                            if errs.is_empty() {
                                all.clear();
                                break;
                            }
                            all.push(errs.join("; "));
                        }
                        if !all.is_empty() {
                            out.push(format!(
                                "{path}: matches none of the alternatives ({})",
                                all.join(" | ")
                            ));
                        }
                    }
                    None => out.push(format!("{path}: schema `anyOf` is not an array")),
                },
                "$ref" => match arg.as_str().and_then(|r| self.resolve(r)) {
                    Some(target) => self.check(target, v, path, depth + 1, out),
                    None => out.push(format!("{path}: schema $ref {arg} does not resolve")),
                },
                k if ANNOTATIONS.contains(&k) => {}
                k => out.push(format!("{path}: schema uses unsupported keyword {k:?}")),
            }
        }
    }

    fn resolve(&self, reference: &str) -> Option<&Value> {
        let pointer = reference.strip_prefix('#')?;
        if pointer.is_empty() {
            return Some(&self.schema);
        }
        self.schema.pointer(pointer)
    }
}

fn collect_patterns(schema: &Value, out: &mut HashMap<String, Regex>, errs: &mut Vec<String>) {
    match schema {
        Value::Object(o) => {
            for (k, v) in o {
                if let (true, Some(p)) = (k == "pattern", v.as_str()) {
                    match Regex::new(p) {
                        Ok(re) => {
                            out.insert(p.to_string(), re);
                        }
                        Err(e) => errs.push(format!("schema pattern /{p}/ does not compile: {e}")),
                    }
                } else {
                    collect_patterns(v, out, errs);
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|v| collect_patterns(v, out, errs)),
        _ => {}
    }
}

fn child(path: &str, name: &str) -> String {
    let plain = !name.is_empty()
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !name.starts_with(|c: char| c.is_ascii_digit());
    if plain {
        format!("{path}.{name}")
    } else {
        format!("{path}[{name:?}]")
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn has_type(v: &Value, t: &str) -> bool {
    match t {
        "integer" => match v {
            Value::Number(n) => {
                n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|x| x.fract() == 0.0)
            }
            _ => false,
        },
        other => type_name(v) == other,
    }
}

fn check_type(arg: &Value, v: &Value, path: &str, out: &mut Vec<String>) {
    let names: Vec<&str> = match arg {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => {
            out.push(format!("{path}: schema `type` is neither a string nor a list"));
            return;
        }
    };
    if !names.iter().any(|t| has_type(v, t)) {
        out.push(format!(
            "{path}: expected {}, got {} {}",
            names.join(" or "),
            type_name(v),
            short(v)
        ));
    }
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 60 {
        format!("{}...", s.chars().take(57).collect::<String>())
    } else {
        s
    }
}

/// JSON Schema equality: numbers by value (`1` equals `1.0`), everything else structurally.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64()) {
            (Some(i), Some(j)) => i == j,
            _ => x.as_f64() == y.as_f64(),
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        (Value::Object(x), Value::Object(y)) => same_obj(x, y),
        _ => a == b,
    }
}

fn same_obj(x: &Map<String, Value>, y: &Map<String, Value>) -> bool {
    x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
}

/// Validates `instance` against `schema`; see [`Validator::validate`]. Compiles the schema's
/// patterns on every call, so prefer a [`Validator`] (or [`validate_event_record`]) in loops.
pub fn validate(schema: &Value, instance: &Value) -> Vec<String> {
    Validator::new(schema.clone()).validate(instance)
}

/// The parsed `schemas/event-record.v1.json`, compiled once.
pub fn event_record_validator() -> &'static Validator {
    static V: OnceLock<Validator> = OnceLock::new();
    V.get_or_init(|| {
        // The schema is compiled into the crate and checked by its tests, so a parse failure
        // can only be a broken build; report it through every validation instead of panicking.
        match serde_json::from_str(EVENT_RECORD_SCHEMA) {
            Ok(schema) => Validator::new(schema),
            Err(e) => Validator {
                schema: Value::Bool(true),
                regexes: HashMap::new(),
                schema_errors: vec![format!("schemas/event-record.v1.json is not JSON: {e}")],
            },
        }
    })
}

/// Validates one event record (a parsed line of `lapwing code` output) against
/// `schemas/event-record.v1.json`. Empty means valid.
pub fn validate_event_record(record: &Value) -> Vec<String> {
    event_record_validator().validate(record)
}

/// Validates a whole `lapwing code` output (JSON Lines, blank lines ignored); each error is
/// prefixed with `line N: `. Empty means every line is a valid event record.
pub fn validate_event_records_jsonl(text: &str) -> Vec<String> {
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(v) => errors.extend(
                validate_event_record(&v).into_iter().map(|e| format!("line {}: {e}", i + 1)),
            ),
            Err(e) => errors.push(format!("line {}: not JSON: {e}", i + 1)),
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn record() -> Value {
        json!({
            "id": "doc-1:0", "doc_id": "doc-1", "event": "ASSAULT", "mode": ["aerial"],
            "context": ["military"],
            "actor": [{"entity_text": "the IDF", "identifier_text": "Israel Defense Forces",
                       "identifier_id": "Q58979", "code": "ISR", "sector": "MIL",
                       "other_sector_codes": []}],
            "recipient": [{"entity_text": "the regime", "identifier_text": null,
                           "identifier_id": null, "code": "SYR", "sector": "GOV",
                           "other_sector_codes": ["MIL"], "office": null}],
            "date": "2025-07-16", "enddate": null, "date_precision": "day",
            "date_text": "on Wednesday",
            "event_loc": {"name": "Damascus", "text": "Damascus", "country": "SYR",
                          "admin1": "Damascus Governorate", "lat": 33.5102, "lon": 36.29128,
                          "geonames_id": 170654, "feature": "city"},
            "event_text": "struck", "quad_code": 4, "event_scale": -9.5,
            "aux": {"negated": false, "hypothetical": false, "future": false, "historical": false},
            "text": "The IDF struck Damascus.", "text_info": {"sequence": 3, "start": 100, "end": 124},
            "cite_info": {"url": null, "title": "t", "source": "s", "published": "2025-07-20"},
            "confidence": 0.75, "evidence": {"pattern": "strike.v1", "entries": ["IDF"], "extra": 1},
            "coder": "lapwing 0.1.0", "coded_date": "2026-11-26"
        })
    }

    fn errors_after(edit: impl FnOnce(&mut Value)) -> Vec<String> {
        let mut r = record();
        edit(&mut r);
        validate_event_record(&r)
    }

    fn assert_caught(edit: impl FnOnce(&mut Value), needle: &str) {
        let errs = errors_after(edit);
        assert!(
            errs.iter().any(|e| e.contains(needle)),
            "expected an error containing {needle:?}, got {errs:?}"
        );
    }

    #[test]
    fn schema_file_is_valid_json_and_uses_only_supported_keywords() {
        let schema: Value = serde_json::from_str(EVENT_RECORD_SCHEMA).expect("schema parses");
        assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert!(event_record_validator().schema_errors.is_empty());
        assert_eq!(validate_event_record(&record()), Vec::<String>::new());
    }

    #[test]
    fn nullable_fields_accept_null() {
        let errs = errors_after(|r| {
            r["date"] = Value::Null;
            r["event_loc"] = Value::Null;
            r["actor"][0]["code"] = Value::Null;
            r["cite_info"] = json!({});
            r["mode"] = json!([]);
        });
        assert_eq!(errs, Vec::<String>::new());
    }

    #[test]
    fn each_kind_of_violation_is_caught() {
        assert_caught(|r| r["event"] = json!("ATTACK"), "$.event: \"ATTACK\" is not one of");
        assert_caught(|r| r["mode"] = json!(["bombing"]), "$.mode[0]");
        assert_caught(|r| r["context"] = json!("military"), "$.context: expected array");
        assert_caught(
            |r| r["actor"][0]["code"] = json!("SY"),
            "$.actor[0].code: \"SY\" does not match",
        );
        assert_caught(|r| r["actor"][0]["code"] = json!(760), "expected string or null");
        assert_caught(
            |r| r["recipient"][0]["sector"] = json!("ARMY"),
            "$.recipient[0].sector: matches none",
        );
        assert_caught(
            |r| r["date"] = json!("17 July 2025"),
            "$.date: \"17 July 2025\" does not match",
        );
        assert_caught(|r| r["date_precision"] = json!("decade"), "$.date_precision");
        assert_caught(|r| r["event_loc"]["feature"] = json!("town"), "$.event_loc: matches none");
        assert_caught(|r| r["event_loc"]["lat"] = json!(91), "greater than maximum");
        assert_caught(|r| r["quad_code"] = json!(5), "$.quad_code: 5 is greater than maximum 4");
        assert_caught(|r| r["quad_code"] = json!(2.5), "$.quad_code: expected integer");
        assert_caught(
            |r| r["event_scale"] = json!(-11),
            "$.event_scale: -11 is less than minimum -10",
        );
        assert_caught(|r| r["confidence"] = json!(1.5), "$.confidence");
        assert_caught(|r| r["aux"]["negated"] = json!("no"), "$.aux.negated: expected boolean");
        assert_caught(
            |r| {
                if let Some(aux) = r["aux"].as_object_mut() {
                    aux.remove("future");
                }
            },
            "$.aux: missing required property \"future\"",
        );
        assert_caught(
            |r| r["aux"]["certain"] = json!(true),
            "$.aux: unexpected property \"certain\"",
        );
        assert_caught(|r| r["text_info"]["start"] = json!(-1), "$.text_info.start");
        assert_caught(
            |r| r["evidence"] = json!({"entries": []}),
            "$.evidence: missing required property \"pattern\"",
        );
        assert_caught(
            |r| r["evidence"]["entries"] = json!("IDF"),
            "$.evidence.entries: expected array",
        );
        assert_caught(|r| r["coded_date"] = json!("yesterday"), "$.coded_date");
        assert_caught(|r| r["id"] = json!(""), "$.id: \"\" is shorter than 1");
        assert_caught(|r| r["surprise"] = json!(1), "$: unexpected property \"surprise\"");
        assert_caught(|r| *r = json!([]), "$: expected object, got array");
    }

    #[test]
    fn generic_keywords() {
        let schema = json!({
            "$defs": {"pos": {"type": "integer", "minimum": 1}},
            "type": "object",
            "properties": {
                "k": {"const": "x"},
                "xs": {"type": "array", "minItems": 2, "maxItems": 3, "items": {"$ref": "#/$defs/pos"}},
                "n": {"type": ["number", "null"]}
            },
            "additionalProperties": {"type": "string"}
        });
        assert!(
            validate(&schema, &json!({"k": "x", "xs": [1, 2.0], "n": null, "o": "s"})).is_empty()
        );
        let errs = validate(&schema, &json!({"k": "y", "xs": [0], "n": "1", "o": 3}));
        assert_eq!(errs.len(), 5, "{errs:?}");
        assert!(errs.iter().any(|e| e.starts_with("$.k: \"y\" is not \"x\"")));
        assert!(errs.iter().any(|e| e.starts_with("$.xs: 1 items, at least 2")));
        assert!(errs.iter().any(|e| e.starts_with("$.xs[0]: 0 is less than minimum 1")));
        assert!(errs.iter().any(|e| e.starts_with("$.o: expected string")));
        let bad = validate(&json!({"$ref": "#/$defs/nope", "format": "date"}), &json!(1));
        assert!(bad.iter().any(|e| e.contains("does not resolve")));
        assert!(bad.iter().any(|e| e.contains("unsupported keyword \"format\"")));
        let cyclic = json!({"$defs": {"a": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"});
        assert!(validate(&cyclic, &json!(1)).iter().any(|e| e.contains("too deep")));
        assert!(!validate(&json!({"pattern": "("}), &json!("x")).is_empty());
    }

    #[test]
    fn jsonl_helper_numbers_lines() {
        let good = record().to_string();
        let text = format!("{good}\n\n{{\"id\": 1}}\nnot json\n");
        let errs = validate_event_records_jsonl(&text);
        assert!(errs.iter().any(|e| e.starts_with("line 3: $.id: expected string")));
        assert!(errs.iter().any(|e| e.starts_with("line 4: not JSON")));
        assert!(!errs.iter().any(|e| e.starts_with("line 1:")));
    }

    #[test]
    fn fixture_records_are_valid() {
        let text = include_str!("../tests/fixtures/events-seed.pred.jsonl");
        for (i, line) in text.lines().enumerate() {
            let v: Value = serde_json::from_str(line).expect("fixture line parses");
            assert_eq!(validate_event_record(&v), Vec::<String>::new(), "line {}", i + 1);
        }
    }
}
