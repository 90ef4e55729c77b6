//! End-to-end tests of the `lapwing` binary: the bundled example, schema validity, the exit
//! statuses on bad input, determinism across thread counts, and the other subcommands.

mod common;
use common::Scratch;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn lapwing() -> Command {
    Command::new(env!("CARGO_BIN_EXE_lapwing"))
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn shared() -> Option<PathBuf> {
    let p = repo().join("../shared");
    p.join("README.md").exists().then_some(p)
}

fn run(cmd: &mut Command) -> Output {
    match cmd.output() {
        Ok(o) => o,
        Err(e) => panic!("cannot run lapwing: {e}"),
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh directory of its own for test `name`.
fn scratch(name: &str) -> Scratch {
    Scratch::dir("lapwing-cli-test", name)
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

fn parse_lines(s: &str) -> Vec<serde_json::Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {e}: {l}")))
        .collect()
}

#[test]
fn bundled_example_codes_into_schema_valid_records() {
    let seed = repo().join("examples/seed-article.jsonl");
    let o = run(lapwing().arg("code").arg(&seed).arg("--coded-date").arg("2026-01-01"));
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let records = parse_lines(&stdout(&o));
    assert!(!records.is_empty(), "the seed article codes to no event");
    let schema_text = std::fs::read_to_string(repo().join("schemas/event-record.v1.json"))
        .unwrap_or_else(|e| panic!("schema: {e}"));
    let schema: serde_json::Value =
        serde_json::from_str(&schema_text).unwrap_or_else(|e| panic!("schema: {e}"));
    for r in &records {
        let errors = lapwing_eval::validate(&schema, r);
        assert!(errors.is_empty(), "record does not validate: {errors:?}\n{r}");
        assert_eq!(r["doc_id"], "seed-sweida-2025-07");
        assert_eq!(r["coded_date"], "2026-01-01");
    }
    assert!(stderr(&o).contains("1 documents"), "summary missing: {}", stderr(&o));
}

/// Writes `jsonl` to `input` and codes it with one thread and with two.
fn code_at_one_and_two_threads(input: &Path, jsonl: &str) -> (Output, Output) {
    write(input, jsonl.as_bytes());
    let at = |threads: &str| {
        run(lapwing().args(["code", "--threads", threads, "--coded-date", "2026-01-01"]).arg(input))
    };
    (at("1"), at("2"))
}

#[test]
fn output_is_the_same_at_any_thread_count() {
    let seed = repo().join("examples/seed-article.jsonl");
    let dir = scratch("threads");
    // Many documents, so that batches really are split across threads.
    let line = std::fs::read_to_string(&seed).unwrap_or_default();
    let mut many = String::new();
    for i in 0..40 {
        many.push_str(&line.replacen("seed-sweida-2025-07", &format!("seed-{i}"), 1));
    }
    let (one, two) = code_at_one_and_two_threads(&dir.join("many.jsonl"), &many);
    assert_eq!(one.status.code(), Some(0));
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, two.stdout);
}

#[test]
fn many_batches_keep_input_order() {
    // More documents than three batches hold, so that batches are coded while earlier ones
    // are written: the records must still come out in input order.
    let dir = scratch("batches");
    let mut many = String::new();
    for i in 0..1200 {
        many.push_str(&format!(
            "{{\"id\":\"d{i}\",\"published\":\"2025-07-14\",\"text\":\"Israeli jets struck Damascus on Monday.\"}}\n"
        ));
    }
    let (one, two) = code_at_one_and_two_threads(&dir.join("many.jsonl"), &many);
    assert_eq!(two.status.code(), Some(0));
    assert_eq!(one.stdout, two.stdout);
    let ids: Vec<String> = stdout(&two)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["doc_id"].as_str().map(str::to_string))
        .collect();
    assert_eq!(ids.len(), 1200, "one record per document");
    assert!(ids.iter().enumerate().all(|(i, id)| *id == format!("d{i}")), "records out of order");
    assert!(stderr(&two).contains("1200 documents"), "{}", stderr(&two));
}

#[test]
fn csv_format_has_the_documented_columns() {
    let seed = repo().join("examples/seed-article.jsonl");
    let o = run(lapwing().args(["code", "--format", "csv"]).arg(&seed));
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    let header = out.lines().next().unwrap_or_default();
    assert_eq!(
        header,
        "id,doc_id,date,event,mode,actor_codes,actor_sectors,recipient_codes,recipient_sectors,place,lat,lon,score,quad,confidence,sentence"
    );
}

#[test]
fn garbage_input_gives_messages_and_exit_two_never_a_panic() {
    let dir = scratch("garbage");
    let mut random = Vec::new();
    let mut x: u32 = 12345;
    for _ in 0..20_000 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        random.push((x & 0xff) as u8);
    }
    write(&dir.join("random.jsonl"), &random);
    write(&dir.join("truncated.jsonl"), b"{\"id\":\"ok\",\"text\":\"Troops withdrew from the town.\"}\n{\"id\":\"t\",\"text\":\"unfinished");
    write(&dir.join("empty.jsonl"), b"");
    write(&dir.join("empty.txt"), b"");
    write(
        &dir.join("bad-date.jsonl"),
        b"{\"id\":\"d\",\"text\":\"x\",\"published\":\"last Tuesday\"}\n",
    );
    write(&dir.join("bad-id.jsonl"), b"{\"id\":[1],\"text\":\"x\"}\n{\"id\":\"no text\"}\n");
    write(&dir.join("latin1.txt"), b"Caf\xe9 owners protested in Paris.");
    write(&dir.join("notes.md"), b"ignored: neither .jsonl nor .txt");
    let big_text =
        "Protesters marched in the capital and police fired tear gas at them ".repeat(150_000);
    let big = serde_json::json!({"id": "big", "text": big_text});
    write(&dir.join("z-big.jsonl"), format!("{big}\n").as_bytes());
    let o = run(lapwing().arg("code").arg(&dir));
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "stderr: {err}");
    assert!(err.contains("truncated.jsonl:2: not JSON"), "{err}");
    assert!(err.contains("bad-date.jsonl:1: document \"d\": unusable published date"), "{err}");
    assert!(err.contains("bad-id.jsonl:1: \"id\" must be"), "{err}");
    assert!(err.contains("bad-id.jsonl:2: document \"no text\": missing \"text\""), "{err}");
    assert!(err.contains("latin1.txt: invalid UTF-8"), "{err}");
    assert!(err.contains("random.jsonl:"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    for line in stdout(&o).lines() {
        assert!(
            serde_json::from_str::<serde_json::Value>(line).is_ok(),
            "stdout carries only records: {line}"
        );
    }
}

#[test]
fn strict_stops_at_the_first_bad_record() {
    let dir = scratch("strict");
    write(&dir.join("a.jsonl"), b"not json\n{\"id\":\"b\",\"text\":\"Talks resumed.\"}\n");
    let o = run(lapwing().args(["code", "--strict"]).arg(dir.join("a.jsonl")));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("a.jsonl:1: not JSON"));
}

#[test]
fn clean_input_exits_zero_and_reads_stdin() {
    use std::io::Write;
    let mut child = lapwing()
        .args(["code", "-", "--published", "2025-07-20"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("spawn: {e}"));
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin
            .write_all(b"{\"id\":\"s\",\"text\":\"Israeli jets struck Damascus on Thursday.\"}\n");
    }
    let o = child.wait_with_output().unwrap_or_else(|e| panic!("wait: {e}"));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for r in parse_lines(&stdout(&o)) {
        assert_eq!(r["doc_id"], "s");
        assert_eq!(r["cite_info"]["published"], "2025-07-20");
    }
}

#[test]
fn bad_arguments_exit_one() {
    let o = run(lapwing().args(["code", "/no/such/file.jsonl"]));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("/no/such/file.jsonl"));
    let o = run(lapwing().args(["code", "--published", "yesterday"]));
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn timex_and_geoparse_write_their_line_formats() {
    let dir = scratch("tg");
    let input = dir.join("d.jsonl");
    write(
        &input,
        "{\"id\":\"d\",\"published\":\"2025-07-20\",\"text\":\"“On Thursday,” troops left Damascus, Syria.\"}\n".as_bytes(),
    );
    let o = run(lapwing().arg("timex").arg(&input));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let t = parse_lines(&stdout(&o));
    assert_eq!(t.first().map(|v| v["value"].clone()), Some(serde_json::json!("2025-07-17")));
    // Offsets are code points: the curly quote counts one ("On" is outside the TIMEX3 span).
    assert_eq!(t.first().map(|v| v["start"].clone()), Some(serde_json::json!(4)));
    let o = run(lapwing().arg("geoparse").arg(&input));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let g = parse_lines(&stdout(&o));
    assert!(g.iter().any(|v| v["text"] == "Damascus" && v["country"] == "SYR"), "{g:?}");
}

#[test]
fn eval_agrees_with_the_reference_scorer() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared is absent");
        return;
    };
    let gold = shared.join("spec/examples/seed-article.gold.jsonl");
    let dir = scratch("eval");
    let pred = dir.join("pred.jsonl");
    let o = run(lapwing()
        .arg("code")
        .arg(repo().join("examples/seed-article.jsonl"))
        .arg("-o")
        .arg(&pred));
    assert_eq!(o.status.code(), Some(0));
    let ours = run(lapwing().args(["eval", "events"]).arg(&gold).arg(&pred));
    assert_eq!(ours.status.code(), Some(0), "{}", stderr(&ours));
    let py = Command::new("python3")
        .arg(shared.join("tools/score_events.py"))
        .arg(&gold)
        .arg(&pred)
        .output();
    match py {
        Ok(p) if p.status.success() => assert_eq!(stdout(&ours), stdout(&p)),
        _ => eprintln!("skipped the comparison: python3 unavailable"),
    }
    assert!(stdout(&ours).lines().last().unwrap_or_default().starts_with("dyad_f1="));
}

#[test]
fn lexicon_check_reports_file_line_column() {
    let dir = scratch("lexicon");
    std::fs::create_dir_all(dir.join("actors")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::create_dir_all(dir.join("events")).unwrap_or_else(|e| panic!("{e}"));
    write(&dir.join("actors/mine.tsv"), b"# a bad line: too few fields\nlonely\n");
    let o = run(lapwing().args(["lexicon", "check"]).arg(&dir));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("actors/mine.tsv:2:"), "{}", stderr(&o));
    let o = run(lapwing()
        .args(["code", "--lexicon"])
        .arg(&dir)
        .arg(repo().join("examples/seed-article.jsonl")));
    assert_eq!(o.status.code(), Some(1), "an invalid user lexicon stops the run");
}

/// Regression: "+nurse/+health worker" in a user's lexicon disabled its pattern silently.
#[test]
fn lexicon_check_warns_about_a_noun_group_before_a_noun() {
    let dir = scratch("lexicon-group");
    std::fs::create_dir_all(dir.join("events")).unwrap_or_else(|e| panic!("{e}"));
    write(
        &dir.join("events/aid.tsv"),
        b"# nurses\naid.nurses\tAID\t\t~send * +nurse/+health worker\tvi\tto\n",
    );
    let o = run(lapwing().args(["lexicon", "check"]).arg(&dir));
    assert_eq!(o.status.code(), Some(0), "a warning does not fail the check: {}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains(r#"events/aid.tsv:2:17: warning: "+nurse/+health" followed by "worker""#),
        "{err}"
    );
    assert!(err.contains("0 error(s), 1 warning(s)"), "{err}");
}

#[test]
fn lexicon_explain_shows_entries() {
    let o = run(lapwing().args(["lexicon", "explain", "the Syrian army", "--date", "2025-07-17"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("SYR") && out.contains("MIL"), "{out}");
}

/// Regression: `lapwing code ... 2>&1 | head` panicked writing a message to a closed stderr.
#[test]
fn a_reader_that_stops_early_is_no_error() {
    use std::io::Read;
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared is absent");
        return;
    };
    for sub in ["code", "timex", "geoparse"] {
        let mut child = lapwing()
            .arg(sub)
            .arg(shared.join("datasets/trnews.docs.jsonl"))
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("spawn: {e}"));
        let mut first = [0u8; 64];
        if let Some(out) = child.stdout.as_mut() {
            let _ = out.read_exact(&mut first);
        }
        // Close both ends the way `2>&1 | head -c 64` does.
        drop(child.stdout.take());
        drop(child.stderr.take());
        let status = child.wait().unwrap_or_else(|e| panic!("wait: {e}"));
        assert_eq!(
            status.code(),
            Some(0),
            "lapwing {sub} exited {status:?} when its reader stopped"
        );
    }
}
