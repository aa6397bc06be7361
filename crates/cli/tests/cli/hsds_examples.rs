//! The HSDS standard's own examples import, given defaults for what HSDS cannot say
//! (support type, country, language); without them the import names the field.

use std::path::PathBuf;

use crate::both_engines;
use crate::support::{Engine, World};

both_engines!(
    the_standards_examples_import_with_defaults,
    without_defaults_the_examples_are_refused,
    bad_default_flags_are_named,
);

const DEFAULTS: [&str; 6] = [
    "--default-support",
    "information",
    "--default-country",
    "GB",
    "--default-language",
    "en",
];

/// The example files of the HSDS 3 standard, kept in the repository's test fixtures.
fn examples() -> Vec<PathBuf> {
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/hsds-3/examples");
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| {
        panic!(
            "the HSDS 3 examples are missing from {} ({e}); this test needs the standard's \
             sample records in tests/fixtures/hsds-3/examples",
            dir.display()
        )
    });
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 3,
        "expected the standard's example files in {}, found {files:?}",
        dir.display()
    );
    files
}

async fn the_standards_examples_import_with_defaults(engine: Engine) {
    let world = World::new(engine).await;
    for file in examples() {
        let text = std::fs::read_to_string(&file).expect("example file");
        world
            .import(&file, &DEFAULTS)
            .success()
            .stdout_has(&["imported"]);
        let stored = world.stored().await;
        let name = file.display();
        assert!(!stored.organizations.is_empty(), "{name}: no organisation");
        assert!(!stored.services.is_empty(), "{name}: no service");
        for organization in &stored.organizations {
            assert!(
                text.contains(&organization.name),
                "{name}: {organization:?}"
            );
            assert!(
                organization.countries.iter().any(|c| c.as_str() == "GB"),
                "{name}: the default country is missing: {organization:?}"
            );
        }
        for service in &stored.services {
            assert!(text.contains(&service.name), "{name}: {service:?}");
            assert_eq!(service.support.as_str(), "information", "{name}");
            assert!(!service.languages.is_empty(), "{name}: {service:?}");
            assert!(
                stored.organization(service.organization_id).is_some(),
                "{name}: {service:?} has no organisation"
            );
        }
        // What came in goes out again as HSDS.
        let exported = world.export(&["--format", "hsds"]).success().stdout;
        for organization in &stored.organizations {
            assert!(exported.contains(&organization.id.to_string()), "{name}");
        }
    }
}

async fn without_defaults_the_examples_are_refused(engine: Engine) {
    let world = World::new(engine).await;
    let files = examples();
    world.import(&files[0], &DEFAULTS).success();
    let before = world.stored().await;
    for file in &files {
        world.import(file, &[]).bad_input(&[
            "nothing was changed",
            "attributes: no support type",
            "default support type",
            "no country",
            "default country",
            "languages: no language",
        ]);
        // One default is not enough when the others are missing too.
        world
            .import(file, &["--default-support", "information"])
            .bad_input(&["no country", "no language"]);
    }
    assert_eq!(world.stored().await, before);
}

async fn bad_default_flags_are_named(engine: Engine) {
    let world = World::new(engine).await;
    let files = examples();
    let with = |flag: &str, value: &str| -> Vec<String> {
        let mut args: Vec<String> = DEFAULTS.iter().map(|a| a.to_string()).collect();
        let at = args.iter().position(|a| a == flag).expect("flag") + 1;
        args[at] = value.to_owned();
        args
    };
    for (flag, value) in [
        ("--default-country", "XX"),
        ("--default-country", "Great Britain"),
        ("--default-support", "telepathy"),
        ("--default-support", "Not A Code"),
        ("--default-language", "klingon"),
    ] {
        let args = with(flag, value);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        world
            .import(&files[0], &args)
            .bad_input(&[&format!("{flag}: ")]);
    }
    assert!(world.stored().await.organizations.is_empty());
}
