//! Import and export through the store lose nothing: HSDS and Torchlight JSON come back
//! byte for byte, and allies survive where they should.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::both_engines;
use crate::support::{demo_counts, demo_file, Engine, World};

both_engines!(
    hsds_export_survives_a_second_database_byte_for_byte,
    json_with_allies_survives_a_second_database_byte_for_byte,
    hsds_import_keeps_the_allies_of_organisations_still_present,
);

async fn hsds_export_survives_a_second_database_byte_for_byte(engine: Engine) {
    let (organizations, services, allies) = demo_counts();
    let first = World::new(engine).await;
    first
        .import(&demo_file(), &[])
        .success()
        .stdout_has(&[&format!(
            "{organizations} organisations, {services} services, {allies} allies"
        )]);
    let stored = first.stored().await;
    assert_eq!(stored.organizations.len(), organizations);
    assert_eq!(stored.services.len(), services);
    assert_eq!(stored.allies.len(), allies);

    let a = first.path("a.json");
    first
        .export(&["--format", "hsds", "--output", "a.json"])
        .success()
        .stderr_has(&[&format!(
            "exported {organizations} organisations and {services} services"
        )]);
    let a_bytes = std::fs::read(&a).expect("a.json written");
    let hsds: Value = serde_json::from_slice(&a_bytes).expect("a.json is JSON");
    assert_eq!(hsds.as_array().map(Vec::len), Some(organizations));
    assert!(
        !String::from_utf8_lossy(&a_bytes).contains(&stored.allies[0].contact),
        "an HSDS export carries an ally's contact"
    );

    let second = World::new(engine).await;
    second.import(&a, &[]).success();
    let again = second.stored().await;
    assert_eq!(again.organizations, stored.organizations);
    assert_eq!(again.services, stored.services);
    assert!(again.allies.is_empty(), "allies came from HSDS");
    second
        .export(&["--format", "hsds", "--output", "b.json"])
        .success();
    let b_bytes = std::fs::read(second.path("b.json")).expect("b.json written");
    assert!(a_bytes == b_bytes, "the second HSDS export differs");
    // Standard output carries the same export as --output.
    let to_stdout = second.export(&["--format", "hsds"]).success().stdout;
    assert!(to_stdout.as_bytes() == a_bytes.as_slice());
}

async fn json_with_allies_survives_a_second_database_byte_for_byte(engine: Engine) {
    let (_, _, allies) = demo_counts();
    let first = World::new(engine).await;
    first.import(&demo_file(), &[]).success();
    let stored = first.stored().await;
    first
        .export(&["--format", "json", "--with-allies", "--output", "j.json"])
        .success();
    let j = first.path("j.json");
    let j_bytes = std::fs::read(&j).expect("j.json written");
    let value: Value = serde_json::from_slice(&j_bytes).expect("j.json is JSON");
    assert_eq!(value["allies"].as_array().map(Vec::len), Some(allies));

    let second = World::new(engine).await;
    second
        .import(&j, &[])
        .success()
        .stdout_has(&[&format!("{allies} allies")]);
    assert_eq!(second.stored().await, stored);
    second
        .export(&["--format", "json", "--with-allies", "--output", "k.json"])
        .success();
    let k_bytes = std::fs::read(second.path("k.json")).expect("k.json written");
    assert!(j_bytes == k_bytes, "the second JSON export differs");

    // Without --with-allies the roster stays home.
    let public = second.export(&["--format", "json"]).success().stdout;
    let public: Value = serde_json::from_str(&public).expect("JSON");
    assert!(public.get("allies").is_none(), "allies exported unasked");
}

async fn hsds_import_keeps_the_allies_of_organisations_still_present(engine: Engine) {
    let world = World::new(engine).await;
    world.import(&demo_file(), &[]).success();
    let before = world.stored().await;
    world
        .export(&["--format", "hsds", "--output", "a.json"])
        .success();

    // Drop the organisation with the most allies from the HSDS file.
    let gone = before
        .organizations
        .iter()
        .map(|o| o.id)
        .max_by_key(|id| {
            before
                .allies
                .iter()
                .filter(|a| a.organization_id == *id)
                .count()
        })
        .expect("organisations");
    let lost = before
        .allies
        .iter()
        .filter(|a| a.organization_id == gone)
        .count();
    assert!(lost > 0, "the demo has an organisation with allies");
    let text = std::fs::read_to_string(world.path("a.json")).expect("a.json");
    let mut hsds: Vec<Value> = serde_json::from_str(&text).expect("HSDS array");
    hsds.retain(|o| o["id"] != gone.to_string());
    assert_eq!(hsds.len(), before.organizations.len() - 1);
    let smaller = world.write("smaller.json", serde_json::to_vec(&hsds).expect("JSON"));

    let kept = before.allies.len() - lost;
    world
        .import(&smaller, &[])
        .success()
        .stdout_has(&[&format!("{kept} allies (ally roster kept from before)")]);
    let after = world.stored().await;
    assert!(after.organization(gone).is_none());
    let expected: BTreeSet<_> = before
        .allies
        .iter()
        .filter(|a| a.organization_id != gone)
        .map(|a| (a.id, a.contact.clone()))
        .collect();
    let actual: BTreeSet<_> = after
        .allies
        .iter()
        .map(|a| (a.id, a.contact.clone()))
        .collect();
    assert_eq!(actual, expected);
}
