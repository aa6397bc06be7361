//! A bad import file is refused whole: exit 2, a message naming the record and the
//! field, and the stored directory untouched.

use serde_json::Value;

use crate::both_engines;
use crate::support::{demo_file, Engine, World};

both_engines!(
    broken_files_change_nothing_and_say_where,
    a_missing_file_is_bad_input,
    a_dry_run_stores_nothing,
);

fn demo_value() -> Value {
    let text = std::fs::read_to_string(demo_file()).expect("demo file");
    serde_json::from_str(&text).expect("demo JSON")
}

/// How the import names the demo's service at `index`: `service 'NAME' (ID)`.
fn service_label(demo: &Value, index: usize) -> String {
    let service = &demo["services"][index];
    format!(
        "service '{}' ({})",
        service["name"].as_str().expect("name"),
        service["id"].as_str().expect("id")
    )
}

async fn broken_files_change_nothing_and_say_where(engine: Engine) {
    let world = World::new(engine).await;
    world.import(&demo_file(), &[]).success();
    let before_export = world.export_all();
    let before_stored = world.stored().await;

    let broken = world.write("broken.json", "{\"organizations\": [\n  {\"id\": 1,}\n]}\n");
    world.import(&broken, &[]).bad_input(&[
        "broken.json",
        "line 2, column 12",
        "not valid JSON",
        "nothing was changed",
    ]);

    let mut unknown_support = demo_value();
    unknown_support["services"][3]["support"] = "telepathy".into();
    let file = world.write(
        "unknown_support.json",
        serde_json::to_vec(&unknown_support).expect("JSON"),
    );
    world.import(&file, &[]).bad_input(&[
        &format!("{}: support: ", service_label(&unknown_support, 3)),
        "'telepathy'",
        "nothing was changed",
        "1 problem(s)",
    ]);

    let mut orphan = demo_value();
    let stray = "00000000-0000-4000-8000-00000000dead";
    orphan["services"][5]["organization_id"] = stray.into();
    let file = world.write("orphan.json", serde_json::to_vec(&orphan).expect("JSON"));
    world.import(&file, &[]).bad_input(&[
        &format!("{}: organization_id: ", service_label(&orphan, 5)),
        stray,
        "nothing was changed",
    ]);

    // Both problems at once: both are reported.
    let mut both = unknown_support.clone();
    both["services"][5]["organization_id"] = stray.into();
    let file = world.write("both.json", serde_json::to_vec(&both).expect("JSON"));
    world
        .import(&file, &["--dry-run"])
        .bad_input(&["2 problem(s)", "'telepathy'", stray]);

    assert_eq!(world.export_all(), before_export, "an export changed");
    assert_eq!(world.stored().await, before_stored, "the store changed");
}

async fn a_missing_file_is_bad_input(engine: Engine) {
    let world = World::new(engine).await;
    world.import(&demo_file(), &[]).success();
    let before = world.export_all();
    world
        .import(&world.path("no-such-file.json"), &[])
        .bad_input(&["cannot read", "no-such-file.json"]);
    assert_eq!(world.export_all(), before);
}

async fn a_dry_run_stores_nothing(engine: Engine) {
    let world = World::new(engine).await;
    world
        .import(&demo_file(), &["--dry-run"])
        .success()
        .stdout_has(&["is valid", "dry run, nothing stored"]);
    if engine == Engine::Sqlite {
        assert!(
            !world.data_dir().join("torchlight.sqlite3").exists(),
            "a dry run created the database"
        );
    }
    assert!(world.stored().await.organizations.is_empty());

    // Nor does it replace what is there.
    let one = world.write(
        "one.json",
        serde_json::to_vec(&crate::support::one_organization("legal")).expect("JSON"),
    );
    world.import(&one, &[]).success();
    let before = world.stored().await;
    world.import(&demo_file(), &["--dry-run"]).success();
    assert_eq!(world.stored().await, before);
}
