//! A coalition's own taxonomy codes in `<data-dir>/taxonomy/`: new codes are usable,
//! a clash with a built-in code stops every command with the file and line.

use crate::both_engines;
use crate::support::{one_organization, Engine, World};

both_engines!(
    a_new_support_type_can_be_imported,
    a_repeated_code_stops_every_command,
);

const HEADER: &str = "code,label,description\n";

async fn a_new_support_type_can_be_imported(engine: Engine) {
    let world = World::new(engine).await;
    let file = world.write(
        "peer.json",
        serde_json::to_vec(&one_organization("peer_support")).expect("JSON"),
    );
    // Unknown before the coalition adds it.
    world.import(&file, &[]).bad_input(&[
        "support: unknown support_type code 'peer_support'",
        "Lantern device clinic",
    ]);

    world.write(
        "data/taxonomy/support_types.csv",
        format!("{HEADER}peer_support,Peer support,Defenders helping defenders.\n"),
    );
    world
        .import(&file, &[])
        .success()
        .stdout_has(&["1 organisations, 1 services"]);
    let stored = world.stored().await;
    assert_eq!(stored.services.len(), 1);
    assert_eq!(stored.services[0].support.as_str(), "peer_support");

    // Exports carry it, and import back.
    world
        .export(&["--format", "hsds", "--output", "peer-hsds.json"])
        .success();
    let text = std::fs::read_to_string(world.path("peer-hsds.json")).expect("export");
    assert!(text.contains("peer_support"));
    world.import(&world.path("peer-hsds.json"), &[]).success();
    assert_eq!(world.stored().await, stored);
}

async fn a_repeated_code_stops_every_command(engine: Engine) {
    let world = World::new(engine).await;
    let file = world.write(
        "legal.json",
        serde_json::to_vec(&one_organization("legal")).expect("JSON"),
    );
    world.import(&file, &[]).success();
    let before = world.stored().await;

    world.write(
        "data/taxonomy/support_types.csv",
        format!("{HEADER}peer_support,Peer support,Fine.\nlegal,Legal aid,Clashes with the built-in code.\n"),
    );
    // Named as the user's --data-dir leads to it, with the line of the clash.
    let named = std::path::Path::new("data")
        .join("taxonomy")
        .join("support_types.csv");
    let located = format!("{}:3", named.display());
    let csv = world.data_dir().join("taxonomy").join("support_types.csv");
    let commands: [&[&str]; 5] = [
        &["export", "directory", "--data-dir", "data"],
        &[
            "export",
            "directory",
            "--data-dir",
            "data",
            "--format",
            "csv",
            "--output",
            "t",
        ],
        &["import", "directory", "legal.json", "--data-dir", "data"],
        &["serve", "--listen", "127.0.0.1:0", "--data-dir", "data"],
        &["demo", "--listen", "127.0.0.1:0", "--data-dir", "data"],
    ];
    for args in commands {
        let refused = world
            .run(args)
            .bad_input(&[&located, "duplicate", "'legal'", "taxonomy"]);
        assert!(
            refused.stdout.is_empty(),
            "{args:?} wrote {}",
            refused.stdout
        );
    }
    assert!(!world.path("t").exists());
    assert_eq!(
        world.stored().await,
        before,
        "a refused command changed the store"
    );

    // A file that is no taxonomy at all is named as well.
    std::fs::remove_file(&csv).expect("remove");
    world.write("data/taxonomy/colours.csv", HEADER);
    world
        .export(&[])
        .bad_input(&["colours.csv", "not a taxonomy file"]);
}
