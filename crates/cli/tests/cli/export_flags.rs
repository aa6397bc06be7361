//! `export directory`: the CSV tables, and flag combinations that cannot work.

use crate::both_engines;
use crate::support::{demo_counts, demo_file, Engine, World};

both_engines!(csv_export_writes_the_hsds_tables);

/// Data rows of a CSV file, read as CSV (fields may hold line breaks).
fn rows(path: &std::path::Path) -> Vec<csv::StringRecord> {
    let mut reader = csv::Reader::from_path(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    reader
        .records()
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{} is not CSV: {e}", path.display()))
}

async fn csv_export_writes_the_hsds_tables(engine: Engine) {
    let (organizations, services, _) = demo_counts();
    let world = World::new(engine).await;
    world.import(&demo_file(), &[]).success();
    world
        .export(&["--format", "csv", "--output", "tables"])
        .success()
        .stderr_has(&["tables"]);
    let folder = world.path("tables");
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .expect("the CSV folder exists")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for table in ["organizations.csv", "services.csv", "service_areas.csv"] {
        assert!(
            names.iter().any(|n| n == table),
            "{table} missing: {names:?}"
        );
    }
    assert!(
        names.iter().all(|n| n.ends_with(".csv")),
        "stray files: {names:?}"
    );
    assert_eq!(rows(&folder.join("organizations.csv")).len(), organizations);
    assert_eq!(rows(&folder.join("services.csv")).len(), services);

    // The tables describe what is stored, not a stale copy: the demo's first
    // organisation is in them by id.
    let stored = world.stored().await;
    let first = stored.organizations[0].id.to_string();
    assert!(rows(&folder.join("organizations.csv"))
        .iter()
        .any(|row| row.iter().any(|field| field == first)));

    // Writing again over the same folder replaces the files.
    world
        .export(&["--format", "csv", "--output", "tables"])
        .success();
    assert_eq!(rows(&folder.join("services.csv")).len(), services);
}

#[tokio::test]
async fn csv_needs_an_output_folder() {
    let world = World::new(Engine::Sqlite).await;
    world.import(&demo_file(), &[]).success();
    let refused = world
        .export(&["--format", "csv"])
        .bad_input(&["--format csv", "--output"]);
    assert!(refused.stdout.is_empty(), "something was exported");
}

#[tokio::test]
async fn allies_never_leave_through_hsds_or_csv() {
    let world = World::new(Engine::Sqlite).await;
    world.import(&demo_file(), &[]).success();
    for format in ["hsds", "csv"] {
        let refused = world
            .export(&["--format", format, "--with-allies", "--output", "out"])
            .bad_input(&["--with-allies", "--format json"]);
        assert!(refused.stdout.is_empty());
        assert!(!world.path("out").exists(), "{format}: wrote {:?}", "out");
    }
    // The default format is HSDS, so --with-allies alone is refused too.
    world
        .export(&["--with-allies"])
        .bad_input(&["--with-allies"]);
}

#[tokio::test]
async fn an_unknown_format_is_a_usage_error() {
    let world = World::new(Engine::Sqlite).await;
    world
        .export(&["--format", "xml"])
        .bad_input(&["'xml'", "--format", "hsds, json, csv"]);
}
