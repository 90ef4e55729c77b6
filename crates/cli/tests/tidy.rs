//! Repository hygiene, run with `cargo test`: every Rust file opens with a `//!` comment saying
//! what it is for, and crate dependencies point one way (docs/ARCHITECTURE.md): no stage crate
//! depends on the pipeline, the store or the command line, and `time`, `geo` and `eval` depend
//! on no other lapwing crate.

use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let p = entry.path();
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if p.is_dir() {
            if !matches!(name, "target" | "snapshots" | "fixtures") && !name.starts_with('.') {
                rust_files(&p, out);
            }
        } else if name.ends_with(".rs") {
            out.push(p);
        }
    }
}

#[test]
fn every_rust_file_opens_with_a_module_comment() {
    let mut files = Vec::new();
    rust_files(&repo().join("crates"), &mut files);
    assert!(files.len() > 20, "found only {} Rust files", files.len());
    let missing: Vec<String> = files
        .iter()
        .filter(|p| {
            let text = std::fs::read_to_string(p).unwrap_or_default();
            !text.trim_start().starts_with("//!")
        })
        .map(|p| p.display().to_string())
        .collect();
    assert!(missing.is_empty(), "files without a leading //! comment: {missing:#?}");
}

/// The lapwing crates a crate's manifest depends on (normal dependencies only).
fn lapwing_deps(krate: &str) -> Vec<String> {
    let manifest = std::fs::read_to_string(repo().join("crates").join(krate).join("Cargo.toml"))
        .unwrap_or_default();
    let mut in_deps = false;
    let mut deps = Vec::new();
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_deps = line == "[dependencies]";
            continue;
        }
        if in_deps {
            if let Some(name) = line.split('=').next().map(str::trim) {
                if let Some(short) = name.strip_prefix("lapwing-") {
                    deps.push(short.to_string());
                }
            }
        }
    }
    deps
}

#[test]
fn dependencies_point_one_way() {
    let allowed: &[(&str, &[&str])] = &[
        ("core", &[]),
        ("text", &["core"]),
        ("lexicon", &["core"]),
        ("actors", &["core", "text", "lexicon"]),
        ("events", &["core", "text", "lexicon", "actors"]),
        ("time", &[]),
        ("geo", &[]),
        ("eval", &[]),
        ("store", &["core"]),
        ("pipeline", &["core", "text", "lexicon", "actors", "events", "time", "geo"]),
    ];
    for (krate, ok) in allowed {
        for dep in lapwing_deps(krate) {
            assert!(ok.contains(&dep.as_str()), "lapwing-{krate} must not depend on lapwing-{dep}");
        }
    }
}
