//! Makes the schema fixture of a released schema version: `cargo run -p lapwing-store
//! --example make_fixture -- 1 crates/store/tests/fixtures/v1.db` ingests the duplicate-report
//! test articles into a store created at that version. Run once per release; the tests then
//! prove that newer code still opens every committed fixture.

#[path = "../tests/common/mod.rs"]
mod common;

fn main() {
    let mut args = std::env::args().skip(1);
    let version: i64 = args.next().and_then(|v| v.parse().ok()).unwrap_or(1);
    let out = args.next().unwrap_or_else(|| format!("v{version}.db"));
    let _ = std::fs::remove_file(&out);
    let result = lapwing_store::Store::open_at_version(&out, version).and_then(|mut store| {
        store.ingest_batch(&common::dup_articles())?;
        // Fold the WAL into the file so the fixture is one self-contained file.
        store.checkpoint()?;
        store.counts()
    });
    match result {
        Ok(c) => println!("{out}: schema v{version}, {c:?}"),
        Err(e) => {
            eprintln!("make_fixture: {e}");
            std::process::exit(1);
        }
    }
}
