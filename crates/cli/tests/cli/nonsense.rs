//! Nothing a user can type makes the binary panic: usage errors and bad values exit 2
//! with a message, everything else exits 1 with a message. (Every run in this suite
//! also fails on a panic, see `support::finish`.)

use crate::support::{Engine, World};

#[tokio::test]
async fn usage_errors_exit_2_with_a_message() {
    let world = World::new(Engine::Sqlite).await;
    let cases: &[(&[&str], &str)] = &[
        (&[], "Usage"),
        (&["frobnicate"], "frobnicate"),
        (&["import"], "Usage"),
        (&["import", "directory"], "<FILE>"),
        (&["import", "organisations", "x.json"], "organisations"),
        (&["export", "directory", "--format"], "--format"),
        (&["export", "directory", "--output"], "--output"),
        (&["serve", "--listen", "nonsense"], "--listen"),
        (&["serve", "--listen", "127.0.0.1:99999"], "--listen"),
        (&["demo", "--reset=maybe"], "--reset"),
        (&["serve", "--data-dir"], "--data-dir"),
        (&["export", "directory", "--data-dir", ""], "--data-dir"),
        (&["--config"], "--config"),
        (&["serve", "--with-allies"], "--with-allies"),
    ];
    for (args, named) in cases {
        let refused = world.run(args).bad_input(&[named]);
        assert!(refused.stdout.is_empty(), "{args:?}: {}", refused.stdout);
    }
    assert!(!world.data_dir().exists(), "a usage error touched data");
    // Asking for help is not an error.
    world
        .run(&["--help"])
        .success()
        .stdout_has(&["serve", "demo", "import", "export"]);
    world.run(&["--version"]).success();
}

#[tokio::test]
async fn odd_files_and_paths_are_refused_with_a_message() {
    let world = World::new(Engine::Sqlite).await;
    world.write("empty.json", "");
    world.write("binary.json", [0xff_u8, 0xfe, 0x00, 0x01, b'{']);
    world.write("number.json", "42");
    world.write("nested.json", "[".repeat(100_000));
    world.write("a-file", "not a directory");
    let bad: &[(&[&str], &[&str])] = &[
        (
            &["import", "directory", "empty.json"],
            &["empty.json", "line 1, column 0"],
        ),
        (
            &["import", "directory", "binary.json"],
            &["binary.json", "not valid JSON"],
        ),
        (
            &["import", "directory", "number.json"],
            &["number.json", "nothing was changed"],
        ),
        (
            &["import", "directory", "nested.json"],
            &["nested.json", "nothing was changed"],
        ),
        (&["import", "directory", "."], &["cannot read ."]),
        (
            &[
                "import",
                "directory",
                "a-file",
                "--default-country",
                "Kyrgyzstan",
            ],
            &["--default-country"],
        ),
        (
            &[
                "import",
                "directory",
                "a-file",
                "--default-language",
                "ru-RU",
            ],
            &["--default-language"],
        ),
        (
            &["export", "directory", "--data-dir", "a-file"],
            &["a-file", "not a directory"],
        ),
        (
            &["serve", "--listen", "127.0.0.1:0", "--data-dir", "a-file"],
            &["a-file"],
        ),
    ];
    for (args, named) in bad {
        world.run(args).bad_input(named);
    }
    // Not the user's input but the machine's: exit 1, still with a message.
    let failed = world.run(&[
        "export",
        "directory",
        "--data-dir",
        "data",
        "--output",
        "no/such/folder/out.json",
    ]);
    assert_eq!(failed.code, Some(1), "{}", failed.stderr);
    assert!(
        failed
            .stderr
            .contains("cannot write no/such/folder/out.json"),
        "{}",
        failed.stderr
    );
}
