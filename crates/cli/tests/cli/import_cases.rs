//! `torchlight import cases`: an organisation's cases from a JSON Lines file,
//! checked whole first (every problem by its line and field, nothing stored),
//! then stored all together, sealed to the organisation's key while the server
//! is sealed, as new cases of its triage queue.

use torchlight_core::case::CaseStatus;
use torchlight_core::{Directory, OrganizationId};

use crate::both_engines;
use crate::security::{coalition, init_passphrase, organization_names, PASSPHRASE};
use crate::support::{demo_file, Engine, World};

both_engines!(
    a_file_with_any_problem_changes_nothing_and_names_each_line_and_field,
    a_valid_file_lands_whole_as_new_cases_of_the_organisation,
);

fn organization_id(name: &str) -> OrganizationId {
    let text = std::fs::read_to_string(demo_file()).unwrap();
    let demo: Directory = serde_json::from_str(&text).unwrap();
    demo.organizations
        .into_iter()
        .find(|o| o.name == name)
        .unwrap()
        .id
}

async fn cases_of(world: &World, organization: OrganizationId) -> usize {
    let store = world.open_store().await;
    store.cases_visible_to(organization).await.unwrap().len()
}

async fn ready(engine: Engine) -> (World, String) {
    let world = coalition(engine).await;
    init_passphrase(&world, PASSPHRASE).success();
    let name = organization_names().remove(0);
    (world, name)
}

async fn a_file_with_any_problem_changes_nothing_and_names_each_line_and_field(engine: Engine) {
    let (world, org) = ready(engine).await;
    let before = cases_of(&world, organization_id(&org)).await;
    let file = world.write(
        "cases.jsonl",
        concat!(
            r#"{"country": "KG", "urgency": "within_days", "name": "Aibek (fictional)"}"#,
            "\n",
            r#"{"country": "Atlantis", "name": "Second (fictional)"}"#,
            "\n",
            "\n",
            r#"{"country": "KG", "name": "Third", "passport": "AB123"}"#,
            "\n",
            r#"{"country": "KG", "name": ""#,
            "\n",
            r#"{"country": "KG", "urgency": "someday", "name": ""}"#,
            "\n",
        ),
    );
    let path = file.to_string_lossy().into_owned();
    world
        .run(&[
            "import",
            "cases",
            &path,
            "--org",
            &org,
            "--data-dir",
            "data",
        ])
        .bad_input(&[
            "nothing was changed",
            "line 2, field country: not a known code",
            "line 4: unknown field `passport`",
            "line 5:",
            "line 6, field urgency",
            "line 6, field name: required",
        ]);
    assert_eq!(cases_of(&world, organization_id(&org)).await, before);

    world
        .run(&[
            "import",
            "cases",
            &path,
            "--org",
            "No Such Org",
            "--data-dir",
            "data",
        ])
        .bad_input(&["--org"]);
    let empty = world.write("empty.jsonl", "\n\n");
    world
        .run(&[
            "import",
            "cases",
            &empty.to_string_lossy(),
            "--org",
            &org,
            "--data-dir",
            "data",
        ])
        .bad_input(&["holds no case"]);
    assert_eq!(cases_of(&world, organization_id(&org)).await, before);
}

async fn a_valid_file_lands_whole_as_new_cases_of_the_organisation(engine: Engine) {
    let (world, org) = ready(engine).await;
    let id = organization_id(&org);
    let before = cases_of(&world, id).await;
    let file = world.write(
        "cases.jsonl",
        concat!(
            r#"{"country": "AM", "urgency": "threat_to_life", "name": "Ani (fictional)", "narrative": "Followed home twice."}"#, "\n",
            r#"{"country": "KG", "name": "Айбек (вымышленный)", "contact": "Signal +000 555 0101"}"#, "\n",
            r#"{"country": "GE", "urgency": "not_urgent", "name": "ნინო (fictional)"}"#, "\n",
        ),
    );
    let path = file.to_string_lossy().into_owned();
    world
        .run(&[
            "import",
            "cases",
            &path,
            "--org",
            &org,
            "--data-dir",
            "data",
            "--dry-run",
        ])
        .success()
        .stdout_has(&["is valid: 3 cases", "nothing stored"]);
    assert_eq!(
        cases_of(&world, id).await,
        before,
        "a dry run stores nothing"
    );

    world
        .run(&[
            "import",
            "cases",
            &path,
            "--org",
            &org,
            "--data-dir",
            "data",
        ])
        .success()
        .stdout_has(&["Imported 3 cases", "triage queue"]);
    let store = world.open_store().await;
    let cases = store.cases_visible_to(id).await.unwrap();
    assert_eq!(cases.len(), before + 3);
    let imported: Vec<_> = cases
        .iter()
        .filter(|c| c.record.binding.is_none())
        .collect();
    assert_eq!(
        imported.len(),
        3,
        "unbound until the organisation first reads them"
    );
    assert!(imported.iter().all(|c| c.record.status == CaseStatus::New));
    for case in &imported {
        let plain = String::from_utf8_lossy(&case.record.content);
        assert!(!plain.contains("Followed home"), "sealed, never in clear");
    }
    let actions: Vec<String> = store
        .audit_entries(0, 100_000)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.event.action)
        .collect();
    assert_eq!(actions.iter().filter(|a| *a == "cases.imported").count(), 3);
    assert_eq!(actions.iter().filter(|a| *a == "cases.import").count(), 1);
    world
        .run(&["audit", "verify", "--data-dir", "data"])
        .success();
}
