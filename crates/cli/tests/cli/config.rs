//! Configuration layers: `torchlight.toml`, `--config`, `TORCHLIGHT_*` variables.

use crate::support::{demo_counts, demo_file, Engine, World};

#[tokio::test]
async fn an_unknown_key_in_torchlight_toml_is_named() {
    let world = World::new(Engine::Sqlite).await;
    world.write(
        "torchlight.toml",
        "page_size = 10\nlisten_adress = \"127.0.0.1:9\"\n",
    );
    for args in [
        &["export", "directory", "--data-dir", "data"][..],
        &["serve", "--listen", "127.0.0.1:0", "--data-dir", "data"][..],
    ] {
        world
            .run(args)
            .bad_input(&["configuration", "listen_adress", "torchlight.toml"]);
    }
    assert!(!world.data_dir().exists(), "a refused command touched data");
}

#[tokio::test]
async fn an_explicit_config_file_must_exist_and_is_read() {
    let world = World::new(Engine::Sqlite).await;
    world
        .run(&["--config", "missing.toml", "export", "directory"])
        .bad_input(&["missing.toml", "does not exist"]);
    // The global flag works after the subcommand too.
    world
        .run(&["export", "directory", "--config", "missing.toml"])
        .bad_input(&["missing.toml"]);

    world.write("elsewhere/tl.toml", "data_dir = \"from-file\"\n");
    world.import(&demo_file(), &[]).success();
    std::fs::rename(world.data_dir(), world.path("from-file")).expect("move the data");
    let exported = world
        .run(&["--config", "elsewhere/tl.toml", "export", "directory"])
        .success()
        .stdout;
    let value: serde_json::Value = serde_json::from_str(&exported).expect("HSDS JSON");
    assert_eq!(value.as_array().map(Vec::len), Some(demo_counts().0));

    // A bad value names the key and the file.
    world.write("bad.toml", "page_size = \"many\"\n");
    world
        .run(&["--config", "bad.toml", "export", "directory"])
        .bad_input(&["page_size", "bad.toml"]);
}

#[tokio::test]
async fn torchlight_data_dir_is_honoured() {
    let world = World::new(Engine::Sqlite).await;
    let elsewhere = world.path("elsewhere");
    let elsewhere = elsewhere.to_str().expect("UTF-8 path");
    world.import(&demo_file(), &[]).success();
    std::fs::rename(world.data_dir(), world.path("elsewhere")).expect("move the data");

    let exported = world
        .run_with(
            &["export", "directory"],
            &[("TORCHLIGHT_DATA_DIR", elsewhere)],
        )
        .success()
        .stdout;
    let value: serde_json::Value = serde_json::from_str(&exported).expect("HSDS JSON");
    assert_eq!(value.as_array().map(Vec::len), Some(demo_counts().0));
    assert!(
        !world.path("torchlight-data").exists(),
        "the default data directory was used"
    );

    // The flag beats the variable, and the variable beats the file.
    world.write("torchlight.toml", "data_dir = \"from-file\"\n");
    let exported = world
        .run_with(
            &["export", "directory", "--data-dir", "flagged"],
            &[("TORCHLIGHT_DATA_DIR", elsewhere)],
        )
        .success()
        .stdout;
    assert_eq!(exported.trim(), "[]");
    assert!(world.path("flagged").is_dir());
    let exported = world
        .run_with(
            &["export", "directory"],
            &[("TORCHLIGHT_DATA_DIR", elsewhere)],
        )
        .success()
        .stdout;
    assert_ne!(exported.trim(), "[]");
    assert!(!world.path("from-file").exists());
}

#[tokio::test]
async fn other_torchlight_variables_are_not_configuration() {
    let world = World::new(Engine::Sqlite).await;
    world
        .run_with(
            &["export", "directory", "--data-dir", "data"],
            &[
                (
                    "TORCHLIGHT_TEST_PG_URL",
                    "postgres://nobody@127.0.0.1:1/none",
                ),
                ("TORCHLIGHT_SOMETHING_ELSE", "1"),
            ],
        )
        .success();
    assert!(world.data_dir().join("torchlight.sqlite3").exists());
}

#[tokio::test]
async fn bad_variables_are_named() {
    let world = World::new(Engine::Sqlite).await;
    for (key, value, named) in [
        ("TORCHLIGHT_LISTEN", "not-an-address", "LISTEN"),
        ("TORCHLIGHT_PAGE_SIZE", "0", "page_size"),
        ("TORCHLIGHT_MAX_BODY_BYTES", "-5", "MAX_BODY_BYTES"),
        // Under the longest valid request in the worst encoding: refused, saying so.
        (
            "TORCHLIGHT_MAX_BODY_BYTES",
            "65536",
            "max_body_bytes must be at least 264784",
        ),
        (
            "TORCHLIGHT_DATABASE_URL",
            "mysql://db/torchlight",
            "database_url",
        ),
        (
            "TORCHLIGHT_CLIENT_ADDRESS_HEADER",
            "x-client",
            "client_address_header",
        ),
        (
            "TORCHLIGHT_TRUSTED_PROXIES",
            "[\"nginx\"]",
            "TRUSTED_PROXIES",
        ),
    ] {
        let refused = world
            .run_with(
                &["export", "directory", "--data-dir", "data"],
                &[(key, value)],
            )
            .bad_input(&["configuration", named]);
        assert!(refused.stdout.is_empty());
    }
    // An empty database URL means "not set": SQLite in the data directory.
    world
        .run_with(
            &["export", "directory", "--data-dir", "data"],
            &[("TORCHLIGHT_DATABASE_URL", "")],
        )
        .success();
    assert!(world.data_dir().join("torchlight.sqlite3").exists());
}

#[tokio::test]
async fn torchlight_database_url_switches_to_postgresql() {
    let world = World::new(Engine::Postgres).await;
    world.import(&demo_file(), &[]).success();
    assert!(
        !world.data_dir().join("torchlight.sqlite3").exists(),
        "TORCHLIGHT_DATABASE_URL was ignored: the import went to SQLite"
    );
    assert_eq!(world.stored().await.organizations.len(), demo_counts().0);
}

/// A damaged codename key stops the server with the file named, and is never
/// replaced: a new key would leave every request unreachable by its codename.
#[tokio::test]
async fn a_damaged_codename_key_is_named_and_kept() {
    let world = World::new(Engine::Sqlite).await;
    world.import(&demo_file(), &[]).success();
    world.write("data/codename.key", "short");
    world
        .run(&["serve", "--listen", "127.0.0.1:0", "--data-dir", "data"])
        .failure(&["codename.key", "32 bytes"]);
    let kept = std::fs::read(world.data_dir().join("codename.key")).expect("the key file");
    assert_eq!(kept, b"short");
}
